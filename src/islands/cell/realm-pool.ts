// The page's one pool of cell realms, without zod, the editor or the output code: the loader
// imports this alone to pre-warm (a cell scrolled near the viewport, or a pointer or focus on
// it), so the first 运行 finds a realm with tfjs already loaded.
//
// Two jobs at once: a cell that trains for a minute doesn't block another cell's run (a third
// waits, and says so). One spare realm is kept ready, so a re-run never pays the spawn.
import sandboxManifest from '../../generated/sandbox.json';
import { url } from '../../lib/url';
import { createBrowserSpawner } from '../../runtime/browser-spawn';
import { createPool, type Pool } from '../../runtime/pool';

export const CELL_POOL_SIZE = 2;
let pool: Pool | undefined;

export const getPool = (): Pool => (pool ??= createPool({ spawn: createBrowserSpawner(url(sandboxManifest.learnerRealm)), size: CELL_POOL_SIZE, prespawn: 1 }));

/**
 * Starts the spare realm now (idempotent: the pool keeps one). `<body data-cell-realm>` says
 * how the first warm-up went ('warming', 'ready', 'failed'): tests and the bench wait on it.
 */
export function warm(): void {
  const p = getPool();
  p.warm();
  const body = document.body;
  if (body.dataset.cellRealm !== undefined) return;
  body.dataset.cellRealm = 'warming';
  p.ready().then(
    () => (body.dataset.cellRealm = 'ready'),
    () => (body.dataset.cellRealm = 'failed'),
  );
}
