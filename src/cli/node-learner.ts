import { Worker } from 'node:worker_threads';
import { parseLearnerEvent, type LearnerEvent, type LearnerJob, type LearnerOutcome, type LearnerPort } from '../grader/index';
import { learnerThreadUrl } from './learner-bundle';
const MAX_HEAP_MB = 1024;

export interface NodeLearnerHost extends LearnerPort {
  /** Resolves when the next run's worker has loaded tfjs (benchmarks wait on it). */
  ready(): Promise<void>;
  /** Terminates the spare worker, if any, so the process can exit. */
  dispose(): Promise<void>;
}

/**
 * Runs each submission in a fresh worker thread (a fresh realm, so one run's monkey-patching
 * can't leak into the next) and terminates it on timeout. With `prespawn`, the next worker
 * starts loading tfjs while the current one grades.
 */
export function createNodeLearnerHost({ prespawn = false } = {}): NodeLearnerHost {
  let spare: Promise<Worker> | undefined;
  const take = (): Promise<Worker> => {
    const w = spare ?? spawn();
    spare = prespawn ? spawn() : undefined;
    return w;
  };
  return {
    async run(job: LearnerJob, onEvent: (e: LearnerEvent) => void, timeoutMs: number): Promise<LearnerOutcome> {
      const worker = await take();
      try {
        return await runOn(worker, job, onEvent, timeoutMs);
      } finally {
        await worker.terminate();
      }
    },
    async ready() {
      spare ??= spawn();
      await spare;
    },
    async dispose() {
      const s = spare;
      spare = undefined;
      if (s) await (await s).terminate();
    },
  };
}

function spawn(): Promise<Worker> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(learnerThreadUrl(), {
      // Learner output must never reach the CLI's stdout (--json prints exactly one object).
      stdout: true,
      stderr: true,
      env: {},
      resourceLimits: { maxOldGenerationSizeMb: MAX_HEAP_MB },
    });
    worker.stdout.resume();
    worker.stderr.resume();
    const onError = (e: Error) => reject(e);
    worker.once('error', onError);
    worker.once('message', (m: { type?: string }) => {
      worker.off('error', onError);
      if (m?.type === 'ready') resolve(worker);
      else reject(new Error(`learner thread sent ${JSON.stringify(m)} before ready`));
    });
  });
}

function runOn(worker: Worker, job: LearnerJob, onEvent: (e: LearnerEvent) => void, timeoutMs: number): Promise<LearnerOutcome> {
  return new Promise((resolve) => {
    let settled = false;
    const started = performance.now();
    const finish = (outcome: LearnerOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.removeAllListeners('message');
      resolve(outcome);
    };
    const timer = setTimeout(() => finish({ status: 'timeout', ms: performance.now() - started }), timeoutMs);
    worker.on('message', (data: unknown) => {
      const event = parseLearnerEvent(data);
      onEvent(event);
      if (event.type === 'done' || event.type === 'fatal') finish({ status: 'done' });
    });
    worker.once('error', (e) => finish({ status: 'crashed', detail: `未捕获的错误：${e.message}` }));
    worker.once('exit', (code) => finish({ status: 'crashed', detail: `退出码 ${code}` }));
    worker.postMessage(job);
  });
}
