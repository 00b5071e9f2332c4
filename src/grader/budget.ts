import { sanitizeText } from '../sandbox/wire';
import type { CaseReport, GradeReport } from './types';

/**
 * What a report may quote, in UTF-16 code units. Learner output reaches a report through many
 * doors (a returned object's keys in a mismatch message, previews, thrown messages, logs): each
 * piece has its own cap, and the report as a whole has one, so `grade --json` stays one small
 * JSON object whatever the learner returns (a result with 9,990 keys of 200 characters is
 * 2 MB of keys, quoted once per case).
 */
export const REPORT_LIMITS = {
  /** One case message or error message. */
  messageChars: 1_000,
  /** One expected/actual/input preview. */
  previewChars: 400,
  /** One console line. */
  logLineChars: 2_000,
  /** Every console line together. */
  logChars: 20_000,
  /** Every quoted piece of the report together. */
  totalChars: 200_000,
} as const;

/** Marks text cut to fit a budget. */
export const TRUNCATED = '…（已截断）';

/**
 * The report as it may be printed: every string stripped of terminal and bidi control
 * characters (learner text, and anything that quotes it), then cut to REPORT_LIMITS with
 * 「…（已截断）」. The engine's own structure (passed, score, case count, names) is untouched.
 */
export function budgetReport(r: GradeReport): GradeReport {
  let left: number = REPORT_LIMITS.totalChars;
  const clip = (text: string, max: number): string => {
    const clean = sanitizeText(text);
    const limit = Math.max(0, Math.min(max, left));
    const out = clean.length <= limit ? clean : `${clean.slice(0, Math.max(0, limit - TRUNCATED.length))}${TRUNCATED}`;
    left -= out.length;
    return out;
  };
  const opt = (text: string | undefined, max: number) => (text === undefined ? undefined : clip(text, max));
  const cases = r.cases.map((c): CaseReport => {
    const out: CaseReport = { ...c, name: clip(c.name, REPORT_LIMITS.messageChars) };
    const set = <K extends 'message' | 'hint' | 'inputSummary' | 'expectedPreview' | 'actualPreview'>(k: K, max: number) => {
      const v = opt(c[k], max);
      if (v === undefined) delete out[k];
      else out[k] = v;
    };
    set('message', REPORT_LIMITS.messageChars);
    set('hint', REPORT_LIMITS.messageChars);
    set('inputSummary', REPORT_LIMITS.previewChars);
    set('expectedPreview', REPORT_LIMITS.previewChars);
    set('actualPreview', REPORT_LIMITS.previewChars);
    return out;
  });
  const report: GradeReport = { ...r, cases, warnings: r.warnings.map((w) => clip(w, REPORT_LIMITS.messageChars)) };
  if (r.error) report.error = { ...r.error, message: clip(r.error.message, REPORT_LIMITS.messageChars) };
  let logChars = 0;
  const logs: GradeReport['logs'] = [];
  for (const l of r.logs) {
    if (logChars >= REPORT_LIMITS.logChars || left <= 0) {
      logs.push({ level: 'warn', text: TRUNCATED });
      break;
    }
    const text = clip(l.text, Math.min(REPORT_LIMITS.logLineChars, REPORT_LIMITS.logChars - logChars));
    logChars += text.length;
    logs.push({ level: l.level, text });
  }
  report.logs = logs;
  return report;
}
