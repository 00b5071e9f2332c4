// The page's side of grading: two workers and the engine's orchestrator, which compares on
// the main thread, a realm no learner code runs in. No tfjs is loaded on the main thread.
import { gradeSubmission } from '../grader/grade';
import { parseLearnerEvent, parsePreparedCases } from '../grader/protocol';
import { randomSeed } from '../grader/rng';
import type { ExerciseMeta } from '../grader/schema';
import type { GradeReport, LearnerEvent, LearnerJob, LearnerOutcome, LearnerPort, PreparedCase, ReferencePort } from '../grader/types';
import { READY, referenceResponseSchema } from './protocol';

export interface GradeRequest {
  exercise: ExerciseMeta;
  code: string;
  /** Omit for a fresh random seed (recorded in the report, so a teacher can replay it). */
  seed?: number;
}

export interface BrowserGrader {
  /** Never rejects for learner mistakes: those are in report.error and report.cases. */
  grade(req: GradeRequest): Promise<GradeReport>;
  /** Loads tfjs and the exercise's cases ahead of the first run. */
  warm(exerciseId: string): Promise<void>;
  dispose(): void;
}

// Both roles share one script (see grader.worker.ts); each `new URL(…)` must stay literal for Vite.
const spawnLearner = () => new Worker(new URL('./grader.worker.ts', import.meta.url), { type: 'module', name: 'learner' });
const spawnReference = () => new Worker(new URL('./grader.worker.ts', import.meta.url), { type: 'module', name: 'reference' });

/** A learner worker that has loaded tfjs and said so. */
function readyLearner(): Promise<Worker> {
  const worker = spawnLearner();
  return new Promise((resolve, reject) => {
    const onMessage = (e: MessageEvent) => {
      if ((e.data as { type?: string })?.type !== READY) return;
      worker.removeEventListener('message', onMessage);
      resolve(worker);
    };
    worker.addEventListener('message', onMessage);
    worker.addEventListener('error', (e) => reject(new Error(e.message || '评分线程启动失败')), { once: true });
  });
}

export function createBrowserGrader(): BrowserGrader {
  let reference: Worker | undefined;
  let nextRequest = 1;
  const pending = new Map<number, { resolve: (c: PreparedCase[]) => void; reject: (e: Error) => void }>();
  // Only the latest seed's cases are kept: prepared cases can be large.
  let cached: { key: string; cases: Promise<PreparedCase[]> } | undefined;

  const getReference = (): Worker => {
    if (reference) return reference;
    reference = spawnReference();
    reference.addEventListener('message', (e: MessageEvent) => {
      const msg = referenceResponseSchema.parse(e.data);
      const p = pending.get(msg.requestId);
      pending.delete(msg.requestId);
      if (!p) return;
      if (msg.type === 'prepared') p.resolve(parsePreparedCases(msg.cases));
      else p.reject(new Error(msg.message));
    });
    return reference;
  };

  const referencePort: ReferencePort = {
    prepare(exerciseId, seed) {
      const key = `${exerciseId}:${seed}`;
      if (cached?.key !== key) {
        const cases = new Promise<PreparedCase[]>((resolve, reject) => {
          const requestId = nextRequest++;
          pending.set(requestId, { resolve, reject });
          getReference().postMessage({ type: 'prepare', requestId, exerciseId, seed });
        });
        cached = { key, cases };
      }
      return cached.cases;
    },
  };

  // One fresh learner worker per run; the next one starts loading as soon as a run begins.
  let spare: Promise<Worker> | undefined;
  let current: Worker | undefined;
  const takeLearner = (): Promise<Worker> => {
    const w = spare ?? readyLearner();
    spare = readyLearner();
    return w;
  };

  const learnerPort: LearnerPort = {
    async run(job: LearnerJob, onEvent: (e: LearnerEvent) => void, timeoutMs: number): Promise<LearnerOutcome> {
      const worker = await takeLearner();
      current = worker;
      return new Promise<LearnerOutcome>((resolve) => {
        const started = performance.now();
        let settled = false;
        const finish = (outcome: LearnerOutcome) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          worker.terminate(); // the main thread kills a runaway worker; the page never freezes
          if (current === worker) current = undefined;
          resolve(outcome);
        };
        const timer = setTimeout(() => finish({ status: 'timeout', ms: performance.now() - started }), timeoutMs);
        worker.addEventListener('message', (e: MessageEvent) => {
          const event = parseLearnerEvent(e.data);
          onEvent(event);
          if (event.type === 'done' || event.type === 'fatal') finish({ status: 'done' });
        });
        worker.addEventListener('error', (e) => {
          e.preventDefault();
          finish({ status: 'crashed', detail: `未捕获的错误：${e.message}` });
        });
        worker.postMessage(job);
      });
    },
  };

  return {
    async grade({ exercise, code, seed }) {
      try {
        return await gradeSubmission({ meta: exercise, code, seed: seed ?? randomSeed(), reference: referencePort, learner: learnerPort });
      } catch (e) {
        // An engine failure (not the learner's): report it in the same shape.
        return {
          exercise: exercise.id,
          passed: false,
          score: 0,
          seed: seed ?? 0,
          cases: [],
          logs: [],
          warnings: [],
          durationMs: 0,
          error: { kind: 'runtime', message: `评分器内部出错：${(e as Error).message}。请刷新页面后重试。` },
        };
      }
    },
    async warm(exerciseId) {
      spare ??= readyLearner();
      await Promise.all([spare, referencePort.prepare(exerciseId, randomSeed())]);
    },
    dispose() {
      reference?.terminate();
      current?.terminate();
      void spare?.then((w) => w.terminate());
      spare = undefined;
      reference = undefined;
    },
  };
}
