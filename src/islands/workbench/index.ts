/**
 * Exercise workbench, client side. Mounted on the static markup of Workbench.astro.
 *
 * Load order (each step lazy, none blocks the statement from rendering):
 *   1. this module (small): buttons, hints, dialog, progress store, autosave wiring;
 *   2. Monaco (`import('./editor')`) into the same-size skeleton, with the saved draft or starter;
 *   3. after the editor shows: the tfjs type payload (squiggles, completions) and the grader warm-up.
 */
import { AUTOSAVE_DEBOUNCE_MS } from '../../config';
import type { ExerciseMeta } from '../../grader/schema';
import type { GradeReport } from '../../grader/types';
import { t } from '../../i18n/t';
import { PROGRESS_EVENT } from '../../progress/events';
import { KNOWN_VERSION_KINDS } from '../../progress/schema';
import { createProgressStore, type ExerciseProgress, type ProgressStore, type StoreWarning, type WriteResult } from '../../progress/store';
import type { CodeEditor } from './editor';
import { getGrader } from './grader';
import { h, renderMessage, renderReport } from './results';
import { loadSolution, loadStarter } from './sources';

type EditorModule = typeof import('./editor');

/** Test/bench hooks: timings of the page's milestones and the last report, on window.__workbench. */
export interface WorkbenchProbe {
  editorReadyAt?: number;
  typesReadyAt?: number;
  graderWarmAt?: number;
  runs: number;
  lastReport?: GradeReport;
  editor?: CodeEditor;
  /** The progress store of this page (tests read its state; they never write storage through it). */
  store?: ProgressStore;
}

/** While a write is pending, retry this often (also on edit, focus and other tabs' writes). */
const SAVE_RETRY_MS = 3000;

export function mountAll(): void {
  document.querySelectorAll<HTMLElement>('[data-wb]').forEach((root) => {
    if (root.dataset['mounted']) return;
    root.dataset['mounted'] = 'true';
    void mount(root);
  });
}

function q<T extends HTMLElement>(root: ParentNode, selector: string): T {
  const el = root.querySelector<T>(selector);
  if (!el) throw new Error(`workbench: missing ${selector}`);
  return el;
}

async function mount(root: HTMLElement): Promise<void> {
  const exercise = JSON.parse(q(root, 'script[data-wb-meta]').textContent ?? '{}') as ExerciseMeta;
  const id = exercise.id;
  const version = root.dataset['version'] ?? null;
  const showSolutions = root.dataset['showSolutions'] === 'true';
  const unlockAfter = Number(root.dataset['unlockFailures'] ?? 5);
  const timeoutSeconds = Number(root.dataset['timeoutSeconds'] ?? exercise.timeoutMs / 1000);

  const probe: WorkbenchProbe = { runs: 0 };
  (window as unknown as { __workbench: WorkbenchProbe }).__workbench = probe;

  const runBtn = q<HTMLButtonElement>(root, '[data-action="run"]');
  const runLabel = q(root, '[data-run-label]');
  const hintBtn = q<HTMLButtonElement>(root, '[data-action="hint"]');
  const resetBtn = q<HTMLButtonElement>(root, '[data-action="reset"]');
  const solutionBtn = root.querySelector<HTMLButtonElement>('[data-action="solution"]');
  const notices = q(root, '[data-notices]');
  const editorBox = q(root, '[data-editor]');
  const hintsList = q<HTMLOListElement>(root, '[data-hints]');
  const results = q(root, '[data-results]');
  const solutionBox = q(root, '[data-solution]');
  const dialog = q<HTMLDialogElement>(root, '[data-reset-dialog]');
  const toast = q(root, '[data-toast]');
  const passingBtn = q<HTMLButtonElement>(root, '[data-action="restore-passing"]');
  const historyBtn = q<HTMLButtonElement>(root, '[data-action="history"]');
  const historyBox = q(root, '[data-history]');
  const historyList = q<HTMLOListElement>(root, '[data-history-list]');

  const store: ProgressStore = createProgressStore();
  probe.store = store;
  const announceProgress = (): void => void window.dispatchEvent(new Event(PROGRESS_EVENT));

  /* ---------------- notices (storage problems, other tab, new version) ---------------- */
  function notice(key: string, text: string, actions: { label: string; run: () => void; primary?: boolean }[] = [], tone: 'info' | 'warn' = 'info'): HTMLElement {
    notices.querySelector(`[data-notice="${key}"]`)?.remove();
    const box = h('div', { class: `wb-notice wb-notice-${tone}`, 'data-notice': key, role: tone === 'warn' ? 'alert' : 'status' }, h('p', {}, text));
    const bar = h('div', { class: 'wb-notice-actions' });
    for (const a of actions) {
      const b = h('button', { type: 'button', class: `wb-btn wb-small${a.primary ? ' wb-primary' : ''}` }, a.label);
      b.addEventListener('click', a.run);
      bar.append(b);
    }
    const close = h('button', { type: 'button', class: 'wb-btn wb-small' }, t('exercise.notices.dismiss'));
    close.addEventListener('click', () => box.remove());
    bar.append(close);
    box.append(bar);
    notices.append(box);
    return box;
  }
  const dropNotice = (key: string): void => notices.querySelector(`[data-notice="${key}"]`)?.remove();

  store.onWarning((w: StoreWarning) => {
    if (w.exerciseId !== undefined && w.exerciseId !== id) return;
    if (w.problem === 'corrupt') {
      notice('corrupt', w.backupKey ? t('progress.warnings.corrupt', { key: w.backupKey }) : t('progress.warnings.corruptNoBackup'), [], 'warn');
    } else if (w.problem === 'newer-version') {
      notice('newer', t('progress.warnings.newerVersion', { version: w.newerVersion ?? '?' }), [], 'warn');
    } else if (w.problem === 'unavailable' && !store.persistent) {
      notice('storage', t('progress.warnings.unavailable'), [], 'warn');
    }
    // quota / unavailable after load: shown from the write results (showSaveState), with a retry.
  });

  /* ---------------- save state: a failed write is said, kept and retried ---------------- */
  let retryTimer: number | undefined;
  function showSaveState(res: WriteResult | null): void {
    const pendingReason = store.info(id).pending;
    root.dataset['saveState'] = pendingReason ? 'pending' : res && res.ok && res.savedTo === 'history' ? 'history' : 'saved';
    if (pendingReason && store.persistent) {
      if (!notices.querySelector('[data-notice="storage"]')) {
        notice(
          'storage',
          t(pendingReason === 'quota' ? 'progress.warnings.quota' : 'progress.warnings.unavailableNow'),
          [{ label: t('progress.warnings.retry'), primary: true, run: () => retrySaves() }],
          'warn',
        ).dataset['reason'] = pendingReason;
      }
      if (retryTimer === undefined) retryTimer = window.setInterval(retrySaves, SAVE_RETRY_MS);
    } else {
      if (retryTimer !== undefined) window.clearInterval(retryTimer);
      retryTimer = undefined;
      if (store.persistent && notices.querySelector('[data-notice="storage"]')) {
        dropNotice('storage');
        showToast(t('progress.warnings.saved'));
      }
      results.querySelector('[data-pass-save]')?.remove();
    }
  }
  function retrySaves(): void {
    const out = store.retry();
    if (out.length > 0) announceProgress();
    showSaveState(out.find((o) => o.exerciseId === id)?.result ?? null);
    renderHistory();
  }
  window.addEventListener('focus', () => {
    if (store.info(id).pending) retrySaves();
  });

  /* ---------------- toast (reset → 撤销) ---------------- */
  let toastTimer: number | undefined;
  function showToast(text: string, action?: { label: string; run: () => void }): void {
    window.clearTimeout(toastTimer);
    toast.replaceChildren(h('span', {}, text));
    if (action) {
      const b = h('button', { type: 'button', class: 'wb-btn wb-small', 'data-toast-action': '' }, action.label);
      b.addEventListener('click', () => {
        hideToast();
        action.run();
      });
      toast.append(b);
    }
    toast.classList.add('is-open');
    const schedule = (): void => {
      window.clearTimeout(toastTimer);
      toastTimer = window.setTimeout(() => {
        if (toast.matches(':hover, :focus-within')) schedule();
        else hideToast();
      }, 12_000);
    };
    schedule();
  }
  function hideToast(): void {
    window.clearTimeout(toastTimer);
    toast.classList.remove('is-open');
    toast.replaceChildren();
  }

  /* ---------------- hints ---------------- */
  let hintsShown = 0;
  hintBtn.addEventListener('click', () => {
    if (hintsShown >= exercise.hints.length) return;
    hintsList.hidden = false;
    const li = h('li', {}, exercise.hints[hintsShown] ?? '');
    hintsList.append(li);
    hintsShown++;
    hintBtn.textContent =
      hintsShown >= exercise.hints.length ? t('exercise.hintsDone') : t('exercise.hint', { shown: hintsShown, total: exercise.hints.length });
    if (hintsShown >= exercise.hints.length) {
      hintBtn.setAttribute('aria-disabled', 'true');
    }
  });

  /* ---------------- solution ---------------- */
  function updateSolutionButton(record: ExerciseProgress): void {
    if (!solutionBtn || !showSolutions) return;
    solutionBtn.hidden = !(record.status === 'passed' || record.failedAttempts >= unlockAfter);
  }
  solutionBtn?.addEventListener('click', async () => {
    solutionBox.hidden = false;
    const code = q(solutionBox, '[data-solution-code]');
    code.textContent = t('exercise.solutionLoading');
    try {
      code.textContent = (await loadSolution(id)) ?? t('exercise.solutionFailed');
    } catch {
      code.textContent = t('exercise.solutionFailed');
    }
    solutionBox.scrollIntoView({ block: 'nearest' });
  });

  /* ---------------- editor ---------------- */
  const initial = store.get(id);
  updateSolutionButton(initial);
  const starterPromise = loadStarter(id);

  let ed: EditorModule;
  let editor: CodeEditor;
  try {
    const [mod, starter] = await Promise.all([import('./editor'), starterPromise]);
    ed = mod;
    editorBox.replaceChildren();
    editor = ed.createEditor({
      container: editorBox,
      value: initial.latestCode ?? starter,
      uri: `file:///exercises/${id}/${exercise.entry}.ts`,
      ariaLabel: t('exercise.editorLabel', { title: exercise.title }),
    });
  } catch (err) {
    const loading = root.querySelector('[data-editor-loading]');
    if (loading) loading.textContent = t('exercise.editorFailed', { message: String(err) });
    return;
  }
  probe.editor = editor;
  probe.editorReadyAt = performance.now();
  editorBox.dataset['ready'] = 'true';
  runBtn.disabled = false;
  resetBtn.disabled = false;
  const getCode = (): string => editor.getValue();

  // Types and the grader warm up once the editor is on screen (in parallel; neither blocks typing).
  const idle = (fn: () => void): void => void ('requestIdleCallback' in window ? requestIdleCallback(fn, { timeout: 500 }) : setTimeout(fn, 50));
  idle(() => {
    ed.loadTfTypes().then(
      () => (probe.typesReadyAt = performance.now()),
      (err: unknown) => console.warn('[workbench] tf types', err),
    );
    getGrader()
      .then((g) => g.warm(id))
      .then(
        () => (probe.graderWarmAt = performance.now()),
        (err: unknown) => console.warn('[workbench] warm', err),
      );
  });

  /* ---------------- autosave ---------------- */
  let saveTimer: number | undefined;
  let dirty = false;
  function flushSave(): void {
    window.clearTimeout(saveTimer);
    if (!dirty) return;
    dirty = false;
    saveNow();
  }
  /** Writes the editor content at once (autosave, or a choice that must persist immediately). */
  function saveNow(): WriteResult {
    const res = store.saveDraft(id, getCode(), version);
    showSaveState(res);
    announceProgress();
    return res;
  }
  editor.onDidChangeModelContent(() => {
    dirty = true;
    ed.clearMarks(editor);
    window.clearTimeout(saveTimer);
    saveTimer = window.setTimeout(flushSave, AUTOSAVE_DEBOUNCE_MS);
  });
  window.addEventListener('pagehide', flushSave);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flushSave();
  });

  /* ---------------- another tab wrote this exercise ---------------- */
  let starterCode: string | null = null;
  void starterPromise.then((c) => (starterCode = c), () => undefined);
  const keepThisTab = (): void => {
    const code = getCode();
    if (code !== starterCode) store.keepVersion(id, code, 'this-tab');
  };
  store.subscribe((exId, record, source) => {
    if (exId !== id || source !== 'remote') return;
    updateSolutionButton(record);
    updateVersionButtons();
    if (record.writer === store.writerId || record.latestCode === null || record.latestCode === getCode()) {
      dropNotice('other-tab');
      return;
    }
    const newer = record.latestCode;
    // Neither version may be lost, whatever the learner does with the notice (or if they close
    // the tab): the other tab's code is the stored draft, this tab's goes to the history now
    // (the untouched starter is always reachable through 重置, so it is not kept).
    keepThisTab();
    renderHistory();
    const box = notice('other-tab', t('exercise.notices.otherTab'), [
      {
        label: t('exercise.notices.loadNewer'),
        primary: true,
        run: () => {
          keepThisTab();
          ed.replaceAll(editor, newer);
          dirty = true;
          flushSave();
          dropNotice('other-tab');
          renderHistory();
          showToast(t('exercise.notices.loadedNewer'));
          editor.focus();
        },
      },
      {
        label: t('exercise.notices.keepMine'),
        run: () => {
          // This tab's code becomes the newest version at once; the other one is kept as a version.
          store.keepVersion(id, newer, 'other-tab');
          window.clearTimeout(saveTimer);
          dirty = false;
          saveNow();
          dropNotice('other-tab');
          renderHistory();
          showToast(t('exercise.notices.keptMine'));
          editor.focus();
        },
      },
    ]);
    box.dataset['conflict'] = 'open';
    // 知道了 (close without choosing): both versions stay; say where each one is.
    box.querySelector<HTMLButtonElement>('.wb-notice-actions > button:last-child')?.addEventListener('click', () => {
      showToast(t('exercise.notices.dismissedConflict'));
    });
  });

  /* ---------------- exercise version changed since the draft was written ---------------- */
  if (version && initial.latestCode !== null && initial.exerciseVersion !== null && initial.exerciseVersion !== version) {
    let diff: { dispose(): void } | undefined;
    const box = notice('version', t('exercise.notices.versionChanged'), [
      {
        label: t('exercise.notices.compare'),
        run: async () => {
          const starter = await starterPromise;
          diff?.dispose();
          box.querySelector('.wb-diff')?.remove();
          const holder = h('div', { class: 'wb-diff' });
          const label = h('p', { class: 'wb-muted' }, t('exercise.notices.compareLabel'));
          const close = h('button', { type: 'button', class: 'wb-btn wb-small' }, t('exercise.notices.closeCompare'));
          const wrap = h('div', { class: 'wb-diff-wrap' }, label, holder, close);
          close.addEventListener('click', () => {
            diff?.dispose();
            wrap.remove();
          });
          box.append(wrap);
          diff = ed.createDiff(holder, starter, getCode());
        },
      },
      {
        label: t('exercise.notices.resetToNew'),
        run: async () => {
          diff?.dispose();
          await doReset();
          dropNotice('version');
        },
      },
      {
        label: t('exercise.notices.keepMine'),
        primary: true,
        run: () => {
          diff?.dispose();
          store.acknowledgeVersion(id, version);
          dropNotice('version');
        },
      },
    ]);
  }

  /* ---------------- versions: 我的通过版本, 历史版本 ---------------- */
  /** Puts `code` into the editor in one undoable edit, after keeping what was there. */
  function restore(code: string, message: string): void {
    const current = getCode();
    if (current !== code) store.keepVersion(id, current, 'before-restore');
    ed.replaceAll(editor, code);
    window.clearTimeout(saveTimer);
    dirty = false;
    saveNow();
    renderHistory();
    showToast(message);
    editor.focus();
  }
  function updateVersionButtons(): void {
    const passing = store.get(id).passingCode;
    passingBtn.disabled = passing === null;
    passingBtn.title = passing === null ? t('exercise.versions.passingNone') : '';
    historyBtn.disabled = false;
  }
  const kinds = new Set<string>(KNOWN_VERSION_KINDS);
  const timeFmt = new Intl.DateTimeFormat('zh-CN', { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });
  function renderHistory(): void {
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
  passingBtn.addEventListener('click', () => {
    const passing = store.get(id).passingCode;
    if (passing !== null) restore(passing, t('exercise.versions.restoredPassing'));
  });
  historyBtn.addEventListener('click', () => {
    historyBox.hidden = !historyBox.hidden;
    historyBtn.setAttribute('aria-expanded', String(!historyBox.hidden));
    renderHistory();
  });
  updateVersionButtons();
  showSaveState(null);

  /* ---------------- reset (dialog → toast with 撤销; Ctrl+Z also works) ---------------- */
  async function doReset(): Promise<void> {
    const before = getCode();
    const starter = await starterPromise;
    if (before !== starter) store.keepVersion(id, before, 'before-reset');
    ed.replaceAll(editor, starter);
    dirty = true;
    flushSave();
    if (version) store.acknowledgeVersion(id, version);
    if (before !== starter) {
      showToast(t('exercise.resetDone'), {
        label: t('exercise.undo'),
        run: () => {
          ed.replaceAll(editor, before);
          dirty = true;
          flushSave();
          showToast(t('exercise.undone'));
          editor.focus();
        },
      });
    }
    editor.focus();
  }
  resetBtn.addEventListener('click', () => {
    dialog.returnValue = '';
    dialog.showModal();
  });
  dialog.addEventListener('close', () => {
    if (dialog.returnValue === 'confirm') void doReset();
    else resetBtn.focus();
  });

  /* ---------------- run ---------------- */
  let running = false;
  async function run(): Promise<void> {
    if (running) return;
    running = true;
    flushSave();
    runBtn.setAttribute('aria-busy', 'true');
    runBtn.classList.add('is-running');
    runLabel.textContent = t('exercise.running');
    renderMessage(results, t('exercise.runningCases'));
    ed.clearMarks(editor);
    const code = getCode();
    let report: GradeReport;
    try {
      const grader = await getGrader();
      report = await grader.grade({ exercise, code });
    } catch (err) {
      renderMessage(results, t('exercise.gradeFailed', { message: String(err) }), 'error');
      finish();
      return;
    }
    probe.lastReport = report;
    probe.runs++;
    renderReport(results, report, { timeoutSeconds });
    if (report.error?.line !== undefined) {
      ed.markError(editor, report.error.line, report.error.column, report.error.message);
    }
    const passedCases = report.cases.filter((c) => c.passed).length;
    window.clearTimeout(saveTimer);
    const res = store.recordAttempt(id, {
      passed: report.passed && !report.error,
      score: report.score,
      passedCases,
      totalCases: report.cases.length,
      seed: report.seed,
      errorKind: report.error?.kind ?? null,
      code,
      exerciseVersion: version,
    });
    dirty = false;
    updateSolutionButton(res.record);
    showSaveState(res);
    // Next to the verdict: a pass that could not be stored is said, never silently dropped.
    if (report.passed && !report.error && !res.ok) {
      results.append(
        h('p', { class: 'wb-save-note', 'data-pass-save': res.reason }, t(res.reason === 'newer-version' ? 'progress.warnings.passNewer' : 'progress.warnings.passNotSaved')),
      );
    }
    updateVersionButtons();
    renderHistory();
    announceProgress();
    finish();
  }
  function finish(): void {
    running = false;
    runBtn.removeAttribute('aria-busy');
    runBtn.classList.remove('is-running');
    runLabel.textContent = t('exercise.run');
  }
  runBtn.addEventListener('click', () => void run());
  ed.addRunCommand(editor, () => void run());
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey) || e.defaultPrevented) return;
    if ((e.target as HTMLElement | null)?.closest?.('.monaco-editor')) return; // the editor's own command runs
    if (dialog.open) return;
    e.preventDefault();
    void run();
  });
}
