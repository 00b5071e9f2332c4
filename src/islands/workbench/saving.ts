/**
 * Saving: the draft is written 800 ms after the last edit (AUTOSAVE_DEBOUNCE_MS) and at once when
 * the page is hidden; a write that fails (quota, storage gone) is said in a notice, kept, and
 * retried on edit, on focus, every few seconds and when another tab frees space. Works from the
 * first keystroke, in whichever editor holds the text.
 */
import { AUTOSAVE_DEBOUNCE_MS } from '../../config';
import { t } from '../../i18n/t';
import type { StoreWarning, WriteResult } from '../../progress/store';
import type { WorkbenchContext } from './context';

/** While a write is pending, retry this often (also on edit, focus and other tabs' writes). */
const SAVE_RETRY_MS = 3000;

export interface Saving {
  /** The text changed: save after the debounce. */
  edited(): void;
  /** Writes a pending edit now (before a run, when the page is hidden). */
  flush(): void;
  /** Writes the editor's text now, pending edit or not (a choice that must persist at once). */
  saveNow(): WriteResult;
  /** Forgets a pending edit (the caller wrote the text itself, e.g. with a run's attempt). */
  settle(): void;
  /** Reflects a write's result: save state, the storage notice, retries. */
  show(result: WriteResult | null): void;
  /** Called after retried writes (history may have changed). */
  onRetried(listener: () => void): void;
}

export function createSaving(ctx: WorkbenchContext, results: HTMLElement): Saving {
  const { id, store, notices, root } = ctx;
  let saveTimer: number | undefined;
  let retryTimer: number | undefined;
  let dirty = false;
  const retried = new Set<() => void>();

  store.onWarning((w: StoreWarning) => {
    if (w.exerciseId !== undefined && w.exerciseId !== id) return;
    if (w.problem === 'corrupt') {
      notices.show('corrupt', w.backupKey ? t('progress.warnings.corrupt', { key: w.backupKey }) : t('progress.warnings.corruptNoBackup'), [], 'warn');
    } else if (w.problem === 'newer-version') {
      notices.show('newer', t('progress.warnings.newerVersion', { version: w.newerVersion ?? '?' }), [], 'warn');
    } else if (w.problem === 'unavailable' && !store.persistent) {
      notices.show('storage', t('progress.warnings.unavailable'), [], 'warn');
    }
    // quota / unavailable after load: shown from the write results (show), with a retry.
  });

  const retry = (): void => {
    const out = store.retry();
    if (out.length > 0) ctx.announceProgress();
    show(out.find((o) => o.exerciseId === id)?.result ?? null);
    retried.forEach((l) => l());
  };

  function show(res: WriteResult | null): void {
    const pendingReason = store.info(id).pending;
    root.dataset['saveState'] = pendingReason ? 'pending' : res && res.ok && res.savedTo === 'history' ? 'history' : 'saved';
    if (pendingReason && store.persistent) {
      if (!notices.has('storage')) {
        notices.show('storage', t(pendingReason === 'quota' ? 'progress.warnings.quota' : 'progress.warnings.unavailableNow'), [{ label: t('progress.warnings.retry'), primary: true, run: retry }], 'warn').dataset['reason'] = pendingReason;
      }
      if (retryTimer === undefined) retryTimer = window.setInterval(retry, SAVE_RETRY_MS);
    } else {
      if (retryTimer !== undefined) window.clearInterval(retryTimer);
      retryTimer = undefined;
      if (store.persistent && notices.has('storage')) {
        notices.drop('storage');
        ctx.toast.show(t('progress.warnings.saved'));
      }
      results.querySelector('[data-pass-save]')?.remove();
    }
  }

  const saveNow = (): WriteResult => {
    const res = store.saveDraft(id, ctx.surface.getValue(), ctx.version);
    show(res);
    ctx.announceProgress();
    return res;
  };
  const flush = (): void => {
    window.clearTimeout(saveTimer);
    if (!dirty) return;
    dirty = false;
    saveNow();
  };

  window.addEventListener('focus', () => {
    if (store.info(id).pending) retry();
  });
  window.addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flush();
  });

  return {
    edited() {
      dirty = true;
      window.clearTimeout(saveTimer);
      saveTimer = window.setTimeout(flush, AUTOSAVE_DEBOUNCE_MS);
    },
    flush,
    saveNow() {
      window.clearTimeout(saveTimer);
      dirty = false;
      return saveNow();
    },
    settle() {
      window.clearTimeout(saveTimer);
      dirty = false;
    },
    show,
    onRetried: (l) => void retried.add(l),
  };
}
