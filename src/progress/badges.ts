/**
 * Progress badges on every page (sidebar, course map, chapter exercise lists).
 * Loaded by the base layout, so it must stay tiny: no zod, no store, no dictionary — the layout
 * renders the few "progress.*" strings of zh-CN.json into <script id="progress-strings">.
 *
 *   a[data-exercise-id="sigmoid"]          → a sibling <span class="progress-badge">已通过 ✓</span>
 *   [data-chapter-exercises="a,b,c"]       → 本章练习：2/3 已通过
 *   [data-progress-status-for="sigmoid"]   → the status text itself (exercise page header)
 *
 * Re-renders on `storage` events (another tab), on the `dlc:progress` event (this tab's
 * workbench) and when the page is restored from the back/forward cache.
 */
import { PROGRESS_EVENT } from './events';
import { browserStorage, peekStatus, type ProgressStatus } from './keys';
import './badges.css';


interface Strings {
  notStarted: string;
  inProgress: string;
  passed: string;
  badgePassed: string;
  badgeInProgress: string;
  chapter: string;
}
let strings: Strings | null = null;
try {
  strings = JSON.parse(document.getElementById('progress-strings')?.textContent ?? 'null') as Strings | null;
} catch {
  strings = null;
}

function render(): void {
  if (!strings) return;
  const s0 = strings;
  const statusText: Record<ProgressStatus, string> = { 'not-started': s0.notStarted, 'in-progress': s0.inProgress, passed: s0.passed };
  const storage = browserStorage();
  const status = (id: string): ProgressStatus => peekStatus(storage, id);

  document.querySelectorAll<HTMLAnchorElement>('a[data-exercise-id]').forEach((link) => {
    const id = link.dataset['exerciseId'] ?? '';
    const s = status(id);
    let badge = link.nextElementSibling as HTMLElement | null;
    if (!badge?.classList.contains('progress-badge')) {
      if (s === 'not-started') return;
      badge = document.createElement('span');
      badge.className = 'progress-badge';
      link.after(badge);
    }
    badge.dataset['status'] = s;
    badge.textContent = s === 'passed' ? s0.badgePassed : s === 'in-progress' ? s0.badgeInProgress : '';
    badge.hidden = s === 'not-started';
  });

  document.querySelectorAll<HTMLElement>('[data-chapter-exercises]').forEach((box) => {
    const ids = (box.dataset['chapterExercises'] ?? '').split(',').filter(Boolean);
    if (ids.length === 0) return;
    const passed = ids.filter((id) => status(id) === 'passed').length;
    let line = box.querySelector<HTMLElement>('[data-chapter-progress]');
    if (!line) {
      line = document.createElement('p');
      line.className = 'chapter-progress';
      line.dataset['chapterProgress'] = '';
      // Lists may only contain <li>: put the line just before a bare list, inside anything else.
      if (box.tagName === 'UL' || box.tagName === 'OL') {
        const prev = box.previousElementSibling;
        if (prev instanceof HTMLElement && prev.dataset['chapterProgress'] !== undefined) line = prev;
        else box.before(line);
      } else box.prepend(line);
    }
    line.dataset['complete'] = String(passed === ids.length);
    line.textContent = s0.chapter.replace('{passed}', String(passed)).replace('{total}', String(ids.length));
  });

  document.querySelectorAll<HTMLElement>('[data-progress-status-for]').forEach((el) => {
    const s = status(el.dataset['progressStatusFor'] ?? '');
    el.dataset['status'] = s;
    el.textContent = statusText[s];
  });
}

render();
window.addEventListener('storage', (e: StorageEvent) => {
  if (e.key === null || e.key.startsWith('dlc:progress:')) render();
});
window.addEventListener(PROGRESS_EVENT, render);
window.addEventListener('pageshow', (e: PageTransitionEvent) => {
  if (e.persisted) render();
});
