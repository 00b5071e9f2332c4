/**
 * The grading engine's browser client (src/worker/client.ts, owned by the engine), loaded lazily so
 * the page's first JS stays small. One grader per page; the client respawns its learner worker
 * after a timeout, so the next run needs no reload.
 *
 * The interface is restated here (structurally identical to the client's) so this module
 * type-checks on its own; the glob picks the real client up as soon as it exists.
 */
import type { ExerciseMeta } from '../../grader/schema';
import type { GradeReport } from '../../grader/types';

export interface GradeRequest {
  exercise: ExerciseMeta;
  code: string;
  seed?: number;
}
export interface BrowserGrader {
  grade(req: GradeRequest): Promise<GradeReport>;
  warm(exerciseId: string): Promise<void>;
  dispose(): void;
}
interface ClientModule {
  createBrowserGrader(): BrowserGrader;
}

const clients = import.meta.glob<ClientModule>('../../worker/client.ts');

/** Stand-in while the engine's client is not in the tree: every run reports an engine error. */
const missing: BrowserGrader = {
  async grade(req) {
    return {
      exercise: req.exercise.id,
      passed: false,
      score: 0,
      seed: req.seed ?? 0,
      cases: [],
      error: { kind: 'runtime', message: '评测引擎（src/worker/client.ts）尚未构建进本站。' },
      logs: [],
      warnings: [],
      durationMs: 0,
    };
  },
  async warm() {},
  dispose() {},
};

let grader: Promise<BrowserGrader> | undefined;

export function getGrader(): Promise<BrowserGrader> {
  const load = Object.values(clients)[0];
  grader ??= load ? load().then((m) => m.createBrowserGrader()) : Promise.resolve(missing);
  return grader;
}
