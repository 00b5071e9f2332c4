// The only cell code on a chapter page before interaction (≈ 1 KB gzip): it waits for
// 运行 / 编辑 / 重置, a slider, or Ctrl+Enter in a cell, then imports the island (./index),
// which brings the editor, zod and — only when a plot arrives — chart.js.
// A cell with a saved draft mounts at once, so the reader sees their own code.
//
// Pre-warming: when a cell comes within WARM_MARGIN of the viewport, or a pointer or the focus
// enters it, ./realm-pool starts the sandbox realm (it fetches the sandbox bundle, SES + tfjs,
// and evaluates it in the sandboxed worker: ≈ 1 s of another thread's time). Nothing runs on
// the page's thread but the small pool client, and no editor or chart code loads. Skipped on
// scroll when the reader asked the browser to save data.
import { DRAFT_PREFIX } from './draft-key';
import { browserStorage, peekStatus } from '../../progress/keys';

/**
 * 用我的实现 works only with a passing version: until the bound exercise is passed the switch is
 * disabled and a link to the exercise shows instead. Kept current when another tab passes it.
 */
function syncMine(): void {
  const storage = browserStorage();
  for (const b of document.querySelectorAll<HTMLButtonElement>('[data-cell-action="mine"]')) {
    const cell = b.closest<HTMLElement>('[data-cell]');
    const exercise = cell?.dataset.exercise;
    if (!cell || !exercise) continue;
    const passed = peekStatus(storage, exercise) === 'passed';
    b.disabled = !passed;
    const link = cell.querySelector<HTMLElement>('[data-cell-mine-link]');
    if (link) link.hidden = passed;
  }
}

type Island = typeof import('./index');
let island: Promise<Island> | undefined;
const load = () => (island ??= import('./index'));
let warmed = false;
const warm = () => {
  if (warmed) return;
  warmed = true;
  observer?.disconnect();
  void import('./realm-pool').then((m) => m.warm());
};
/** How near (a fraction of the viewport's height, above or below) a cell starts the realm. */
const WARM_MARGIN = '75% 0px';
let observer: IntersectionObserver | undefined;

export function bootCells(): void {
  const cells = document.querySelectorAll<HTMLElement>('[data-cell]');
  syncMine();
  window.addEventListener('storage', syncMine);
  window.addEventListener('pageshow', syncMine);
  const saveData = (navigator as { connection?: { saveData?: boolean } }).connection?.saveData === true;
  if (!warmed && !saveData && !observer && typeof IntersectionObserver === 'function') {
    observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) warm();
    }, { rootMargin: WARM_MARGIN });
  }
  for (const cell of cells) {
    if (cell.dataset.cellBooted !== undefined) continue;
    cell.dataset.cellBooted = '';
    if (!warmed) observer?.observe(cell);
    cell.addEventListener('pointerenter', warm, { once: true });
    cell.addEventListener('focusin', warm, { once: true });
    const start = (action: string | undefined, e?: Event) => {
      if (cell.dataset.cellMounted !== undefined) return;
      e?.preventDefault();
      cell.dataset.cellMounted = '';
      cell.removeEventListener('click', onClick);
      cell.removeEventListener('input', onInput);
      cell.removeEventListener('keydown', onKey);
      warm();
      void load().then((m) => m.mountCell(cell, action));
    };
    const onClick = (e: Event) => {
      const b = (e.target as Element).closest<HTMLElement>('[data-cell-action]');
      if (b) start(b.dataset.cellAction, e);
    };
    const onInput = (e: Event) => {
      const input = e.target as HTMLInputElement;
      const out = cell.querySelector(`[data-cell-param-value="${input.dataset.cellParam}"]`);
      if (out) out.textContent = input.value;
      start('run');
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) start('run', e);
    };
    cell.addEventListener('click', onClick);
    cell.addEventListener('input', onInput);
    cell.addEventListener('keydown', onKey);
    let draft: string | null = null;
    try {
      draft = localStorage.getItem(DRAFT_PREFIX + cell.dataset.cell);
    } catch {
      // storage refused: nothing to restore
    }
    if (draft !== null) start(undefined);
  }
}
