// A chapter code cell, once the reader has touched it: the editor, runs in the sandbox,
// output rendering (learner text only ever through textContent) and plots.
//
// The editor is a <textarea>, not Monaco: Monaco is ≈1 MB gzip plus a 1.5 MB TS worker
// (../../shared/STACK.md), far too much for a chapter page with a dozen five-line cells;
// exercise pages keep Monaco for completions and type errors. Keyboard: Ctrl/Cmd+Enter runs,
// Tab keeps its usual meaning (moving focus) so the editor is never a keyboard trap.
import { t } from '../../i18n/t';
import type { RunOutcome } from '../../runtime/pool';
import type { CellEvent, PlotSpec } from '../../sandbox/cell-protocol';
import { recordKey } from '../../progress/keys';
import { clearDraft, loadDraft, saveDraft } from './drafts';
import { runCell } from './runner';

type PlotsModule = typeof import('./plots');
let plotsModule: Promise<PlotsModule> | undefined;
const loadPlots = () => (plotsModule ??= import('./plots'));

const SLIDER_DEBOUNCE_MS = 150;
const SAVE_DEBOUNCE_MS = 300;
let tfLoaded = false;

interface PlotSlot {
  el: HTMLElement;
  update(spec: PlotSpec): void;
  kind: PlotSpec['kind'];
}

export function mountCell(cell: HTMLElement, action?: string): void {
  const id = cell.dataset.cell ?? '';
  const original = JSON.parse(cell.querySelector('[data-cell-source]')?.textContent ?? '""') as string;
  const timeoutMs = Number(cell.dataset.timeoutMs) || 5000;
  const expectError = cell.dataset.expectError !== undefined;
  const runBtn = cell.querySelector<HTMLButtonElement>('[data-cell-action="run"]')!;
  const editBtn = cell.querySelector<HTMLButtonElement>('[data-cell-action="edit"]')!;
  const resetBtn = cell.querySelector<HTMLButtonElement>('[data-cell-action="reset"]')!;
  const status = cell.querySelector<HTMLElement>('[data-cell-status]')!;
  const codeBox = cell.querySelector<HTMLElement>('[data-cell-code]')!;
  const output = cell.querySelector<HTMLElement>('[data-cell-output]')!;
  const sliders = [...cell.querySelectorAll<HTMLInputElement>('[data-cell-param]')];
  const mineBtn = cell.querySelector<HTMLButtonElement>('[data-cell-action="mine"]');
  const exercise = cell.dataset.exercise;
  let useMine = false;

  let editor: HTMLTextAreaElement | undefined;
  let controller: AbortController | undefined;
  let runSeq = 0;
  let plots: PlotSlot[] = [];
  let sliderTimer: ReturnType<typeof setTimeout> | undefined;
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  const logBox = document.createElement('div');
  logBox.className = 'cell-logs';
  const plotBox = document.createElement('div');
  plotBox.className = 'cell-plots';
  output.append(logBox, plotBox);

  const code = () => editor?.value ?? original;
  const setState = (state: string, text: string) => {
    cell.dataset.cellState = state;
    status.textContent = text;
  };

  const openEditor = (text: string, focus: boolean) => {
    if (!editor) {
      editor = document.createElement('textarea');
      editor.className = 'cell-editor';
      editor.spellcheck = false;
      editor.setAttribute('autocapitalize', 'off');
      editor.setAttribute('autocomplete', 'off');
      editor.setAttribute('aria-label', t('cell.editorLabel'));
      editor.setAttribute('aria-keyshortcuts', 'Control+Enter Meta+Enter');
      editor.addEventListener('input', () => {
        fit();
        clearTimeout(saveTimer);
        saveTimer = setTimeout(() => {
          if (!saveDraft(id, editor!.value, original)) status.textContent = t('cell.saveFailed');
        }, SAVE_DEBOUNCE_MS);
      });
      codeBox.after(editor);
    }
    editor.value = text;
    codeBox.hidden = true;
    editor.hidden = false;
    editBtn.hidden = true;
    resetBtn.hidden = false;
    fit();
    if (focus) editor.focus();
  };
  const fit = () => {
    if (!editor) return;
    editor.rows = Math.max(3, editor.value.split('\n').length + 1);
  };
  const reset = () => {
    clearTimeout(saveTimer);
    clearDraft(id);
    if (editor) editor.hidden = true;
    editor?.remove();
    editor = undefined;
    codeBox.hidden = false;
    editBtn.hidden = false;
    resetBtn.hidden = true;
    status.textContent = t('cell.resetDone');
    editBtn.focus();
  };

  const params = (): Record<string, number> => Object.fromEntries(sliders.map((s) => [s.dataset.cellParam!, Number(s.value)]));

  const line = (text: string, cls: string) => {
    const el = document.createElement(cls.includes('tensor') ? 'pre' : 'div');
    el.className = cls;
    el.textContent = text;
    logBox.append(el);
    return el;
  };

  const run = async () => {
    controller?.abort();
    const mine = new AbortController();
    controller = mine;
    const seq = ++runSeq;
    runBtn.setAttribute('aria-busy', 'true');
    setState('running', tfLoaded ? t('cell.running') : t('cell.loading'));
    let cleared = false;
    const clearOnce = () => {
      if (cleared) return;
      cleared = true;
      logBox.replaceChildren();
    };
    let errors = 0;
    let ms = 0;
    let plotCount = 0;
    const pendingPlots: Promise<void>[] = [];
    const onEvent = (e: CellEvent) => {
      if (seq !== runSeq) return;
      tfLoaded = true;
      clearOnce();
      switch (e.type) {
        case 'log':
          line(e.text, `cell-line cell-${e.level}${e.tensor ? ' cell-tensor' : ''}`);
          break;
        case 'truncated':
          line(t('cell.truncated', { lines: e.maxLines }), 'cell-line cell-warn');
          break;
        case 'error': {
          errors++;
          const el = line(e.message, `cell-line cell-error${expectError ? ' cell-expected' : ''}`);
          el.dataset.cellError = e.kind;
          if (e.line !== undefined) el.dataset.line = String(e.line);
          break;
        }
        case 'plot':
          plotCount = Math.max(plotCount, e.index + 1);
          pendingPlots.push(showPlot(e.index, e.spec));
          break;
        case 'done':
          ms = e.ms;
          break;
      }
    };
    const showPlot = async (index: number, spec: PlotSpec) => {
      const m = await loadPlots();
      if (seq !== runSeq) return;
      const slot = plots[index];
      if (slot && slot.kind === spec.kind) {
        slot.update(spec);
        return;
      }
      const el = document.createElement('div');
      el.className = 'cell-plot';
      const made = m.createPlot(el, spec, cell);
      if (slot) slot.el.replaceWith(el);
      else plotBox.append(el);
      plots[index] = { el, kind: spec.kind, update: made.update };
    };
    let outcome: RunOutcome;
    try {
      outcome = await runCell({ code: code(), params: params(), mine: useMine ? learnerCode() ?? undefined : undefined, timeoutMs, signal: mine.signal, onEvent, onInvalid: () => line(t('cell.invalidEvent'), 'cell-line cell-warn') });
    } catch (e) {
      outcome = { status: 'crashed', exit: { reason: 'crash', detail: String((e as Error)?.message ?? e) } };
    }
    await Promise.all(pendingPlots).catch(() => undefined);
    if (seq !== runSeq) return;
    runBtn.removeAttribute('aria-busy');
    clearOnce();
    // Plots this run no longer draws go away; the others were updated in place.
    for (const slot of plots.slice(plotCount)) slot.el.remove();
    plots = plots.slice(0, plotCount);
    if (outcome.status === 'done') {
      if (errors > 0) setState(expectError ? 'expected-error' : 'error', expectError ? t('cell.expectedError') : t('cell.failed'));
      else setState('ok', t('cell.done', { ms: Math.round(ms) }));
    } else if (outcome.status === 'timeout') {
      tfLoaded = true;
      const text = t('cell.timeout', { seconds: Math.round(timeoutMs / 100) / 10 });
      const el = line(text, `cell-line cell-error${expectError ? ' cell-expected' : ''}`);
      el.dataset.cellError = 'timeout';
      setState(expectError ? 'expected-error' : 'timeout', expectError ? t('cell.expectedError') : t('cell.timeoutShort'));
    } else if (outcome.status === 'cancelled') {
      setState('cancelled', t('cell.cancelled'));
    } else {
      const el = line(t('cell.crashed', { reason: outcome.exit.detail ?? outcome.exit.reason }), 'cell-line cell-error');
      el.dataset.cellError = 'crash';
      setState('error', t('cell.failed'));
    }
  };

  // 用我的实现: the learner's code for the exercise, read from the progress record (read only:
  // the progress store owns it). The passing version if there is one, else the latest draft.
  const learnerCode = (): string | null => {
    if (!exercise) return null;
    try {
      const rec = JSON.parse(localStorage.getItem(recordKey(exercise)) ?? 'null') as { passingCode?: unknown; latestCode?: unknown } | null;
      const c = typeof rec?.passingCode === 'string' ? rec.passingCode : typeof rec?.latestCode === 'string' ? rec.latestCode : null;
      return c;
    } catch {
      return null;
    }
  };
  const toggleMine = () => {
    if (!mineBtn || !exercise) return;
    if (!useMine && learnerCode() === null) {
      status.textContent = t('cell.useMineNone', { id: exercise });
      return;
    }
    useMine = !useMine;
    mineBtn.setAttribute('aria-pressed', String(useMine));
    status.textContent = useMine ? t('cell.useMineOn', { id: exercise }) : '';
    if (useMine) void run();
  };
  mineBtn?.addEventListener('click', toggleMine);

  runBtn.addEventListener('click', () => void run());
  editBtn.addEventListener('click', () => openEditor(code(), true));
  resetBtn.addEventListener('click', reset);
  cell.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void run();
    }
  });
  for (const s of sliders) {
    s.addEventListener('input', () => {
      const out = cell.querySelector(`[data-cell-param-value="${s.dataset.cellParam}"]`);
      if (out) out.textContent = s.value;
      clearTimeout(sliderTimer);
      sliderTimer = setTimeout(() => void run(), SLIDER_DEBOUNCE_MS);
    });
  }

  const draft = loadDraft(id);
  if (draft !== null && draft !== original) {
    openEditor(draft, false);
    status.textContent = t('cell.restored');
  }
  if (action === 'run') void run();
  else if (action === 'edit') openEditor(code(), true);
  else if (action === 'reset') reset();
  else if (action === 'mine') toggleMine();
}
