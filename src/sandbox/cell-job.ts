// The learner realm's 'cell' job: runs one chapter code cell as a module in a fresh SES
// compartment whose only endowments are the guarded tf (no bans, no grants), a console
// capture, `plot`, the slider `params` and `mine` (the exports of the learner's own exercise
// code when 用我的实现 is on, else empty). Streams log / plot / error / done events.
import { compileSubmission } from '../grader/compile';
import { formatNumber } from '../grader/format';
import type { LogLevel, TF } from '../grader/types';
import { CELL_LIMITS, type CellEvent, type CellJob, type PlotSpec, type XySeries } from './cell-protocol';
import { createGuard } from './guard';
import { measureLineOffset, runtimeError } from './run-job';
import { createTensorReader, type TensorReader } from './tensors';

declare const Compartment: new (options: { globals: Record<string, unknown>; __options__: true }) => { evaluate(src: string): unknown };

const MAX_LOG_LINES = 300;
const MAX_LOG_CHARS = 40_000;
const LEVELS: readonly LogLevel[] = ['log', 'info', 'warn', 'error', 'debug'];
const TF_MODULES = new Set(['@tensorflow/tfjs', '@tensorflow/tfjs-core']);
// tf.print's conventions: an axis longer than 20 shows its first and last 3 entries.
const FORMAT_LIMIT = 20;
const FORMAT_EDGE = 3;

/** Prepares the realm for one cell (before any learner code runs) and returns its runner. */
export function prepareCellRealm(host: { tf: TF; emit(event: CellEvent): void }): (job: CellJob) => void {
  const { tf, emit } = host;
  const reader = createTensorReader(tf);
  const now = performance.now.bind(performance);
  const log = createLogSink(reader, emit);
  const realConsole = globalThis.console as unknown as Record<LogLevel, unknown>;
  for (const level of LEVELS) realConsole[level] = (...args: unknown[]) => log(level, args);

  return (job: CellJob) => {
    const t0 = now();
    const compiled = compileSubmission(job.code);
    if (!compiled.ok) {
      const { message, line } = compiled.error;
      emit({ type: 'error', kind: 'compile', message, ...(line !== undefined ? { line } : {}) });
      emit({ type: 'done', ms: now() - t0 });
      return;
    }
    const guard = createGuard(tf, { banned: [], grants: [] });
    const learnerConsole = Object.freeze(Object.fromEntries(LEVELS.map((l) => [l, (...args: unknown[]) => log(l, args)])));
    const plot = createPlot(reader, emit);
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
      const c = new Compartment({ globals: { console: learnerConsole }, __options__: true });
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
    const compartment = new Compartment({ globals: { console: learnerConsole, tf: guard.tf, plot, params, mine }, __options__: true });
    const lineOffset = measureLineOffset(compartment);
    try {
      const factory = compartment.evaluate(`(function (exports, require, module) {${compiled.js}\n})`) as (...a: unknown[]) => void;
      const exportsObj = {};
      factory(exportsObj, requireFn, { exports: exportsObj });
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
    emit({ type: 'done', ms: now() - t0 });
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

type PlotOpts = { title?: unknown; label?: unknown; xLabel?: unknown; yLabel?: unknown };

class PlotError extends Error {}

/**
 * The `plot` endowment. Values are copied to plain arrays here: tensors through the reader's
 * captured engine references, arrays through own data properties (no getter of theirs runs).
 * Consecutive line/scatter calls with the same title draw into one chart.
 */
function createPlot(reader: TensorReader, emit: (e: CellEvent) => void): object {
  let index = 0;
  let lastXy: { title: string; spec: Extract<PlotSpec, { kind: 'xy' }>; index: number } | undefined;
  const text = (v: unknown, fallback: string) => (typeof v === 'string' ? v.slice(0, CELL_LIMITS.maxText) : fallback);
  const opts = (o: unknown): PlotOpts => {
    if (typeof o === 'string') return { title: o };
    if (typeof o !== 'object' || o === null) return {};
    const out: PlotOpts = {};
    for (const k of ['title', 'label', 'xLabel', 'yLabel'] as const) out[k] = ownData(o, k);
    return out;
  };
  const send = (spec: PlotSpec, at = index) => {
    if (at >= CELL_LIMITS.maxPlots) throw new PlotError(`一次运行最多画 ${CELL_LIMITS.maxPlots} 张图`);
    emit({ type: 'plot', index: at, spec });
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
    const p = opts(o);
    const title = text(p.title, '');
    const series: XySeries = { type, label: text(p.label, type === 'line' ? '曲线' : '数据点'), xs, ys };
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
  const grid = (kind: 'heatmap' | 'image') => (m: unknown, o?: unknown) => {
    const { values, shape } = numbers(m, reader, CELL_LIMITS.maxCells);
    const p = opts(o);
    lastXy = undefined;
    if (kind === 'heatmap') {
      if (shape.length !== 2) throw new PlotError(`plot.heatmap 需要一个二维张量或二维数组，收到的形状是 [${shape.join(',')}]`);
      send({ kind, title: text(p.title, ''), xLabel: text(p.xLabel, '列'), yLabel: text(p.yLabel, '行'), rows: shape[0]!, cols: shape[1]!, values });
    } else {
      const channels = shape.length === 2 ? 1 : shape[2];
      if ((shape.length !== 2 && shape.length !== 3) || (channels !== 1 && channels !== 3)) {
        throw new PlotError(`plot.image 需要形状为 [高, 宽]、[高, 宽, 1] 或 [高, 宽, 3] 的张量，收到的是 [${shape.join(',')}]`);
      }
      const max = values.reduce<number>((a, v) => (v !== null && v > a ? v : a), 0);
      const scale = max > 1 ? 255 : 1;
      send({ kind, title: text(p.title, ''), height: shape[0]!, width: shape[1]!, channels, values: values.map((v) => (v === null ? 0 : Math.min(1, Math.max(0, v / scale)))) });
    }
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
  return Object.freeze({ line: wrap(xy('line')), scatter: wrap(xy('scatter')), heatmap: wrap(grid('heatmap')), image: wrap(grid('image')) });
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
