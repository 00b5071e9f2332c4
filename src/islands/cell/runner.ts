// Runs cells in the same sandbox as grading: the pool of single-use learner realms, each a
// fresh Web Worker made from a blob inside the sandboxed iframe (src/runtime/browser-spawn.ts),
// shared by every cell on the page (./realm-pool.ts). An infinite loop ends at the timeout,
// 停止 at once: the pool kills the worker, and the spare realm runs the next job.
import type { RunOutcome } from '../../runtime/pool';
import type { CellData } from '../../sandbox/cell-data';
import { cellEventSchema, type CellEvent, type CellJob } from '../../sandbox/cell-protocol';
import { CELL_POOL_SIZE, getPool } from './realm-pool';

let active = 0;

export interface CellRun {
  code: string;
  params: Record<string, number>;
  /** The learner's exercise module (用我的实现), if on. */
  mine?: string | undefined;
  /** <Cell data="…">: the data file's bytes for this run (moved to the realm, not copied). */
  data?: CellData | undefined;
  timeoutMs: number;
  signal: AbortSignal;
  /** Every event, already validated with zod. */
  onEvent(event: CellEvent): void;
  /** A message that failed validation (dropped). */
  onInvalid(): void;
  /** Every realm is busy with other cells: this run waits (onStart follows when it starts). */
  onQueued?(): void;
  /** The job left the queue and is starting. */
  onStart?(): void;
}

export async function runCell({ code, params, mine, data, timeoutMs, signal, onEvent, onInvalid, onQueued, onStart }: CellRun): Promise<RunOutcome> {
  const job: CellJob = { kind: 'cell', code, params, ...(mine !== undefined ? { mine } : {}), ...(data !== undefined ? { data } : {}) };
  if (active >= CELL_POOL_SIZE) onQueued?.();
  active++;
  try {
    return await run(job, { timeoutMs, signal, onEvent, onInvalid, ...(onStart ? { onStart } : {}), ...(data ? { transfer: [data.bytes] } : {}) });
  } finally {
    active--;
  }
}

function run(job: CellJob, { timeoutMs, signal, onEvent, onInvalid, onStart, transfer }: Pick<CellRun, 'timeoutMs' | 'signal' | 'onEvent' | 'onInvalid' | 'onStart'> & { transfer?: Transferable[] }): Promise<RunOutcome> {
  return getPool().run(job, {
    timeoutMs,
    signal,
    ...(onStart ? { onStart } : {}),
    ...(transfer ? { transfer } : {}),
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
