// The browser learner realm: a classic Web Worker made from a blob inside an
// <iframe sandbox="allow-scripts"> whose Content-Security-Policy forbids every request
// (src/runtime/browser-spawn.ts). It has an opaque origin, so no storage either. Host code
// here takes its private MessagePort first; learner code then runs in a SES compartment.
import './lockdown';
import { useGradingBackend } from '../grader/backend';
import { prepareCellRealm } from './cell-job';
import { cellJobSchema, isCellJob } from './cell-protocol';
import { prepareRealm } from './run-job';
import { tf } from './tf-slim';
import { wireJobSchema, type WireJob } from './wire';

const scope = self as unknown as { onmessage: ((e: MessageEvent) => void) | null } & Record<string, unknown>;

// Second layer behind the policy: ways out of a worker, removed from its global. Learner code
// never sees this global (the compartment has its own), so this only matters if that fails.
// Most of them are not own properties of the global but live on its prototype chain
// (WorkerGlobalScope.prototype, …): `delete self.fetch` would leave them in place, so each is
// deleted wherever it is an own property. tests/e2e/sandbox.spec.ts checks, in Chromium, that
// none is left reachable from the real bundle's global.
export const WAYS_OUT = ['fetch', 'XMLHttpRequest', 'WebSocket', 'WebTransport', 'EventSource', 'importScripts', 'indexedDB', 'caches', 'Worker', 'SharedWorker', 'FontFace', 'fonts', 'BroadcastChannel', 'navigator', 'Request', 'WebSocketStream'] as const;
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
  const post = MessagePort.prototype.postMessage.bind(port) as (m: unknown) => void;
  try {
    await useGradingBackend(tf);
    // Prepared at the first grading job (it freezes tfjs's classes, which a cell doesn't want).
    let run: ((job: WireJob) => void) | undefined;
    port.onmessage = (e: MessageEvent) => {
      // A chapter's code cell: prepared now, still before any learner code runs (it re-routes
      // the console to the cell's event stream).
      if (isCellJob(e.data)) {
        port.onmessage = null; // a cell realm runs one cell
        const cell = cellJobSchema.safeParse(e.data);
        if (!cell.success) {
          post({ type: 'error', kind: 'runtime', message: '运行环境收到了格式不对的任务。' });
          post({ type: 'done', ms: 0 });
        } else {
          prepareCellRealm({ tf, emit: post })(cell.data).catch((err: unknown) => {
            post({ type: 'error', kind: 'runtime', message: `运行环境出错：${String((err as Error)?.message ?? err)}` });
            post({ type: 'done', ms: 0 });
          });
        }
        return;
      }
      const parsed = wireJobSchema.safeParse(e.data);
      if (!parsed.success) post({ type: 'fatal', error: { kind: 'runtime', message: '评分环境收到了格式不对的任务。' } });
      else {
        // A grading realm may run several jobs in turn (one student's submissions on /teacher/).
        run ??= prepareRealm({ tf, emit: post });
        run(parsed.data as WireJob);
      }
    };
    post({ type: 'ready' });
  } catch (e) {
    post({ type: 'fatal', error: { kind: 'runtime', message: `评分环境出错：${String((e as Error)?.message ?? e)}` } });
  }
})();
