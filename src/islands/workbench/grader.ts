/**
 * The page's one grader (src/worker/client.ts), loaded lazily so the page's first JS stays
 * small. The client replaces its learner worker after every run and after a timeout, so the
 * next run never needs a reload.
 */
import type { BrowserGrader } from '../../worker/client';

export type { BrowserGrader, GradeRequest } from '../../worker/client';

let grader: Promise<BrowserGrader> | undefined;

export function getGrader(): Promise<BrowserGrader> {
  grader ??= import('../../worker/client').then((m) => m.createBrowserGrader());
  return grader;
}
