/**
 * The verdict of one table cell: what the re-grade says about what the student reported.
 *  - verified: the re-grade passes;
 *  - mismatch: the file says passed, but the re-grade fails or there is no code to re-grade
 *    (hand-edited files land here);
 *  - not-passed: not reported as passed, and the re-grade fails;
 *  - not-attempted: no code, and no pass claimed.
 */
import type { Reported } from './class';

export const VERDICTS = ['verified', 'mismatch', 'not-passed', 'not-attempted'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** `regradePassed` is null when there was no code to re-grade. */
export function verdictOf(reported: Reported, regradePassed: boolean | null): Verdict {
  if (regradePassed === null) return reported === 'passed' ? 'mismatch' : 'not-attempted';
  if (regradePassed) return 'verified';
  return reported === 'passed' ? 'mismatch' : 'not-passed';
}
