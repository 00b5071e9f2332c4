// Runs cells in the same sandbox as grading: the pool of single-use learner realms, each a
// fresh Web Worker made from a blob inside the sandboxed iframe (src/runtime/browser-spawn.ts).
// One pool for every cell on the page; a realm is pre-spawned while idle, so a re-run never
// waits for tfjs to load. An infinite loop ends at the timeout: the pool kills the worker.
import sandboxManifest from '../../generated/sandbox.json';
import { url } from '../../lib/url';
import { createBrowserSpawner } from '../../runtime/browser-spawn';
import { createPool, type Pool, type RunOutcome } from '../../runtime/pool';
import { cellEventSchema, type CellEvent, type CellJob } from '../../sandbox/cell-protocol';

let pool: Pool | undefined;
const getPool = (): Pool => (pool ??= createPool({ spawn: createBrowserSpawner(url(sandboxManifest.learnerRealm)), size: 1, prespawn: 1 }));

export interface CellRun {
  code: string;
  params: Record<string, number>;
  /** The learner's exercise module (用我的实现), if on. */
  mine?: string | undefined;
  timeoutMs: number;
  signal: AbortSignal;
  /** Every event, already validated with zod. */
  onEvent(event: CellEvent): void;
  /** A message that failed validation (dropped). */
  onInvalid(): void;
}

export function runCell({ code, params, mine, timeoutMs, signal, onEvent, onInvalid }: CellRun): Promise<RunOutcome> {
  const job: CellJob = { kind: 'cell', code, params, ...(mine !== undefined ? { mine } : {}) };
  return getPool().run(job, {
    timeoutMs,
    signal,
    onMessage(data) {
      const parsed = cellEventSchema.safeParse(data);
      if (!parsed.success) {
        onInvalid();
        return false;
      }
      onEvent(parsed.data);
      return parsed.data.type === 'done';
    },
  });
}
