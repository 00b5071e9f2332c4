/**
 * Code versions: 我的通过版本, 历史版本 (restore any kept version in one undoable edit, after
 * keeping what the editor held), and 重置 (dialog → toast with 撤销; Ctrl+Z also works).
 */
import { t } from '../../i18n/t';
import { KNOWN_VERSION_KINDS } from '../../progress/schema';
import { h, q } from '../editor/dom';
import type { WorkbenchContext } from './context';
import type { Saving } from './saving';

export interface History {
  /** Redraws the list if it is open (after anything that may have kept a version). */
  render(): void;
  /** Enables 我的通过版本 when there is a passing version. */
  updateButtons(): void;
  /** Puts `code` in the editor as one undoable edit, after keeping what was there. */
  restore(code: string, message: string): void;
  /** Back to the starter (keeps the current code as a version; offers 撤销). */
  reset(): Promise<void>;
}

export function createHistory(ctx: WorkbenchContext, saving: Saving): History {
  const { root, id, store, surface, toast } = ctx;
  const passingBtn = q<HTMLButtonElement>(root, '[data-action="restore-passing"]');
  const historyBtn = q<HTMLButtonElement>(root, '[data-action="history"]');
  const resetBtn = q<HTMLButtonElement>(root, '[data-action="reset"]');
  const historyBox = q(root, '[data-history]');
  const historyList = q<HTMLOListElement>(root, '[data-history-list]');
  const dialog = q<HTMLDialogElement>(root, '[data-reset-dialog]');

  const kinds = new Set<string>(KNOWN_VERSION_KINDS);
  const timeFmt = new Intl.DateTimeFormat('zh-CN', { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });

  function render(): void {
    if (historyBox.hidden) return;
    const list = store.versions(id);
    if (list.length === 0) {
      historyList.replaceChildren(h('li', { class: 'wb-muted' }, t('exercise.versions.historyEmpty')));
      return;
    }
    historyList.replaceChildren(
      ...list.map((v, i) => {
        const kind = t(kinds.has(v.kind) ? (`exercise.versions.kinds.${v.kind}` as 'exercise.versions.kinds.run') : 'exercise.versions.kinds.other');
        const when = timeFmt.format(new Date(v.at));
        const btn = h('button', { type: 'button', class: 'wb-btn wb-small', 'data-restore-version': String(i), 'aria-label': t('exercise.versions.restoreLabel', { when, kind }) }, t('exercise.versions.restore'));
        btn.addEventListener('click', () => restore(v.code, t('exercise.versions.restored')));
        return h(
          'li',
          { 'data-version-kind': v.kind },
          h('time', { datetime: v.at }, when),
          h('span', {}, kind),
          h('span', { class: 'wb-muted' }, t('exercise.versions.lines', { n: v.code.split('\n').length })),
          btn,
        );
      }),
    );
  }

  function restore(code: string, message: string): void {
    const current = surface.getValue();
    if (current !== code) store.keepVersion(id, current, 'before-restore');
    surface.replaceAll(code);
    saving.saveNow();
    render();
    toast.show(message);
    surface.focus();
  }

  function updateButtons(): void {
    const passing = store.get(id).passingCode;
    passingBtn.disabled = passing === null;
    passingBtn.title = passing === null ? t('exercise.versions.passingNone') : '';
    historyBtn.disabled = false;
  }

  async function reset(): Promise<void> {
    const before = surface.getValue();
    const starter = ctx.starter;
    if (before !== starter) store.keepVersion(id, before, 'before-reset');
    surface.replaceAll(starter);
    saving.saveNow();
    if (ctx.version) store.acknowledgeVersion(id, ctx.version);
    if (before !== starter) {
      toast.show(t('exercise.resetDone'), {
        label: t('exercise.undo'),
        run: () => {
          surface.replaceAll(before);
          saving.saveNow();
          toast.show(t('exercise.undone'));
          surface.focus();
        },
      });
    }
    surface.focus();
  }

  passingBtn.addEventListener('click', () => {
    const passing = store.get(id).passingCode;
    if (passing !== null) restore(passing, t('exercise.versions.restoredPassing'));
  });
  historyBtn.addEventListener('click', () => {
    historyBox.hidden = !historyBox.hidden;
    historyBtn.setAttribute('aria-expanded', String(!historyBox.hidden));
    render();
  });
  resetBtn.disabled = false;
  resetBtn.addEventListener('click', () => {
    dialog.returnValue = '';
    dialog.showModal();
  });
  dialog.addEventListener('close', () => {
    if (dialog.returnValue === 'confirm') void reset();
    else resetBtn.focus();
  });
  saving.onRetried(render);
  updateButtons();
  return { render, updateButtons, restore, reset };
}
