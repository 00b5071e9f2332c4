import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { locateWithTypeScript, SYNTAX_DEADLINE_MS, type SyntaxLocation, type SyntaxLocator } from '../grader/syntax';

/** Loading TypeScript in a fresh worker is trusted work, bounded apart from the parse deadline. */
const LOAD_DEADLINE_MS = 30_000;

// The worker's whole program: load typescript once, then answer one source per message.
// locateWithTypeScript is self-contained, so its source text runs as is in the worker.
const PROGRAM = `
const { parentPort, workerData } = require('node:worker_threads');
const ts = require(workerData.typescript);
const locate = ${locateWithTypeScript.toString()};
parentPort.postMessage({ type: 'ready' });
parentPort.on('message', (m) => {
  let location = null;
  try { location = locate(ts, m.source); } catch { location = null; }
  parentPort.postMessage({ type: 'located', id: m.id, location });
});
`;

/**
 * The Node host's SyntaxLocator: TypeScript's parser in one worker thread, reused while it
 * answers in time. A parse that misses its deadline terminates the worker (V8 stops it even in
 * a tight loop) and resolves null; the next call starts a fresh worker. Calls are serialised.
 */
export function createNodeSyntaxLocator(deadlineMs = SYNTAX_DEADLINE_MS): SyntaxLocator & { dispose(): void } {
  const typescript = createRequire(import.meta.url).resolve('typescript');
  let worker: Promise<Worker | null> | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  let nextId = 1;

  const start = (): Promise<Worker | null> =>
    new Promise((resolve) => {
      const w = new Worker(PROGRAM, { eval: true, workerData: { typescript }, stdout: true, stderr: true });
      w.unref();
      const timer = setTimeout(() => {
        void w.terminate();
        resolve(null);
      }, LOAD_DEADLINE_MS);
      w.once('message', () => {
        clearTimeout(timer);
        resolve(w);
      });
      w.once('error', () => {
        clearTimeout(timer);
        resolve(null);
      });
    });

  const locateOnce = async (source: string): Promise<SyntaxLocation | null> => {
    worker ??= start();
    const w = await worker;
    if (!w) {
      worker = undefined;
      return null;
    }
    const id = nextId++;
    return new Promise((resolve) => {
      const done = (location: SyntaxLocation | null) => {
        clearTimeout(timer);
        w.off('message', onMessage);
        w.off('error', onError);
        resolve(location);
      };
      const onMessage = (m: { type?: string; id?: number; location?: SyntaxLocation | null }) => {
        if (m?.type === 'located' && m.id === id) done(m.location ?? null);
      };
      const onError = () => {
        worker = undefined;
        done(null);
      };
      const timer = setTimeout(() => {
        worker = undefined;
        void w.terminate();
        done(null);
      }, deadlineMs);
      w.on('message', onMessage);
      w.once('error', onError);
      w.postMessage({ id, source });
    });
  };

  const locate = (source: string): Promise<SyntaxLocation | null> => {
    const run = queue.then(() => locateOnce(source));
    queue = run.catch(() => null);
    return run;
  };
  return Object.assign(locate, {
    dispose() {
      void worker?.then((w) => w?.terminate());
      worker = undefined;
    },
  });
}
