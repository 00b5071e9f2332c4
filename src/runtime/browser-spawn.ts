import type { RealmChannel, RealmExit, SpawnRealm } from './channel';

/**
 * The policy that binds every learner worker: no request of any kind (fetch, XHR, sockets,
 * EventSource, fonts, images, import(), importScripts, nested workers except from blobs),
 * and the iframe's opaque origin leaves no storage (IndexedDB, caches, OPFS). Measured in
 * Chromium by tests/e2e/sandbox.spec.ts against a beacon server.
 */
export const LEARNER_CSP = "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval' blob:; worker-src blob:";

// The iframe's own script: trusted, tiny, and the only code in that document. It turns the
// bundle into one blob URL and starts one fresh worker per spawn, handing it the page's port.
const HOST_SCRIPT = `
let blobUrl;
const workers = new Map();
addEventListener('message', (e) => {
  if (e.source !== parent) return;
  const m = e.data;
  if (m.type === 'init') {
    blobUrl = URL.createObjectURL(new Blob([m.code], { type: 'text/javascript' }));
    parent.postMessage({ type: 'inited' }, '*');
  } else if (m.type === 'spawn') {
    let w;
    try {
      w = new Worker(blobUrl, { name: 'learner' });
    } catch (err) {
      parent.postMessage({ type: 'exit', id: m.id, reason: 'crash', detail: String(err) }, '*');
      return;
    }
    workers.set(m.id, w);
    w.addEventListener('error', (ev) => {
      ev.preventDefault();
      workers.delete(m.id);
      w.terminate();
      parent.postMessage({ type: 'exit', id: m.id, reason: 'crash', detail: 'uncaught error' }, '*');
    });
    w.postMessage({ type: 'port' }, [m.port]);
  } else if (m.type === 'kill') {
    const w = workers.get(m.id);
    workers.delete(m.id);
    if (w) w.terminate();
  }
});
parent.postMessage({ type: 'loaded' }, '*');
`;

interface Host {
  frame: HTMLIFrameElement;
  holder?: HTMLElement;
  post(m: unknown, transfer?: Transferable[]): void;
  exits: Map<number, (e: RealmExit) => void>;
}

/**
 * Spawns learner realms as Web Workers inside one hidden sandboxed iframe. Each worker talks
 * to the page only through a MessagePort that host code captured before learner code ran;
 * the page kills a worker by asking the iframe to terminate it.
 */
export function createBrowserSpawner(bundleUrl: string): SpawnRealm & { dispose(): void } {
  let host: Promise<Host> | undefined;
  let nextId = 1;

  const start = (): Promise<Host> =>
    (host ??= (async () => {
      const code = await fetch(bundleUrl).then((r) => {
        if (!r.ok) throw new Error(`learner realm: HTTP ${r.status}`);
        return r.text();
      });
      const frame = document.createElement('iframe');
      frame.setAttribute('sandbox', 'allow-scripts');
      frame.setAttribute('aria-hidden', 'true');
      frame.tabIndex = -1;
      frame.title = 'sandbox';
      frame.style.cssText = 'position:absolute;width:0;height:0;border:0;visibility:hidden';
      frame.srcdoc = `<!doctype html><meta http-equiv="Content-Security-Policy" content="${LEARNER_CSP}"><script>${HOST_SCRIPT}</script>`;
      const exits = new Map<number, (e: RealmExit) => void>();
      const h: Host = { frame, exits, post: (m, transfer = []) => frame.contentWindow?.postMessage(m, '*', transfer) };
      await new Promise<void>((resolve) => {
        const onMessage = (e: MessageEvent) => {
          if (e.source !== frame.contentWindow) return;
          const m = e.data as { type?: string; id?: number; reason?: RealmExit['reason']; detail?: string };
          if (m?.type === 'loaded') h.post({ type: 'init', code });
          else if (m?.type === 'inited') resolve();
          else if (m?.type === 'exit' && typeof m.id === 'number') exits.get(m.id)?.({ reason: m.reason ?? 'crash', ...(m.detail ? { detail: String(m.detail) } : {}) });
        };
        window.addEventListener('message', onMessage);
        // In a closed shadow root: page scripts and accessibility scanners never walk into the
        // sandbox (it has no content for people, and its policy refuses injected scripts).
        const holder = document.createElement('div');
        holder.hidden = true;
        holder.attachShadow({ mode: 'closed' }).append(frame);
        document.body.append(holder);
        h.holder = holder;
      });
      return h;
    })());

  const spawn = async (): Promise<RealmChannel> => {
    const h = await start();
    const id = nextId++;
    const { port1, port2 } = new MessageChannel();
    let exitInfo: RealmExit | undefined;
    let exitListener: ((e: RealmExit) => void) | undefined;
    let messageListener: ((d: unknown) => void) | undefined;
    let killed = false;
    const kill = () => {
      if (killed) return;
      killed = true;
      h.exits.delete(id);
      h.post({ type: 'kill', id });
      port1.close();
    };
    return new Promise<RealmChannel>((resolve, reject) => {
      let ready = false;
      h.exits.set(id, (e) => {
        exitInfo = e;
        kill();
        if (!ready) reject(new Error(`learner realm failed to start: ${e.detail ?? e.reason}`));
        exitListener?.(e);
      });
      port1.onmessage = (e: MessageEvent) => {
        if (!ready) {
          if ((e.data as { type?: string })?.type === 'ready') {
            ready = true;
            resolve(channel);
          } else {
            kill();
            reject(new Error('learner realm sent a message before ready'));
          }
          return;
        }
        messageListener?.(e.data);
      };
      const channel: RealmChannel = {
        post: (job, transfer = []) => port1.postMessage(job, transfer),
        onMessage: (l) => (messageListener = l),
        onExit: (l) => {
          exitListener = l;
          if (exitInfo) l(exitInfo);
        },
        kill,
      };
      h.post({ type: 'spawn', id, port: port2 }, [port2]);
    });
  };

  return Object.assign(spawn, {
    dispose() {
      void host?.then((h) => (h.holder ?? h.frame).remove());
      host = undefined;
    },
  });
}
