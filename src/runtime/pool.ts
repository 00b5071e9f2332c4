import type { RealmChannel, RealmExit, SpawnRealm } from './channel';

export interface PoolOptions {
  spawn: SpawnRealm;
  /** Jobs that run at once (the default is 1). */
  size?: number;
  /** Ready realms kept waiting while idle, so a job never waits for tfjs to load (default: size). */
  prespawn?: number;
}

export type RunOutcome =
  | { status: 'done' }
  | { status: 'timeout'; ms: number }
  | { status: 'cancelled' }
  | { status: 'crashed'; exit: RealmExit };

export interface RunOptions {
  timeoutMs: number;
  /** Called with every message from the realm, unparsed. Return true when the run is complete. */
  onMessage(data: unknown): boolean | void;
  signal?: AbortSignal;
  /** Called once the job has a slot (at once unless `size` jobs are running): before it, the job is queued. */
  onStart?(): void;
  /** Buffers inside `job` to move to the realm rather than copy (a cell's data file). */
  transfer?: Transferable[];
}

export interface Pool {
  /** Runs one job in a fresh realm that is killed afterwards, whatever happens. */
  run(job: unknown, options: RunOptions): Promise<RunOutcome>;
  /** Starts the pre-spawned realms now (e.g. while the reference prepares cases). */
  warm(): void;
  /** Resolves when at least one spare realm is ready. */
  ready(): Promise<void>;
  /** Kills every realm, running or spare. */
  dispose(): void;
}

/**
 * A pool of single-use learner realms. A realm runs exactly one job and is then killed, so
 * nothing one job does (to tfjs's prototypes, its registries or any global) reaches another:
 * one student's code can't change another student's verdict. Spares are spawned while idle.
 */
export function createPool({ spawn, size = 1, prespawn = size }: PoolOptions): Pool {
  const spares: Promise<RealmChannel>[] = [];
  const live = new Set<RealmChannel>();
  const queue: (() => void)[] = [];
  let running = 0;
  let disposed = false;

  const spawnTracked = (): Promise<RealmChannel> => {
    const p = spawn().then((ch) => {
      if (disposed) ch.kill();
      else live.add(ch);
      return ch;
    });
    p.catch(() => undefined);
    return p;
  };
  const topUp = () => {
    while (!disposed && spares.length < prespawn) spares.push(spawnTracked());
  };
  const take = (): Promise<RealmChannel> => {
    const ch = spares.shift() ?? spawnTracked();
    topUp();
    return ch;
  };
  const acquireSlot = () =>
    new Promise<void>((resolve) => {
      if (running < size) {
        running++;
        resolve();
      } else queue.push(() => {
        running++;
        resolve();
      });
    });
  const releaseSlot = () => {
    running--;
    queue.shift()?.();
  };

  const runOn = (ch: RealmChannel, job: unknown, { timeoutMs, onMessage, signal, transfer }: RunOptions) =>
    new Promise<RunOutcome>((resolve) => {
      let settled = false;
      const started = performance.now();
      const finish = (outcome: RunOutcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        ch.kill();
        live.delete(ch);
        resolve(outcome);
      };
      const onAbort = () => finish({ status: 'cancelled' });
      const timer = setTimeout(() => finish({ status: 'timeout', ms: performance.now() - started }), timeoutMs);
      signal?.addEventListener('abort', onAbort, { once: true });
      ch.onMessage((data) => {
        if (settled) return;
        let complete: boolean | void = false;
        try {
          complete = onMessage(data);
        } catch {
          complete = true;
        }
        if (complete) finish({ status: 'done' });
      });
      ch.onExit((exit) => finish({ status: 'crashed', exit }));
      if (signal?.aborted) return onAbort();
      ch.post(job, transfer);
    });

  return {
    async run(job, options) {
      if (disposed) return { status: 'cancelled' };
      await acquireSlot();
      try {
        if (options.signal?.aborted) return { status: 'cancelled' };
        options.onStart?.();
        let ch: RealmChannel;
        try {
          ch = await take();
        } catch (e) {
          return { status: 'crashed', exit: { reason: 'crash', detail: String((e as Error)?.message ?? e) } };
        }
        return await runOn(ch, job, options);
      } finally {
        releaseSlot();
      }
    },
    warm: topUp,
    async ready() {
      topUp();
      if (spares[0]) await spares[0];
    },
    dispose() {
      disposed = true;
      for (const ch of live) ch.kill();
      live.clear();
      for (const p of spares.splice(0)) void p.then((ch) => ch.kill(), () => undefined);
      for (const q of queue.splice(0)) q();
    },
  };
}
