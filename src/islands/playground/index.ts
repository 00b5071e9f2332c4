// The training playground island (src/components/Playground.astro renders its host element).
// Small controllers with one job each: ./controls (settings ↔ state), ./heatmap (the big map and
// points), ./network (neurons, links, parameter editor, backprop numbers), ./charts (loss curves),
// ./diagnostics, ./client (the sandbox worker). This file holds the state, the URL hash (on the
// /playground/ page) and the frame loop: the page asks the worker for one frame when it is ready
// to draw one, so maps cross at most once per animation frame.
import { t, type MessageKey } from '../../i18n/t';
import { browserStorage, peekStatus, recordKey } from '../../progress/keys';
import { needsRebuild, type WeightsSnapshot } from '../../playground/engine';
import { cellCode, configJson, weightsJson } from '../../playground/export';
import { PRESETS, presetById } from '../../playground/presets';
import type { FrameMessage, PageToWorker, TraceMessage, WorkerToPage } from '../../playground/protocol';
import { applyVisibleControls, decodeState, encodeState, HIDABLE, isRegression, LIMITS, playgroundStateSchema, type PlaygroundState } from '../../playground/state';
import { createLineChart } from './charts';
import { createClient, type Client } from './client';
import { createControls } from './controls';
import { createDiagnostics } from './diagnostics';
import { fmt, h, select } from './dom';
import { createHeatmap } from './heatmap';
import { createNetwork } from './network';

const k = (key: string, params?: Record<string, string | number>) => t(key as MessageKey, params);
/** How long a pause or step may take with 用我的实现 on before the worker is killed and restarted. */
const STUCK_MS = 2000;
/** Frames per second of the floor measurement's progress polls (bench: data-pg-draw="off"). */
const NO_DRAW_POLL_MS = 500;

export async function mountPlayground(root: HTMLElement): Promise<void> {
  if (root.dataset.pgMounted !== undefined) return;
  root.dataset.pgMounted = '';
  const urlMode = root.dataset.urlState !== undefined;
  const presetId = root.dataset.preset;
  const visible = root.dataset.controls;

  // --- state ----------------------------------------------------------------------------------
  let refused: string | null = null;
  const fromPreset = (): PlaygroundState => {
    const p = presetId ? presetById(presetId) : undefined;
    return applyVisibleControls(p ? decodeState(p.hash).state : decodeState('').state, visible);
  };
  let state: PlaygroundState;
  if (urlMode && location.hash.length > 1) {
    const r = decodeState(location.hash);
    state = r.state;
    if (!r.ok) refused = k('playground.hashRefused', { reason: k(`playground.hashReason.${r.problem.code}`, { key: r.problem.key ?? '' }) });
  } else state = fromPreset();

  // --- DOM ------------------------------------------------------------------------------------
  const status = h('p', { class: 'pg-status', role: 'status', 'aria-live': 'polite' });
  const alert = h('p', { class: 'pg-alert', role: 'alert', hidden: true });
  const playBtn = h('button', { type: 'button', class: 'pg-btn pg-primary', 'aria-keyshortcuts': 'Space', disabled: true }, t('playground.play'));
  const stepBtn = h('button', { type: 'button', class: 'pg-btn', disabled: true }, t('playground.step'));
  const resetBtn = h('button', { type: 'button', class: 'pg-btn', disabled: true }, t('playground.reset'));
  const epochOut = h('output', { class: 'pg-epoch' }, t('playground.epochValue', { epoch: 0 }));
  const presetSel = select([['', t('playground.presetsNone')], ...PRESETS.map((p) => [p.id, k(`playground.presets.${p.id}.title`)] as const)], presetId ?? '');
  const presetWhy = h('p', { class: 'pg-why', 'aria-live': 'polite' });
  const toolbar = h(
    'div',
    { class: 'pg-toolbar', role: 'toolbar', 'aria-label': t('playground.region') },
    playBtn,
    stepBtn,
    resetBtn,
    epochOut,
    h('div', { class: 'pg-field pg-presets', 'data-control': 'presets' }, h('label', { for: (presetSel.id = `pg-preset-${Math.random().toString(36).slice(2)}`) }, t('playground.presetsLabel')), presetSel),
  );
  const heatmap = createHeatmap(root);
  const network = createNetwork(root);
  const lossChart = createLineChart(root, t('playground.lossChart'), t('playground.lossChartLabel'), 'epoch', '损失', { paired: true });
  const diagnostics = createDiagnostics(root, 'diagnostics');
  const metrics = h('dl', { class: 'pg-metrics' });
  const whichSel = select([['0', t('playground.compareA')], ['1', t('playground.compareB')]], '0');
  const whichField = h('div', { class: 'pg-field', 'data-control': 'compare' }, h('label', { for: (whichSel.id = `pg-which-${Math.random().toString(36).slice(2)}`) }, t('playground.compareWhich')), whichSel);
  const log = h('div', { class: 'pg-log', role: 'log', 'aria-live': 'polite', 'aria-label': t('playground.logLabel'), tabindex: 0 });
  const controls = createControls((patch, why) => setState({ ...state, ...patch }, why), (text) => (status.textContent = text));

  // Step-through backprop.
  const traceIndex = h('input', { type: 'number', min: 0, step: 1, value: 0 });
  const traceBtn = h('button', { type: 'button', class: 'pg-btn' }, t('playground.traceForward'));
  const backBtn = h('button', { type: 'button', class: 'pg-btn', disabled: true }, t('playground.traceBackward'));
  let lastTrace: TraceMessage | null = null;
  const traceOut = h('p', { class: 'pg-note', role: 'status' });
  const traceSec = h(
    'details',
    { class: 'pg-section', 'data-control': 'trace' },
    h('summary', {}, t('playground.sections.trace')),
    h('p', { class: 'pg-note' }, t('playground.traceIntro')),
    h('div', { class: 'pg-row' }, h('div', { class: 'pg-field' }, h('label', { for: (traceIndex.id = `pg-ti-${Math.random().toString(36).slice(2)}`) }, t('playground.traceIndex')), traceIndex), traceBtn, backBtn),
    traceOut,
  );
  traceSec.addEventListener('toggle', () => {
    if (traceSec.open) return;
    network.setTrace(null);
    backBtn.disabled = true;
  });
  backBtn.addEventListener('click', () => {
    if (!lastTrace) return;
    network.setTrace(lastTrace, 'backward');
    traceOut.textContent = t('playground.traceBackDone', { i: lastTrace.index, loss: fmt(lastTrace.loss) });
    root.dataset.tracePhase = 'backward';
  });
  traceBtn.addEventListener('click', () => {
    const i = Math.round(Number(traceIndex.value));
    if (!Number.isFinite(i)) return;
    send({ type: 'trace', index: i });
  });

  // Export.
  const exportOut = h('textarea', { readonly: true, rows: 10, class: 'pg-export-out', spellcheck: 'false' });
  const exportLabel = h('label', { for: (exportOut.id = `pg-ex-${Math.random().toString(36).slice(2)}`) }, t('playground.exportOutput'));
  const exportNote = h('p', { class: 'pg-note', role: 'status' });
  const download = h('button', { type: 'button', class: 'pg-btn', disabled: true }, t('playground.exportDownload'));
  let exportFile = { name: 'playground.json', type: 'application/json' };
  const exportBtn = (label: string, make: () => { text: string; name: string; type: string; what: string; note?: string }) => {
    const b = h('button', { type: 'button', class: 'pg-btn' }, label);
    b.addEventListener('click', () => {
      const r = make();
      exportOut.value = r.text;
      exportFile = { name: r.name, type: r.type };
      download.disabled = false;
      exportNote.textContent = `${t('playground.exportCopied', { what: r.what })}${r.note ? ` ${r.note}` : ''}`;
      root.dataset.exportKind = r.name;
    });
    return b;
  };
  download.addEventListener('click', () => {
    const a = h('a', { href: URL.createObjectURL(new Blob([exportOut.value], { type: exportFile.type })), download: exportFile.name });
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  });
  const exportSec = h(
    'details',
    { class: 'pg-section', 'data-control': 'export' },
    h('summary', {}, t('playground.sections.export')),
    h(
      'div',
      { class: 'pg-row' },
      exportBtn(t('playground.exportConfig'), () => ({ text: configJson(state), name: 'playground-config.json', type: 'application/json', what: t('playground.exportConfig') })),
      exportBtn(t('playground.exportWeights'), () => ({ text: weightsJson(state, epoch, currentWeights()), name: 'playground-weights.json', type: 'application/json', what: t('playground.exportWeights') })),
      exportBtn(t('playground.exportCell'), () => ({ text: cellCode(state, epoch), name: 'playground-cell.ts', type: 'text/plain', what: t('playground.exportCell'), note: t('playground.exportCellNote', { epochs: epoch }) })),
      download,
    ),
    exportNote,
    exportLabel,
    exportOut,
  );

  const outputCol = h('section', { class: 'pg-col pg-output', 'aria-label': t('playground.sections.output') }, h('h3', {}, t('playground.sections.output')), whichField, heatmap.el, controls.outputToggles, metrics, lossChart.el);
  root.replaceChildren(
    alert,
    presetWhy,
    toolbar,
    status,
    h(
      'div',
      { class: 'pg-grid' },
      h('div', { class: 'pg-col' }, controls.data, controls.features),
      h('section', { class: 'pg-col pg-netcol', 'aria-label': t('playground.sections.network') }, controls.network, network.el),
      outputCol,
    ),
    controls.training,
    diagnostics.el,
    traceSec,
    exportSec,
    h('div', { class: 'pg-logbox' }, h('h3', {}, t('playground.sections.log')), log),
  );
  if (refused) {
    alert.hidden = false;
    alert.textContent = refused;
  }

  // --- worker ---------------------------------------------------------------------------------
  let client: Client | undefined;
  let epoch = 0;
  let playing = false;
  let frameInFlight = false;
  let wantFrame = false;
  let pending: FrameMessage | undefined;
  const pendingRows: FrameMessage['history'] = [];
  let rafId: number | undefined;
  let focus: [number, number] | null = null;
  let focusName: string | null = null;
  let lastWeights: WeightsSnapshot | undefined;
  let checkpoint: { epoch: number; steps: number; weights: WeightsSnapshot[] } | null = null;
  let history: { epoch: number; train: number[]; test: number[] }[] = [];
  let stuckTimer: ReturnType<typeof setTimeout> | undefined;
  let frames = 0;
  let logLines = 0;
  let keepHash = false;
  let drawMs = 0;
  let loadTimer: ReturnType<typeof setTimeout> | undefined;

  const send = (m: PageToWorker) => client?.send(m);
  const setPhase = (phase: string) => (root.dataset.pgState = phase);
  const line = (text: string, cls = '') => {
    if (logLines++ > 500) log.firstChild?.remove();
    log.append(h('div', { class: `pg-line ${cls}` }, text));
    log.scrollTop = log.scrollHeight;
  };
  const currentWeights = (): WeightsSnapshot[] => {
    const w = lastWeights ? [lastWeights] : [];
    if (checkpoint?.weights[1]) w.push(checkpoint.weights[1]);
    return w;
  };
  const mineExercise = (s: PlaygroundState) => (s.optimizer === 'momentum' ? 'momentum-step' : s.optimizer === 'adam' ? 'adam-step' : null);
  const mineCode = (id: string): string | null => {
    if (peekStatus(browserStorage(), id) !== 'passed') return null;
    try {
      const rec = JSON.parse(localStorage.getItem(recordKey(id)) ?? 'null') as { passingCode?: unknown } | null;
      return typeof rec?.passingCode === 'string' ? rec.passingCode : null;
    } catch {
      return null;
    }
  };
  const syncMine = () => {
    const id = mineExercise(state);
    controls.setMine({ exercise: id, passed: id !== null && mineCode(id) !== null });
  };

  const requestFrame = () => {
    if (!client) return;
    if (frameInFlight) {
      wantFrame = true;
      return;
    }
    frameInFlight = true;
    wantFrame = false;
    send({ type: 'frame', which: whichSel.value === '1' && state.compare !== 'none' ? 1 : 0, focus, diagnostics: diagnostics.open });
  };
  const noDraw = () => root.dataset.pgDraw === 'off';

  const init = (restore?: { epoch: number; steps: number; weights: WeightsSnapshot[]; history: typeof history }) => {
    setPhase('loading');
    frameInFlight = false;
    pending = undefined;
    pendingRows.length = 0;
    epoch = restore?.epoch ?? 0;
    history = restore?.history.slice() ?? [];
    // A restart keeps its starting point as the checkpoint, so a second hang restarts there too.
    checkpoint = restore ? { epoch: restore.epoch, steps: restore.steps, weights: restore.weights } : null;
    logLines = 0;
    const names = state.compare === 'none' ? [k(`playground.optimizers.${state.optimizer}`)] : [k(`playground.optimizers.${state.optimizer}`), k(`playground.optimizers.${state.compare}`)];
    if (state.compare !== 'none' && state.compare === state.optimizer) names[1] = `${names[1]}（η = ${state.compareLr}）`;
    lossChart.reset(names.flatMap((n) => [t('playground.seriesTrain', { name: n }), t('playground.seriesTest', { name: n })]));
    for (const row of history) lossChart.push(row.epoch, row.train.flatMap((tr, i) => [tr, row.test[i] ?? NaN]));
    diagnostics.reset(state.layers.length + 1);
    network.build(state);
    network.setTrace(null);
    whichField.hidden = state.compare === 'none' || state.hide.includes('compare');
    const id = mineExercise(state);
    const code = state.mine && id ? mineCode(id) : null;
    if (state.mine && id && code) {
      line(t('playground.mineOn', { id }), 'pg-info');
      // Their module runs at load: if it never returns, the worker is replaced and 用我的实现 is switched off.
      clearTimeout(loadTimer);
      loadTimer = setTimeout(() => void abandonMine(), STUCK_MS * 2);
    }
    send({
      type: 'init',
      state,
      ...(restore ? { restore: { epoch: restore.epoch, steps: restore.steps, weights: restore.weights, history: restore.history } } : {}),
      ...(code && id ? { mine: { exercise: id as 'momentum-step' | 'adam-step', code } } : {}),
    });
  };

  const updateMetrics = (f: FrameMessage) => {
    const rows: [string, string, string][] = [];
    const names = f.train.length > 1 ? [k(`playground.optimizers.${state.optimizer}`), k(`playground.optimizers.${state.compare}`)] : [''];
    f.train.forEach((tr, i) => {
      const te = f.test[i]!;
      const suffix = names[i] ? `（${names[i]}）` : '';
      rows.push([`${t('playground.trainLoss')}${suffix}`, fmt(tr.loss), `train-loss-${i}`]);
      rows.push([`${t('playground.testLoss')}${suffix}`, fmt(te.loss), `test-loss-${i}`]);
      if (tr.accuracy !== null) rows.push([`${t('playground.trainAcc')}${suffix}`, `${fmt(tr.accuracy * 100, 3)}%`, `train-acc-${i}`]);
      if (te.accuracy !== null) rows.push([`${t('playground.testAcc')}${suffix}`, `${fmt(te.accuracy * 100, 3)}%`, `test-acc-${i}`]);
    });
    rows.push([t('playground.learningRate'), f.lr.map((x) => fmt(x)).join(' / '), 'lr']);
    metrics.replaceChildren(...rows.flatMap(([dt, dd, key]) => [h('dt', {}, dt), h('dd', { 'data-metric': key }, dd)]));
    root.dataset.trainLoss = String(f.train[0]!.loss);
    root.dataset.testLoss = String(f.test[0]!.loss);
    root.dataset.testAcc = String(f.test[0]!.accuracy ?? '');
  };

  const draw = () => {
    rafId = undefined;
    const f = pending;
    pending = undefined;
    if (!f) return;
    // Pipelined: the next frame is asked for before this one is drawn, so the worker computes it
    // while the page draws; still at most one request (and one set of maps) per animation frame.
    if (playing && !noDraw()) requestFrame();
    const t0 = performance.now();
    const rows = pendingRows.splice(0);
    frames++;
    root.dataset.frames = String(frames);
    epoch = f.epoch;
    root.dataset.epoch = String(f.epoch);
    root.dataset.steps = String(f.steps);
    epochOut.textContent = t('playground.epochValue', { epoch: f.epoch });
    lastWeights = f.weights;
    for (const row of rows) {
      history.push(row);
      lossChart.push(row.epoch, row.train.flatMap((tr, i) => [tr, row.test[i] ?? NaN]));
    }
    lossChart.render();
    updateMetrics(f);
    if (!noDraw()) {
      heatmap.draw(f.main, f.mainClass, { discretize: state.discretize, showTest: state.showTest, focus: focusName });
      network.drawThumbs(f.thumbs);
      network.setWeights(f.weights);
      if (diagnostics.open) diagnostics.update(f, state.layers.map((l) => l.units));
    }
    // Main-thread cost of drawing one frame (a moving average, read by npm run bench:playground).
    drawMs = drawMs === 0 ? performance.now() - t0 : 0.9 * drawMs + 0.1 * (performance.now() - t0);
    root.dataset.drawMs = drawMs.toFixed(2);
    if (wantFrame && !playing) requestFrame();
  };

  const onMessage = (m: WorkerToPage) => {
    switch (m.type) {
      case 'inited':
        clearTimeout(loadTimer);
        heatmap.setPoints(m.train, m.test, isRegression(state.dataset));
        heatmap.redrawPoints(state.showTest);
        traceIndex.max = String(Math.max(0, m.train.x1.length - 1));
        for (const b of [playBtn, stepBtn, resetBtn]) b.disabled = false;
        setPhase(playing ? 'playing' : 'ready');
        if (!playing) status.textContent = t('playground.ready');
        if (playing) send({ type: 'play' });
        requestFrame();
        return;
      case 'frame':
        frameInFlight = false;
        pending = m;
        pendingRows.push(...m.history);
        if (playing && noDraw()) setTimeout(requestFrame, NO_DRAW_POLL_MS);
        rafId ??= requestAnimationFrame(draw);
        return;
      case 'checkpoint':
        checkpoint = { epoch: m.epoch, steps: m.steps, weights: m.weights };
        root.dataset.checkpointEpoch = String(m.epoch);
        return;
      case 'paused': {
        clearTimeout(stuckTimer);
        playing = false;
        playBtn.textContent = t('playground.play');
        playBtn.setAttribute('aria-pressed', 'false');
        setPhase('paused');
        const map: Record<typeof m.reason, string> = {
          user: t('playground.paused', { epoch: m.epoch }),
          step: t('playground.stepped', { epoch: m.epoch }),
          budget: t('playground.stoppedBudget', { epoch: m.epoch }),
          target: t('playground.stoppedTarget', { epoch: m.epoch }),
          diverged: t('playground.stoppedDiverged', { epoch: m.epoch }),
          error: t('playground.stoppedError'),
        };
        status.textContent = map[m.reason];
        root.dataset.pausedEpoch = String(m.epoch);
        root.dataset.pauseReason = m.reason;
        wantFrame = true;
        requestFrame();
        return;
      }
      case 'log':
        line(m.text, `pg-${m.level}`);
        root.dataset.logLines = String(log.childElementCount);
        return;
      case 'truncated':
        line(t('playground.logTruncated'), 'pg-warn');
        return;
      case 'error':
        line(k(`playground.errors.${m.code}`, { detail: m.detail ?? '' }), 'pg-error');
        root.dataset.lastError = m.code;
        return;
      case 'trace':
        lastTrace = m;
        network.setTrace(m, 'forward');
        backBtn.disabled = false;
        traceOut.textContent = t('playground.traceDone', { i: m.index, loss: fmt(m.loss), y: m.y.map((v) => fmt(v)).join(', ') });
        root.dataset.trace = String(m.index);
        root.dataset.tracePhase = 'forward';
        return;
    }
  };

  const play = () => {
    if (playing) return;
    playing = true;
    playBtn.textContent = t('playground.pause');
    playBtn.setAttribute('aria-pressed', 'true');
    setPhase('playing');
    status.textContent = t('playground.playing');
    send({ type: 'play' });
    requestFrame();
  };
  const watchStuck = () => {
    if (!state.mine) return;
    clearTimeout(stuckTimer);
    stuckTimer = setTimeout(() => void restartFromCheckpoint(), STUCK_MS);
  };
  const pause = () => {
    send({ type: 'pause' });
    watchStuck();
  };
  const restartFromCheckpoint = async () => {
    if (!client) return;
    client.kill();
    playing = false;
    playBtn.textContent = t('playground.play');
    const cp = checkpoint;
    const at = cp?.epoch ?? 0;
    line(t('playground.mineStuck', { epoch: at }), 'pg-error');
    status.textContent = t('playground.mineStuck', { epoch: at });
    await client.restart();
    init(cp ? { epoch: cp.epoch, steps: cp.steps, weights: cp.weights, history: history.filter((r) => r.epoch <= cp.epoch) } : undefined);
  };
  const abandonMine = async () => {
    if (!client) return;
    client.kill();
    playing = false;
    line(t('playground.mineLoadStuck'), 'pg-error');
    status.textContent = t('playground.mineLoadStuck');
    await client.restart();
    setState({ ...state, mine: false });
  };
  playBtn.addEventListener('click', () => (playing ? pause() : play()));
  stepBtn.addEventListener('click', () => {
    if (playing) return pause();
    send({ type: 'step' });
    watchStuck();
  });
  resetBtn.addEventListener('click', () => {
    playing = false;
    playBtn.textContent = t('playground.play');
    init();
  });
  root.addEventListener('keydown', (e) => {
    if (e.key === ' ' && e.target === root) {
      e.preventDefault();
      playBtn.click();
    }
  });

  // --- state changes --------------------------------------------------------------------------
  function setState(next: PlaygroundState, why?: string) {
    const parsed = playgroundStateSchema.safeParse(next);
    if (!parsed.success) {
      status.textContent = parsed.error.issues.some((i) => i.path[0] === 'loss') ? t('playground.lossNoCe') : t('playground.weightBad');
      controls.sync(state);
      return;
    }
    const prev = state;
    state = parsed.data;
    controls.sync(state);
    applyHidden();
    syncMine();
    // A refused hash stays in the address bar (the reader can see what was wrong) until an edit.
    if (urlMode && !keepHash) history_replace(state);
    keepHash = false;
    if (why) status.textContent = why;
    if (needsRebuild(prev, state)) {
      const wasPlaying = playing;
      init();
      playing = wasPlaying;
    } else {
      send({ type: 'update', state });
      if (prev.showTest !== state.showTest) heatmap.redrawPoints(state.showTest);
      wantFrame = true;
      requestFrame();
    }
  }
  const history_replace = (s: PlaygroundState) => {
    const hash = encodeState(s);
    const target = hash ? `#${hash}` : location.pathname + location.search;
    if (location.hash.slice(1) !== hash) window.history.replaceState(null, '', target);
  };
  const applyHidden = () => {
    for (const el of root.querySelectorAll<HTMLElement>('[data-control]')) {
      const name = el.dataset.control as (typeof HIDABLE)[number];
      const hide = state.hide.includes(name);
      if (hide) el.dataset.pgHidden = '';
      else delete el.dataset.pgHidden;
    }
  };
  presetSel.addEventListener('change', () => {
    const p = presetById(presetSel.value);
    if (!p) return;
    const next = decodeState(p.hash).state;
    presetWhy.textContent = k(`playground.presets.${p.id}.why`);
    playing = false;
    playBtn.textContent = t('playground.play');
    setState({ ...next, hide: state.hide }, k('playground.presetApplied', { title: k(`playground.presets.${p.id}.title`) }));
    init();
  });
  whichSel.addEventListener('change', () => {
    wantFrame = true;
    requestFrame();
  });
  network.onFocus((f, name) => {
    focus = f;
    focusName = name;
    wantFrame = true;
    requestFrame();
  });
  network.onSet((layer, from, to, value, what) => {
    send({ type: 'set', layer, from, to, value });
    status.textContent = t('playground.weightSet', { what, value: fmt(value) });
    wantFrame = true;
    requestFrame();
  });
  controls.onAdding((on) => heatmap.setAdding(on));
  heatmap.onClick((x1, x2) => {
    if (state.points.length >= LIMITS.maxPoints) return;
    const c = controls.addClass();
    setState({ ...state, dataset: 'custom', points: [...state.points, [x1, x2, c]] }, t('playground.addedPoint', { x: x1, y: x2, c, n: state.points.length + 1 }));
  });
  diagnostics.el.addEventListener('toggle', () => {
    wantFrame = true;
    requestFrame();
  });
  if (urlMode) {
    window.addEventListener('hashchange', () => {
      if (location.hash.slice(1) === encodeState(state)) return;
      const r = decodeState(location.hash);
      alert.hidden = r.ok;
      if (!r.ok) alert.textContent = k('playground.hashRefused', { reason: k(`playground.hashReason.${r.problem.code}`, { key: r.problem.key ?? '' }) });
      playing = false;
      keepHash = !r.ok;
      setState(r.state);
      init();
    });
  }
  window.addEventListener('storage', syncMine);
  new MutationObserver(() => {
    heatmap.refreshTheme();
    network.refreshTheme();
    lossChart.refreshTheme();
    diagnostics.refreshTheme();
    wantFrame = true;
    requestFrame();
  }).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });

  controls.sync(state);
  applyHidden();
  syncMine();
  if (presetId) presetWhy.textContent = presetById(presetId) ? k(`playground.presets.${presetId}.why`) : '';
  if (urlMode && !refused) history_replace(state);
  setPhase('loading');
  status.textContent = t('playground.loading');
  try {
    client = await createClient({
      onMessage,
      onInvalid: () => line(t('playground.errors.invalid'), 'pg-warn'),
      onExit: () => {
        line(t('playground.errors.crash'), 'pg-error');
        setPhase('crashed');
      },
    });
  } catch (e) {
    line(t('playground.errors.internal', { detail: String((e as Error)?.message ?? e) }), 'pg-error');
    setPhase('crashed');
    return;
  }
  init();
}
