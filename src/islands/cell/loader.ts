// The only cell code on a chapter page before interaction (a few hundred bytes): it waits for
// 运行 / 编辑 / 重置, a slider, or Ctrl+Enter in a cell, then imports the island (./index),
// which brings the sandbox client, zod and — only when a plot arrives — chart.js.
// A cell with a saved draft mounts at once, so the reader sees their own code.
import { DRAFT_PREFIX } from './draft-key';

type Island = typeof import('./index');
let island: Promise<Island> | undefined;
const load = () => (island ??= import('./index'));

export function bootCells(): void {
  const cells = document.querySelectorAll<HTMLElement>('[data-cell]');
  for (const cell of cells) {
    if (cell.dataset.cellBooted !== undefined) continue;
    cell.dataset.cellBooted = '';
    const start = (action: string | undefined, e?: Event) => {
      if (cell.dataset.cellMounted !== undefined) return;
      e?.preventDefault();
      cell.dataset.cellMounted = '';
      cell.removeEventListener('click', onClick);
      cell.removeEventListener('input', onInput);
      cell.removeEventListener('keydown', onKey);
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
