import { SYNTAX_DEADLINE_MS, type SyntaxLocation, type SyntaxLocator } from '../grader/syntax';

/** Loading TypeScript (3.5 MB) is trusted work, bounded apart from the parse deadline. */
const LOAD_DEADLINE_MS = 30_000;

/**
 * The browser's SyntaxLocator: TypeScript's parser in a Web Worker of its own, started on the
 * first syntax error and reused while it answers in time. A parse that misses its deadline
 * terminates the worker and resolves null (the report keeps the realm compiler's position), so
 * a hostile source never blocks the page. Calls are serialised.
 */
export function createBrowserSyntaxLocator(deadlineMs = SYNTAX_DEADLINE_MS): SyntaxLocator & { dispose(): void } {
  let worker: Promise<Worker | null> | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  let nextId = 1;

  const start = (): Promise<Worker | null> =>
    new Promise((resolve) => {
      const w = new Worker(new URL('./syntax.worker.ts', import.meta.url), { type: 'module', name: 'syntax' });
      const timer = setTimeout(() => {
        w.terminate();
        resolve(null);
      }, LOAD_DEADLINE_MS);
      w.addEventListener('message', () => {
        clearTimeout(timer);
        resolve(w);
      }, { once: true });
      w.addEventListener('error', (e) => {
        e.preventDefault();
        clearTimeout(timer);
        w.terminate();
        resolve(null);
      }, { once: true });
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
        w.removeEventListener('message', onMessage);
        resolve(location);
      };
      const onMessage = (e: MessageEvent<{ type?: string; id?: number; location?: SyntaxLocation | null }>) => {
        if (e.data?.type === 'located' && e.data.id === id) done(e.data.location ?? null);
      };
      const timer = setTimeout(() => {
        worker = undefined;
        w.terminate();
        done(null);
      }, deadlineMs);
      w.addEventListener('message', onMessage);
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
