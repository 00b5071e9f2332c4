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

/** One realm held for several jobs in turn (a teacher's re-grade of one student's submissions). */
export interface Lease {
  /**
   * Runs a job in the leased realm. After a job that didn't finish normally (timeout, crash,
   * cancel) that realm is killed, and the next job gets a fresh one.
   */
  run(job: unknown, options: Omit<RunOptions, 'onStart'>): Promise<RunOutcome>;
  /** Kills the realm and frees the slot. Idempotent. */
  release(): void;
}

export interface Pool {
  /** Runs one job in a fresh realm that is killed afterwards, whatever happens. */
  run(job: unknown, options: RunOptions): Promise<RunOutcome>;
  /** Takes a slot and a realm for several jobs in turn (see Lease); waits while `size` are busy. */
  lease(): Promise<Lease>;
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
    // The replacement spare starts once this realm is up, not beside it: on a cold page two
    // realms evaluating at once on two cores would delay the first verdict.
    ch.then(topUp, topUp);
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

  /** Runs `job` on `ch`; the realm is killed afterwards unless `keep` and the job ended normally. */
  const runOn = (ch: RealmChannel, job: unknown, { timeoutMs, onMessage, signal, transfer }: Omit<RunOptions, 'onStart'>, keep = false) =>
    new Promise<RunOutcome>((resolve) => {
      let settled = false;
      const started = performance.now();
      const finish = (outcome: RunOutcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        if (!keep || outcome.status !== 'done') {
          ch.kill();
          live.delete(ch);
        }
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
    async lease() {
      if (disposed) return { run: async () => ({ status: 'cancelled' as const }), release: () => undefined };
      await acquireSlot();
      let ch: RealmChannel | undefined;
      let released = false;
      return {
        async run(job, options) {
          if (released || disposed) return { status: 'cancelled' };
          if (options.signal?.aborted) return { status: 'cancelled' };
          if (!ch) {
            try {
              ch = await take();
            } catch (e) {
              return { status: 'crashed', exit: { reason: 'crash', detail: String((e as Error)?.message ?? e) } };
            }
          }
          const outcome = await runOn(ch, job, options, true);
          if (outcome.status !== 'done') ch = undefined; // killed: the next job gets a fresh realm
          return outcome;
        },
        release() {
          if (released) return;
          released = true;
          if (ch) {
            ch.kill();
            live.delete(ch);
            ch = undefined;
          }
          releaseSlot();
        },
      };
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
