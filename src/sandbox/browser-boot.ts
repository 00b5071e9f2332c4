// What every browser sandbox realm does first (both learner realm builds and the playground's): remove the worker's ways
// out from its global, take its private MessagePort, load tfjs's CPU backend, then hand each
// message to the build's handler and say 'ready'. Learner code never sees this global (the
// compartment has its own), so the removal only matters if that fails.
import { useGradingBackend } from '../grader/backend';
import type { TF } from '../grader/types';
import { parseWireJob, type WireJob } from './wire-realm';

const scope = self as unknown as { onmessage: ((e: MessageEvent) => void) | null } & Record<string, unknown>;

// Second layer behind the policy (src/runtime/browser-spawn.ts). Most of these are not own
// properties of the global but live on its prototype chain (WorkerGlobalScope.prototype, …):
// `delete self.fetch` would leave them in place, so each is deleted wherever it is an own
// property. tests/e2e/sandbox.spec.ts checks, in Chromium, that none is left reachable from
// either real bundle's global.
export const WAYS_OUT = ['fetch', 'XMLHttpRequest', 'WebSocket', 'WebTransport', 'EventSource', 'importScripts', 'indexedDB', 'caches', 'Worker', 'SharedWorker', 'FontFace', 'fonts', 'BroadcastChannel', 'navigator', 'Request', 'WebSocketStream'] as const;

/** Posts on the realm's private port (buffers in `transfer` are moved, not copied). */
export type Post = (message: unknown, transfer?: Transferable[]) => void;
/** Handles one message from the host; `port` lets a handler stop listening (a cell realm runs one cell). */
export type RealmHandler = (data: unknown, port: MessagePort) => void;

export function bootBrowserRealm(tf: TF, prepare: (post: Post) => RealmHandler): void {
  for (const name of WAYS_OUT) {
    for (let o: object | null = scope; o !== null; o = Object.getPrototypeOf(o)) {
      if (!Object.hasOwn(o, name)) continue;
      try {
        delete (o as Record<string, unknown>)[name];
      } catch {
        // non-configurable: the policy still holds
      }
    }
  }

  const portReady = new Promise<MessagePort>((resolve) => {
    scope.onmessage = (e: MessageEvent) => {
      const port = e.ports[0];
      if (!port) return;
      scope.onmessage = null;
      resolve(port);
    };
  });

  void (async () => {
    const port = await portReady;
    const post = MessagePort.prototype.postMessage.bind(port) as Post;
    try {
      await useGradingBackend(tf);
      const handle = prepare(post);
      port.onmessage = (e: MessageEvent) => handle(e.data, port);
      post({ type: 'ready' });
    } catch (e) {
      post({ type: 'fatal', error: { kind: 'runtime', message: `评分环境出错：${String((e as Error)?.message ?? e)}` } });
    }
  })();
}

/**
 * A grading job's handler: checks the job by hand (no zod in a `core` realm), then runs it with
 * the runner `prepare` makes. A realm that may also run a code cell prepares at the first
 * grading job (preparing freezes tfjs's classes, which a cell must not find frozen); a realm
 * that only grades prepares at once (`eager`), before it says it is ready, so a pre-spawned
 * realm's job pays nothing for it. A grading realm may run several jobs in turn.
 */
export function gradingHandler(post: Post, prepare: () => (job: WireJob) => void, { eager = false }: { eager?: boolean } = {}): (data: unknown) => void {
  let run: ((job: WireJob) => void) | undefined = eager ? prepare() : undefined;
  return (data) => {
    const job = parseWireJob(data);
    if (!job) post({ type: 'fatal', error: { kind: 'runtime', message: '评分环境收到了格式不对的任务。' } });
    else (run ??= prepare())(job);
  };
}
