// The learner realm's 'cell' job: runs one chapter code cell as a module in a fresh SES
// compartment whose only endowments are the guarded tf (the allowlist plus CELL_GRANTS: the
// training APIs, since cells are demonstrations, not exercises), a console capture, `plot`,
// `train` (live training charts and progress), the slider `params` and `mine` (the exports of
// the learner's own exercise code when 用我的实现 is on, else empty) and `data` (the data set the
// page fetched for a <Cell data="…">, decoded by ./cell-data.ts, else empty). The module may use
// top-level await (`await train.loop(…)`); 'done' is sent when it settles.
// Streams log / plot / live / progress / error / done events.
import { standardGlobals } from './globals';
import { compileSubmission } from '../grader/compile';
import { formatNumber } from '../grader/format';
import type { LogLevel, TF } from '../grader/types';
import { CELL_LIMITS, LIVE_FLUSH_MS, type CellEvent, type CellJob, type PlotSpec, type XySeries } from './cell-protocol';
import { cellView, DataFormatError, decodeDataset } from './cell-data';
import { createGuard } from './guard';
import { measureLineOffset, runtimeError } from './run-job';
import { createTensorReader, type TensorReader } from './tensors';
import { createKeep, KeepError } from './cell-keep';

declare const Compartment: new (options: { globals: Record<string, unknown>; __options__: true }) => { evaluate(src: string): unknown };

const MAX_LOG_LINES = 300;
const MAX_LOG_CHARS = 40_000;
const LEVELS: readonly LogLevel[] = ['log', 'info', 'warn', 'error', 'debug'];
const TF_MODULES = new Set(['@tensorflow/tfjs', '@tensorflow/tfjs-core']);
// tf.print's conventions: an axis longer than 20 shows its first and last 3 entries.
const FORMAT_LIMIT = 20;
const FORMAT_EDGE = 3;

/**
 * What a cell's tf grants on top of the allowlist: gradients, optimizers, losses and layers,
 * so a cell can train. Not `engine` or `fused` (backend internals no cell needs). Nothing here
 * reaches the network or the page: the realm's policy and its missing globals see to that.
 */
export const CELL_GRANTS = [
  'grad', 'grads', 'valueAndGrad', 'valueAndGrads', 'variableGrads', 'customGrad',
  'train', 'losses', 'metrics', 'layers', 'sequential', 'model', 'input', 'initializers', 'regularizers', 'constraints',
  'linalg', 'image', 'signal', 'spectral',
] as const;

/** Prepares the realm for one cell (before any learner code runs) and returns its runner. */
export function prepareCellRealm(host: { tf: TF; emit(event: CellEvent): void }): (job: CellJob) => Promise<void> {
  const { tf, emit } = host;
  const reader = createTensorReader(tf);
  const now = performance.now.bind(performance);
  const log = createLogSink(reader, emit);
  const realConsole = globalThis.console as unknown as Record<LogLevel, unknown>;
  for (const level of LEVELS) realConsole[level] = (...args: unknown[]) => log(level, args);

  return async (job: CellJob) => {
    const t0 = now();
    const compiled = compileSubmission(job.code);
    if (!compiled.ok) {
      const { message, line } = compiled.error;
      emit({ type: 'error', kind: 'compile', message, ...(line !== undefined ? { line } : {}) });
      emit({ type: 'done', ms: now() - t0 });
      return;
    }
    const guard = createGuard(tf, { banned: [], grants: CELL_GRANTS });
    const learnerConsole = Object.freeze(Object.fromEntries(LEVELS.map((l) => [l, (...args: unknown[]) => log(l, args)])));
    // Plot and training-chart mistakes can repeat once per step of a long loop: at most
    // MAX_ERROR_EVENTS of them reach the page, then one notice of how many more were dropped.
    const capped = capErrors(emit);
    const plots = createPlot(reader, capped.emit, now);
    const train = createTrain(reader, capped.emit, plots.claim, now, plots.flush);
    const params = Object.freeze({ ...job.params });
    const requireFn = (name: unknown): unknown => {
      if (typeof name === 'string' && TF_MODULES.has(name)) return guard.tf;
      throw new Error(`不能导入 "${String(name)}"：单元格里只能使用 import * as tf from '@tensorflow/tfjs'。`);
    };
    // 用我的实现: the learner's exercise module runs first, in its own compartment; its exports
    // (own data properties only) are the cell's `mine`. Without it, `mine` is empty.
    let mine: Record<string, unknown> = {};
    if (job.mine !== undefined) {
      const own = compileSubmission(job.mine);
      if (!own.ok) {
        emit({ type: 'error', kind: 'compile', message: `你的实现：${own.error.message}` });
        emit({ type: 'done', ms: now() - t0 });
        return;
      }
      const c = new Compartment({ globals: { ...standardGlobals(), console: learnerConsole }, __options__: true });
      const exportsObj: Record<string, unknown> = {};
      const moduleObj = { exports: exportsObj };
      try {
        (c.evaluate(`(function (exports, require, module) {${own.js}\n})`) as (...a: unknown[]) => void)(exportsObj, requireFn, moduleObj);
      } catch (e) {
        emit({ type: 'error', kind: 'runtime', message: runtimeError(e, measureLineOffset(c), '你的实现加载时出错').message });
        emit({ type: 'done', ms: now() - t0 });
        return;
      }
      const out = moduleObj.exports as object;
      for (const key of Reflect.ownKeys(out)) {
        const d = typeof key === 'string' && key !== '__esModule' ? Reflect.getOwnPropertyDescriptor(out, key) : undefined;
        if (d && 'value' in d) mine[key as string] = d.value;
      }
    }
    mine = Object.freeze(mine);
    // <Cell data="…">: the page's bytes, checked here again (the job schema capped their size)
    // before any cell code runs; the cell reads them as data.<key>.
    let data: Readonly<Record<string, unknown>> = Object.freeze({});
    if (job.data !== undefined) {
      try {
        data = Object.freeze({ [job.data.key]: cellView(decodeDataset(job.data.bytes)) });
      } catch (e) {
        emit({ type: 'error', kind: 'runtime', message: e instanceof DataFormatError ? e.message : '数据文件无法读取。' });
        emit({ type: 'done', ms: now() - t0 });
        return;
      }
    }
    const compartment = new Compartment({ globals: { ...standardGlobals(), console: learnerConsole, tf: guard.tf, plot: plots.api, train: train.api, params, mine, data }, __options__: true });
    const lineOffset = measureLineOffset(compartment);
    try {
      // async, for top-level await; the same first line as measureLineOffset's probe.
      const factory = compartment.evaluate(`(async function (exports, require, module) {${compiled.js}\n})`) as (...a: unknown[]) => Promise<void>;
      const exportsObj = {};
      await factory(exportsObj, requireFn, { exports: exportsObj });
    } catch (e) {
      const code = String((e as { message?: unknown })?.message ?? '');
      if (/SES_(IMPORT|HTML_COMMENT)_REJECTED/.test(code)) {
        emit({ type: 'error', kind: 'compile', message: '代码里不能出现 import(…) 或 HTML 注释（<!-- -->），注释和字符串里也不行：安全的运行环境会拒绝它们。' });
      } else {
        const api = guard.bannedApiOf(e);
        const err = api !== undefined ? { kind: 'runtime' as const, message: `运行出错：不能使用 ${api}` } : runtimeError(e, lineOffset, '运行出错');
        emit({ type: 'error', kind: 'runtime', message: err.message, ...('line' in err && err.line !== undefined ? { line: err.line } : {}) });
      }
    }
    train.flush();
    plots.flush();
    capped.finish();
    emit({ type: 'done', ms: now() - t0 });
  };
}

/** Error events of one kind a run may send before the rest are counted and dropped. */
export const MAX_ERROR_EVENTS = 20;

/**
 * Caps the error events that plot and train calls emit (a `train.log(0)` in a loop of a million
 * steps would otherwise send a million messages and freeze the page). Other events pass through.
 */
function capErrors(emit: (e: CellEvent) => void): { emit(e: CellEvent): void; finish(): void } {
  let sent = 0;
  let dropped = 0;
  return {
    emit(e) {
      if (e.type !== 'error') return emit(e);
      if (sent < MAX_ERROR_EVENTS) {
        sent++;
        emit(e);
      } else dropped++;
    },
    finish() {
      if (dropped > 0) emit({ type: 'error', kind: 'plot', message: `还有 ${dropped} 条同类错误没有显示（每次运行最多显示 ${MAX_ERROR_EVENTS} 条）。` });
      dropped = 0;
    },
  };
}

/** A tensor as text: dtype and shape, then its values with long axes elided like tf.print. */
export function formatTensor(dtype: string, shape: readonly number[], values: ArrayLike<number>): string {
  const head = `Tensor ${dtype} [${shape.join(',')}]${shape.length === 0 ? '（标量）' : ''}`;
  const fmt = (x: number) => (dtype === 'bool' ? (x ? 'true' : 'false') : formatNumber(x));
  if (shape.length === 0) return `${head}\n  ${fmt(values[0] ?? NaN)}`;
  const strides = shape.map((_, i) => shape.slice(i + 1).reduce((a, b) => a * b, 1));
  const rec = (axis: number, offset: number, indent: string): string => {
    const n = shape[axis]!;
    const idx = n > FORMAT_LIMIT ? [...Array(FORMAT_EDGE).keys(), -1, ...Array.from({ length: FORMAT_EDGE }, (_, i) => n - FORMAT_EDGE + i)] : [...Array(n).keys()];
    if (axis === shape.length - 1) return `[${idx.map((i) => (i === -1 ? '...' : fmt(values[offset + i]!))).join(', ')}]`;
    const inner = idx.map((i) => (i === -1 ? `${indent} ...` : rec(axis + 1, offset + i * strides[axis]!, `${indent} `)));
    return `[${inner.join(`,\n${indent} `)}]`;
  };
  return `${head}\n  ${rec(0, 0, '  ')}`;
}

function createLogSink(reader: TensorReader, emit: (e: CellEvent) => void): (level: LogLevel, args: unknown[]) => void {
  let lines = 0;
  let chars = 0;
  let truncated = false;
  return (level, args) => {
    if (truncated) return;
    let tensor = false;
    const parts = args.map((v) => {
      const record = reader.recordOf(v);
      if (record) {
        tensor = true;
        if (reader.isDisposed(record)) return 'Tensor（已 dispose）';
        if (record.size > 100_000) return `Tensor ${record.dtype} [${record.shape.join(',')}]（元素太多，不显示数值）`;
        return formatTensor(record.dtype, record.shape, reader.read(record));
      }
      return formatValue(v, reader);
    });
    let text = parts.join(' ');
    if (text.length > MAX_LOG_CHARS) text = text.slice(0, MAX_LOG_CHARS);
    lines++;
    chars += text.length;
    if (lines > MAX_LOG_LINES || chars > MAX_LOG_CHARS) {
      truncated = true;
      emit({ type: 'truncated', maxLines: MAX_LOG_LINES, maxChars: MAX_LOG_CHARS });
      return;
    }
    emit({ type: 'log', level, text, ...(tensor ? { tensor: true } : {}) });
  };
}

function formatValue(v: unknown, reader: TensorReader): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return formatNumber(v);
  try {
    return JSON.stringify(v, (_k, x: unknown) => {
      const r = reader.recordOf(x);
      return r ? `Tensor [${r.shape.join(',')}]` : typeof x === 'number' && !Number.isFinite(x) ? String(x) : x;
    }) ?? String(v);
  } catch {
    try {
      return String(v);
    } catch {
      return '（无法显示的值）';
    }
  }
}

type PlotOpts = { title?: unknown; label?: unknown; xLabel?: unknown; yLabel?: unknown; id?: unknown; bins?: unknown; min?: unknown; max?: unknown };

class PlotError extends Error {}

/**
 * The `plot` endowment. Values are copied to plain arrays here: tensors through the reader's
 * captured engine references, arrays through own data properties (no getter of theirs runs).
 * Consecutive line/scatter calls with the same title draw into one chart.
 */
function createPlot(reader: TensorReader, emit: (e: CellEvent) => void, now: () => number): { api: object; claim(): number; flush(): void } {
  let index = 0;
  let lastXy: { title: string; spec: Extract<PlotSpec, { kind: 'xy' }>; index: number } | undefined;
  // plot.*(…, { id }): a later call with the same id redraws that plot in place (an x–y plot
  // keeps one series per label). Redraws are coalesced: at most one message per plot every
  // LIVE_FLUSH_MS, and the last state is always sent (flush() at the end of a run).
  const byId = new Map<string, { index: number; spec: PlotSpec; sentAt: number; dirty: boolean }>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const text = (v: unknown, fallback: string) => (typeof v === 'string' ? v.slice(0, CELL_LIMITS.maxText) : fallback);
  const opts = (o: unknown): PlotOpts => {
    if (typeof o === 'string') return { title: o };
    if (typeof o !== 'object' || o === null) return {};
    const out: PlotOpts = {};
    for (const k of ['title', 'label', 'xLabel', 'yLabel', 'id', 'bins', 'min', 'max'] as const) out[k] = ownData(o, k);
    return out;
  };
  const send = (spec: PlotSpec, at = index) => {
    if (at >= CELL_LIMITS.maxPlots) throw new PlotError(`一次运行最多画 ${CELL_LIMITS.maxPlots} 张图`);
    emit({ type: 'plot', index: at, spec });
  };
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    for (const slot of byId.values()) {
      if (!slot.dirty) continue;
      slot.dirty = false;
      slot.sentAt = now();
      send(slot.spec, slot.index);
    }
  };
  /** Draws `spec` as the plot named `id` (a new one the first time). `merge` folds it into the previous spec. */
  const drawById = (id: string, spec: PlotSpec, merge?: (old: PlotSpec) => PlotSpec) => {
    lastXy = undefined;
    const slot = byId.get(id);
    if (!slot) {
      if (index >= CELL_LIMITS.maxPlots) throw new PlotError(`一次运行最多画 ${CELL_LIMITS.maxPlots} 张图`);
      byId.set(id, { index, spec, sentAt: now(), dirty: false });
      send(spec, index);
      index++;
      return;
    }
    slot.spec = merge ? merge(slot.spec) : spec;
    slot.dirty = true;
    if (now() - slot.sentAt >= LIVE_FLUSH_MS) flush();
    else timer ??= setTimeout(flush, LIVE_FLUSH_MS);
  };
  const idOf = (p: PlotOpts): string | undefined => (typeof p.id === 'string' || typeof p.id === 'number' ? String(p.id).slice(0, CELL_LIMITS.maxText) : undefined);
  const addXy = (type: XySeries['type'], xs: (number | null)[], ys: (number | null)[], p: PlotOpts) => {
    const title = text(p.title, '');
    const series: XySeries = { type, label: text(p.label, type === 'line' ? '曲线' : '数据点'), xs, ys };
    const id = idOf(p);
    if (id !== undefined) {
      const fresh: PlotSpec = { kind: 'xy', title, xLabel: text(p.xLabel, 'x'), yLabel: text(p.yLabel, 'y'), series: [series] };
      drawById(id, fresh, (old) => {
        if (old.kind !== 'xy') return fresh;
        const others = old.series.filter((s) => s.label !== series.label);
        if (others.length >= CELL_LIMITS.maxSeries) throw new PlotError(`一张图最多 ${CELL_LIMITS.maxSeries} 条线`);
        const at = old.series.findIndex((s) => s.label === series.label);
        const next = [...old.series];
        if (at >= 0) next[at] = series;
        else next.push(series);
        return { ...old, title: fresh.title, xLabel: fresh.xLabel, yLabel: fresh.yLabel, series: next };
      });
      return;
    }
    if (lastXy && lastXy.title === title && title !== '' && lastXy.spec.series.length < CELL_LIMITS.maxSeries) {
      lastXy.spec.series.push(series);
      send(lastXy.spec, lastXy.index);
      return;
    }
    const spec: PlotSpec = { kind: 'xy', title, xLabel: text(p.xLabel, 'x'), yLabel: text(p.yLabel, 'y'), series: [series] };
    lastXy = { title, spec, index };
    send(spec);
    index++;
  };
  const xy = (type: XySeries['type']) => (xsIn: unknown, ysIn: unknown, o?: unknown) => {
    let xs: (number | null)[];
    let ys: (number | null)[];
    if (ysIn === undefined || (typeof ysIn === 'object' && ysIn !== null && !Array.isArray(ysIn) && !reader.recordOf(ysIn))) {
      // plot.line(ys, opts): x is the index
      o = ysIn;
      ys = numbers(xsIn, reader, CELL_LIMITS.maxPoints).values;
      xs = ys.map((_, i) => i);
    } else {
      xs = numbers(xsIn, reader, CELL_LIMITS.maxPoints).values;
      ys = numbers(ysIn, reader, CELL_LIMITS.maxPoints).values;
    }
    if (xs.length !== ys.length) throw new PlotError(`plot.${type} 的 xs 和 ys 长度不同（${xs.length} 和 ${ys.length}）`);
    addXy(type, xs, ys, opts(o));
  };
  // plot.histogram(values, { bins = 30, min, max, … }): counts per bin, drawn as a step line.
  const histogram = (v: unknown, o?: unknown) => {
    const p = opts(o);
    const values = numbers(v, reader, CELL_LIMITS.maxCells).values.filter((x): x is number => x !== null);
    const bins = typeof p.bins === 'number' && Number.isInteger(p.bins) && p.bins >= 1 && p.bins <= 200 ? p.bins : 30;
    let lo = typeof p.min === 'number' && Number.isFinite(p.min) ? p.min : Math.min(...values);
    let hi = typeof p.max === 'number' && Number.isFinite(p.max) ? p.max : Math.max(...values);
    if (!Number.isFinite(lo) || !Number.isFinite(hi)) [lo, hi] = [0, 1];
    if (hi <= lo) hi = lo + 1;
    const counts = new Array<number>(bins).fill(0);
    const width = (hi - lo) / bins;
    for (const x of values) {
      if (x < lo || x > hi) continue;
      counts[Math.min(bins - 1, Math.floor((x - lo) / width))]!++;
    }
    const xs: number[] = [];
    const ys: number[] = [];
    counts.forEach((c, i) => {
      xs.push(lo + i * width, lo + (i + 1) * width);
      ys.push(c, c);
    });
    addXy('line', xs, ys, { ...p, xLabel: p.xLabel ?? '取值', yLabel: p.yLabel ?? '个数', label: p.label ?? '直方图' });
  };
  const grid = (kind: 'heatmap' | 'image') => (m: unknown, o?: unknown) => {
    const { values, shape } = numbers(m, reader, CELL_LIMITS.maxCells);
    const p = opts(o);
    lastXy = undefined;
    let spec: PlotSpec;
    if (kind === 'heatmap') {
      if (shape.length !== 2) throw new PlotError(`plot.heatmap 需要一个二维张量或二维数组，收到的形状是 [${shape.join(',')}]`);
      spec = { kind, title: text(p.title, ''), xLabel: text(p.xLabel, '列'), yLabel: text(p.yLabel, '行'), rows: shape[0]!, cols: shape[1]!, values };
    } else {
      const channels = shape.length === 2 ? 1 : shape[2];
      if ((shape.length !== 2 && shape.length !== 3) || (channels !== 1 && channels !== 3)) {
        throw new PlotError(`plot.image 需要形状为 [高, 宽]、[高, 宽, 1] 或 [高, 宽, 3] 的张量，收到的是 [${shape.join(',')}]`);
      }
      const max = values.reduce<number>((a, v) => (v !== null && v > a ? v : a), 0);
      const scale = max > 1 ? 255 : 1;
      spec = { kind, title: text(p.title, ''), height: shape[0]!, width: shape[1]!, channels, values: values.map((v) => (v === null ? 0 : Math.min(1, Math.max(0, v / scale)))) };
    }
    const id = idOf(p);
    if (id !== undefined) return drawById(id, spec);
    send(spec);
    index++;
  };
  const wrap = <A extends unknown[]>(f: (...a: A) => void) => (...a: A): void => {
    try {
      f(...a);
    } catch (e) {
      if (e instanceof PlotError) emit({ type: 'error', kind: 'plot', message: `画图出错：${e.message}` });
      else throw e;
    }
  };
  const claim = () => {
    if (index >= CELL_LIMITS.maxPlots) throw new PlotError(`一次运行最多画 ${CELL_LIMITS.maxPlots} 张图`);
    lastXy = undefined;
    return index++;
  };
  return {
    api: Object.freeze({ line: wrap(xy('line')), scatter: wrap(xy('scatter')), histogram: wrap(histogram), heatmap: wrap(grid('heatmap')), image: wrap(grid('image')) }),
    claim,
    flush: () => {
      try {
        flush();
      } catch (e) {
        if (e instanceof PlotError) emit({ type: 'error', kind: 'plot', message: `画图出错：${e.message}` });
        else throw e;
      }
    },
  };
}

/**
 * The `train` endowment: live training charts and a progress bar.
 *
 *   await train.loop(steps, (step) => { …; train.log({ loss }) }, { title, xLabel, yLabel })
 *   train.log({ loss, acc })      one point per name (numbers or scalar tensors) at the current step
 *   train.progress(done, total)   for loops that don't use train.loop (model.fit callbacks …)
 *   train.keep(name, model, { mean, std, accuracy })   hands the trained model to the page as data
 *
 * Points are batched and sent at most every LIVE_FLUSH_MS, so a fast loop costs the page one
 * small message per flush, whatever its step rate. A long run keeps ≤ maxPoints per series by
 * doubling its stride (and telling the page to thin what it already drew).
 */
function createTrain(reader: TensorReader, emit: (e: CellEvent) => void, claim: () => number, now: () => number, flushPlots: () => void) {
  let index: number | undefined;
  let meta = { title: '训练过程', xLabel: '步数', yLabel: '数值' };
  let step: number | undefined;
  let calls = 0;
  let stride = 1;
  let kept = 0;
  let thin = false;
  let warned = false;
  let pending = new Map<string, { xs: (number | null)[]; ys: (number | null)[] }>();
  let pendingCount = 0;
  let progress: { done: number; total: number } | undefined;
  let progressSent: string | undefined;
  let lastFlush = now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const text = (v: unknown, fallback: string) => (typeof v === 'string' ? v.slice(0, CELL_LIMITS.maxText) : fallback);

  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    lastFlush = now();
    flushPlots();
    if (index !== undefined && (pendingCount > 0 || thin)) {
      const series = [...pending].map(([name, s]) => ({ name, xs: s.xs, ys: s.ys }));
      emit({ type: 'live', index, ...meta, ...(thin ? { thin: true } : {}), series });
      thin = false;
      pending = new Map();
      pendingCount = 0;
    }
    if (progress) {
      const key = `${progress.done}/${progress.total}`;
      if (key !== progressSent) emit({ type: 'progress', ...progress });
      progressSent = key;
    }
  };
  const maybeFlush = () => {
    if (now() - lastFlush >= LIVE_FLUSH_MS || pendingCount >= CELL_LIMITS.maxLiveBatch) flush();
    else timer ??= setTimeout(flush, LIVE_FLUSH_MS);
  };
  const fail = (message: string) => emit({ type: 'error', kind: 'plot', message: `训练图出错：${message}` });
  const value = (v: unknown): number | null => {
    const r = reader.recordOf(v);
    if (r) return r.size === 1 && !reader.isDisposed(r) ? finite(reader.read(r)[0]!) : null;
    return typeof v === 'number' ? finite(v) : null;
  };

  const log = (values: unknown, at?: unknown) => {
    if (typeof values !== 'object' || values === null) return fail('train.log 需要一个对象，例如 train.log({ loss })');
    const n = calls++;
    if (n % stride !== 0) return;
    if (index === undefined) {
      try {
        index = claim();
      } catch (e) {
        if (!warned) fail((e as Error).message);
        warned = true;
        return;
      }
    }
    const x = typeof at === 'number' && Number.isFinite(at) ? at : step ?? n;
    for (const key of Reflect.ownKeys(values)) {
      if (typeof key !== 'string') continue;
      const name = key.slice(0, CELL_LIMITS.maxText);
      let s = pending.get(name);
      if (!s) {
        if (pending.size >= CELL_LIMITS.maxLiveSeries) {
          if (!warned) fail(`train.log 最多记录 ${CELL_LIMITS.maxLiveSeries} 个量`);
          warned = true;
          continue;
        }
        s = { xs: [], ys: [] };
        pending.set(name, s);
      }
      s.xs.push(x);
      s.ys.push(value(ownData(values, key)));
      pendingCount++;
    }
    if (++kept >= CELL_LIMITS.maxPoints) {
      // Send what is pending at the old stride first, then thin: both sides keep every other point.
      flush();
      stride *= 2;
      kept = Math.ceil(kept / 2);
      thin = true;
    }
    maybeFlush();
  };
  const setProgress = (done: unknown, total: unknown) => {
    if (typeof done !== 'number' || typeof total !== 'number' || !(total > 0) || !(done >= 0)) return;
    progress = { done: Math.min(done, total), total };
    maybeFlush();
  };
  const loop = async (steps: unknown, fn: unknown, o?: unknown) => {
    if (typeof steps !== 'number' || !Number.isInteger(steps) || steps < 1) throw new TypeError('train.loop 的第一个参数是步数（正整数）');
    if (typeof fn !== 'function') throw new TypeError('train.loop 的第二个参数是每一步要做的函数，例如 (step) => { … }');
    const opts = typeof o === 'string' ? { title: o } : typeof o === 'object' && o !== null ? { title: ownData(o, 'title'), xLabel: ownData(o, 'xLabel'), yLabel: ownData(o, 'yLabel') } : {};
    meta = { title: text(opts.title, meta.title), xLabel: text(opts.xLabel, meta.xLabel), yLabel: text(opts.yLabel, meta.yLabel) };
    try {
      for (let i = 0; i < steps; i++) {
        step = i;
        await (fn as (s: number) => unknown)(i);
        setProgress(i + 1, steps);
      }
    } finally {
      step = undefined;
      flush();
    }
  };
  // train.keep(name, model, { mean, std, accuracy }): the trained model to the page, as data (./cell-keep.ts).
  const keepModel = createKeep(reader, emit);
  const keep = (name: unknown, model: unknown, options?: unknown) => {
    try {
      flush();
      keepModel(name, model, options);
    } catch (e) {
      if (e instanceof KeepError) emit({ type: 'error', kind: 'plot', message: `保存模型出错：${e.message}` });
      else throw e;
    }
  };
  return { api: Object.freeze({ loop, log, progress: setProgress, keep }), flush };
}

/** Numbers out of a tensor (read through the reader) or a (nested) array of numbers. */
function numbers(v: unknown, reader: TensorReader, max: number): { values: (number | null)[]; shape: number[] } {
  const record = reader.recordOf(v);
  if (record) {
    if (reader.isDisposed(record)) throw new PlotError('这个张量已经被 dispose 了');
    if (record.size > max) throw new PlotError(`数据太多（${record.size} 个，上限 ${max}）`);
    return { values: Array.from(reader.read(record), finite), shape: [...record.shape] };
  }
  if (!Array.isArray(v)) throw new PlotError('需要一个数组或张量');
  const shape: number[] = [];
  const out: (number | null)[] = [];
  const walk = (a: unknown, depth: number) => {
    if (!Array.isArray(a)) {
      out.push(typeof a === 'number' ? finite(a) : null);
      return;
    }
    const len = ownData(a, 'length') as number;
    if (shape[depth] === undefined) shape[depth] = len;
    else if (shape[depth] !== len) throw new PlotError('嵌套数组的各行长度不一致');
    if (depth > 3) throw new PlotError('数组嵌套太深');
    for (let i = 0; i < len; i++) {
      walk(ownData(a, String(i)), depth + 1);
      if (out.length > max) throw new PlotError(`数据太多（上限 ${max} 个）`);
    }
  };
  walk(v, 0);
  return { values: out, shape };
}

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

function ownData(o: object, key: string): unknown {
  const d = Reflect.getOwnPropertyDescriptor(o, key);
  return d && 'value' in d ? d.value : undefined;
}
