/**
 * The one thing a host supplies to run learner code: a way to start a fresh, ready realm.
 * The browser starts a Web Worker inside a sandboxed iframe; Node starts a child process.
 * Everything else (pre-spawning, timeouts, cancel, one realm per job) is the pool's.
 */
export interface RealmChannel {
  /**
   * Sends the realm its one job (plain data; the realm validates it). `transfer` moves buffers
   * instead of copying them where the host can (a browser worker); other hosts ignore it.
   */
  post(job: unknown, transfer?: Transferable[]): void;
  /** Every message the realm sends after 'ready', unparsed: the engine treats it as hostile. */
  onMessage(listener: (data: unknown) => void): void;
  /** The realm ended by itself (crash, exit, a byte or memory cap). Called at most once. */
  onExit(listener: (detail: RealmExit) => void): void;
  /** Ends the realm at once; nothing inside can delay it. Idempotent. */
  kill(): void;
}

export interface RealmExit {
  /** Why it ended, as a code the engine turns into Chinese. */
  reason: 'exit' | 'crash' | 'memory' | 'output-limit';
  /** Extra detail for the report (an exit code, a signal), never learner text. */
  detail?: string;
}

/** Starts a realm and resolves once it has loaded its libraries and is ready for a job. */
export type SpawnRealm = () => Promise<RealmChannel>;
