// A chapter code cell, once the reader has touched it: the editor, runs in the sandbox,
// output rendering (learner text only ever through textContent) and plots.
//
// The editor is the shared plain editor (a coloured <textarea>, src/islands/editor/plain.ts), not
// Monaco (measured: README「代码单元格」, Cell.astro's JSDoc):
// Monaco costs a chapter page ≈ 1 MB gzip more and a second or more before the first keystroke,
// for a dozen five-line cells; exercise pages keep Monaco for completions and type errors.
// Keyboard: Ctrl/Cmd+Enter runs, Tab keeps its usual meaning (moving focus) so the editor is
// never a keyboard trap.
//
// Live training (train.loop / train.log in the cell): the realm batches points (≤ 20 messages
// a second) and the page coalesces whatever arrived into one chart.update('none') and one
// progress-bar write per animation frame, so the main thread stays smooth while a model trains.
// 停止 kills the realm (the pool's abort); the partial chart stays, and the spare realm runs
// the next job.
import { t } from '../../i18n/t';
import type { RunOutcome } from '../../runtime/pool';
import type { CellEvent, PlotSpec } from '../../sandbox/cell-protocol';
import type { LivePlot } from './plots';
import { recordKey } from '../../progress/keys';
import type { CellData } from '../../sandbox/cell-data';
import { CellDataError, loadCellData } from './cell-data';
import '../editor/editor.css';
import { createPlainEditor, type PlainEditor } from '../editor/plain';
import { createRunControl } from '../editor/run';
import { clearDraft, loadDraft, saveDraft } from './drafts';
import { runCell } from './runner';

type PlotsModule = typeof import('./plots');
let plotsModule: Promise<PlotsModule> | undefined;
const loadPlots = () => (plotsModule ??= import('./plots'));

const SLIDER_DEBOUNCE_MS = 150;
const SAVE_DEBOUNCE_MS = 300;
/** A run that lasts longer than this shows 停止 (at once when it reports progress or points). */
const STOP_DELAY_MS = 250;
let tfLoaded = false;
let plotsLoaded: PlotsModule | undefined;

interface PlotSlot {
  el: HTMLElement;
  update(spec: PlotSpec): void;
  kind: PlotSpec['kind'] | 'live';
  live?: LivePlot;
}
type LiveEvent = Extract<CellEvent, { type: 'live' }>;

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
  const stopBtn = cell.querySelector<HTMLButtonElement>('[data-cell-action="stop"]');
  const progressEl = cell.querySelector<HTMLProgressElement>('[data-cell-progress]');
  const exercise = cell.dataset.exercise;
  // <Cell data="…">: fetched on the first run only (src/islands/cell/cell-data.ts).
  const dataSpec = cell.dataset.cellDataUrl && cell.dataset.cellDataKey
    ? { url: cell.dataset.cellDataUrl, key: cell.dataset.cellDataKey, bytes: Number(cell.dataset.cellDataBytes), name: cell.dataset.cellDataName ?? '' }
    : undefined;
  let useMine = false;

  let editor: PlainEditor | undefined;
  let runSeq = 0;
  let plots: PlotSlot[] = [];
  let sliderTimer: ReturnType<typeof setTimeout> | undefined;
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  const logBox = document.createElement('div');
  logBox.className = 'cell-logs';
  const plotBox = document.createElement('div');
  plotBox.className = 'cell-plots';
  output.append(logBox, plotBox);

  const code = () => editor?.getValue() ?? original;
  const setState = (state: string, text: string) => {
    cell.dataset.cellState = state;
    status.textContent = text;
  };

  const openEditor = (text: string, focus: boolean) => {
    if (!editor) {
      const made = createPlainEditor({ value: text, label: t('cell.editorLabel'), keyShortcuts: 'Control+Enter Meta+Enter', autoHeight: true, lineNumbers: false });
      made.element.classList.add('cell-editor');
      made.onChange(() => {
        clearTimeout(saveTimer);
        saveTimer = setTimeout(() => {
          saveTimer = undefined;
          if (!saveDraft(id, made.getValue(), original)) status.textContent = t('cell.saveFailed');
        }, SAVE_DEBOUNCE_MS);
      });
      // Leaving the page (a reload for an update, a link) writes a pending edit at once.
      addEventListener('pagehide', () => {
        if (saveTimer === undefined) return;
        clearTimeout(saveTimer);
        saveTimer = undefined;
        saveDraft(id, made.getValue(), original);
      });
      codeBox.after(made.element);
      editor = made;
    } else if (editor.getValue() !== text) editor.replaceAll(text);
    codeBox.hidden = true;
    editor.element.hidden = false;
    editBtn.hidden = true;
    resetBtn.hidden = false;
    if (focus) editor.focus();
  };
  const reset = () => {
    clearTimeout(saveTimer);
    clearDraft(id);
    editor?.element.remove();
    editor?.dispose();
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

  let stopped = false;
  const stop = () => {
    if (!control.busy || cell.dataset.cellState !== 'running' && cell.dataset.cellState !== 'queued') return;
    stopped = true;
    control.abort();
  };
  const execute = async (source: string, signal: AbortSignal) => {
    const seq = ++runSeq;
    stopped = false;
    setState('running', tfLoaded ? t('cell.running') : t('cell.loading'));
    const showStop = () => {
      if (stopBtn && seq === runSeq) stopBtn.hidden = false;
    };
    const stopTimer = setTimeout(showStop, STOP_DELAY_MS);
    // Live points and progress: queued here, drawn once per animation frame.
    const liveQueue: LiveEvent[] = [];
    const liveSeen = new Set<number>();
    let progress: { done: number; total: number } | undefined;
    let frame: number | undefined;
    let livePending = false;
    const drawFrame = () => {
      frame = undefined;
      if (seq !== runSeq) return;
      if (progress && progressEl) {
        progressEl.hidden = false;
        progressEl.max = progress.total;
        progressEl.value = progress.done;
        progressEl.setAttribute('aria-valuetext', t('cell.progressText', { done: progress.done, total: progress.total }));
      }
      const touched = new Set<LivePlot>();
      for (const e of liveQueue.splice(0)) {
        let slot = plots[e.index];
        const meta = { title: e.title, xLabel: e.xLabel, yLabel: e.yLabel };
        if (!liveSeen.has(e.index)) {
          liveSeen.add(e.index);
          plotCount = Math.max(plotCount, e.index + 1);
          if (slot?.live) slot.live.reset(meta);
          else {
            const el = document.createElement('div');
            el.className = 'cell-plot';
            const made = plotsLoaded!.createLivePlot(el, meta, cell);
            if (slot) slot.el.replaceWith(el);
            else plotBox.append(el);
            slot = plots[e.index] = { el, kind: 'live', update: () => undefined, live: made };
          }
        }
        slot!.live!.append(e);
        touched.add(slot!.live!);
      }
      for (const l of touched) l.render();
    };
    const scheduleFrame = () => {
      if (frame !== undefined) return;
      if (livePending && !plotsLoaded) {
        void loadPlots().then((m) => {
          plotsLoaded = m;
          scheduleFrame();
        });
        return;
      }
      frame = requestAnimationFrame(drawFrame);
    };
    /** Draws what is queued now (the run is ending), instead of on the next frame. */
    const drainFrame = async () => {
      if (livePending && !plotsLoaded) plotsLoaded = await loadPlots();
      if (frame !== undefined) cancelAnimationFrame(frame);
      drawFrame();
    };
    let cleared = false;
    const clearOnce = () => {
      if (cleared) return;
      cleared = true;
      logBox.replaceChildren();
      if (useMine && exercise) line(t('cell.useMineLine', { id: exercise }), 'cell-line cell-info');
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
        case 'live':
          livePending = true;
          liveQueue.push(e);
          showStop();
          scheduleFrame();
          break;
        case 'progress':
          progress = { done: e.done, total: e.total };
          showStop();
          scheduleFrame();
          break;
        case 'keep':
          // train.keep: the page validates and saves the model (src/capstone/model-store.ts).
          pendingPlots.push(keepModel(e.model, seq));
          break;
      }
    };
    const keepModel = async (model: Extract<CellEvent, { type: 'keep' }>['model'], at: number) => {
      const { saveModel } = await import('../../capstone/model-store');
      const r = await saveModel(model);
      if (at !== runSeq) return;
      const text = !r.ok ? t('capstone.keepFailed', { name: model.name, detail: r.detail })
        : t(r.persisted ? 'capstone.kept' : 'capstone.keptMemory', { name: model.name, params: r.loaded.model.weights.reduce((n, w) => n + w.values.length, 0) });
      const el = line(text, `cell-line ${r.ok ? 'cell-info' : 'cell-error'}`);
      el.dataset.cellKept = r.ok ? (r.persisted ? 'saved' : 'memory') : 'failed';
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
    let dataFailure: string | undefined;
    try {
      let data: CellData | undefined;
      if (dataSpec) {
        status.textContent = t('cellData.loading', { name: dataSpec.name });
        try {
          data = { key: dataSpec.key, bytes: await loadCellData(dataSpec.url, dataSpec.bytes) };
        } catch (e) {
          dataFailure = e instanceof CellDataError ? e.reason : String((e as Error)?.message ?? e);
        }
        if (seq === runSeq && !dataFailure) status.textContent = tfLoaded ? t('cell.running') : t('cell.loading');
      }
      outcome = dataFailure !== undefined ? { status: 'done' } : signal.aborted ? { status: 'cancelled' } : await runCell({
        code: source,
        params: params(),
        mine: useMine ? learnerCode() ?? undefined : undefined,
        data,
        timeoutMs,
        signal,
        onEvent,
        onInvalid: () => line(t('cell.invalidEvent'), 'cell-line cell-warn'),
        onQueued: () => {
          if (seq !== runSeq) return;
          setState('queued', t('cell.queued'));
          showStop();
        },
        onStart: () => {
          if (seq === runSeq && cell.dataset.cellState === 'queued') setState('running', tfLoaded ? t('cell.running') : t('cell.loading'));
        },
      });
    } catch (e) {
      outcome = { status: 'crashed', exit: { reason: 'crash', detail: String((e as Error)?.message ?? e) } };
    }
    clearTimeout(stopTimer);
    await Promise.all(pendingPlots).catch(() => undefined);
    if (seq !== runSeq) return;
    // Points that arrived before the end are drawn; none can arrive after it (the pool drops them).
    await drainFrame();
    if (seq !== runSeq) return;
    for (const slot of plots) slot.live?.finish();
    if (stopBtn) stopBtn.hidden = true;
    clearOnce();
    // Plots this run no longer draws go away; the others were updated in place.
    for (const slot of plots.slice(plotCount)) slot.el.remove();
    plots = plots.slice(0, plotCount);
    if (dataFailure !== undefined) {
      const el = line(t('cellData.failed', { name: dataSpec?.name ?? '', reason: dataFailure }), 'cell-line cell-error');
      el.dataset.cellError = 'data';
      setState('error', t('cell.failed'));
    } else if (outcome.status === 'done') {
      if (errors > 0) setState(expectError ? 'expected-error' : 'error', expectError ? t('cell.expectedError') : t('cell.failed'));
      else setState('ok', t('cell.done', { ms: Math.round(ms) }));
    } else if (outcome.status === 'timeout') {
      tfLoaded = true;
      const text = t('cell.timeout', { seconds: Math.round(timeoutMs / 100) / 10 });
      const el = line(text, `cell-line cell-error${expectError ? ' cell-expected' : ''}`);
      el.dataset.cellError = 'timeout';
      setState(expectError ? 'expected-error' : 'timeout', expectError ? t('cell.expectedError') : t('cell.timeoutShort'));
    } else if (outcome.status === 'cancelled') {
      if (stopped) setState('stopped', progress ? t('cell.stoppedAt', { done: progress.done, total: progress.total }) : t('cell.stopped'));
      else setState('cancelled', t('cell.cancelled'));
    } else {
      const el = line(t('cell.crashed', { reason: outcome.exit.detail ?? outcome.exit.reason }), 'cell-line cell-error');
      el.dataset.cellError = 'crash';
      setState('error', t('cell.failed'));
    }
  };

  // 用我的实现: the learner's passing code for the exercise, read from the progress record (read
  // only: the progress store owns it). A draft that never passed is not used.
  const learnerCode = (): string | null => {
    if (!exercise) return null;
    try {
      const rec = JSON.parse(localStorage.getItem(recordKey(exercise)) ?? 'null') as { passingCode?: unknown; latestCode?: unknown } | null;
      return typeof rec?.passingCode === 'string' ? rec.passingCode : null;
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

  // The shared editor + run + output piece: 运行 and Ctrl/Cmd+Enter in the cell; the newest
  // run wins (a slider moved mid-run restarts it). The cell streams its own output as it runs.
  const control = createRunControl<void>({
    root: cell,
    button: runBtn,
    output,
    overlap: 'restart',
    markOutputBusy: false,
    getCode: code,
    execute,
    render: () => undefined,
  });
  const run = () => control.run();
  stopBtn?.addEventListener('click', () => {
    stop();
    runBtn.focus();
  });
  editBtn.addEventListener('click', () => openEditor(code(), true));
  resetBtn.addEventListener('click', reset);
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
  else if (action === 'stop') stop();
}
