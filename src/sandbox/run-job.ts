import { compileSubmission } from '../grader/compile';
import { standardGlobals } from './globals';
import { formatNumber } from '../grader/format';
import { fromPlain } from '../grader/plain';
import type { LayerCheck, LogLevel, TF } from '../grader/types';
import { installGuard } from './guard';
import { createTensorReader, type TensorReader } from './tensors';
import { realmFlavour, type RealmFlavour } from './flavour';
import { toWire, WireBudgetError, type WireEvent, type WireJob } from './wire-realm';

const MAX_LOG_LINES = 200;
const MAX_LOG_CHARS = 20_000;
const TF_MODULES = new Set(['@tensorflow/tfjs', '@tensorflow/tfjs-core']);
const LEVELS: readonly LogLevel[] = ['log', 'info', 'warn', 'error', 'debug'];
/** What a realm compiles once while it starts: the shapes every submission has (an import, types, an export). */
const WARM_UP_SOURCE = `import * as tf from '@tensorflow/tfjs';\nexport function f(x: tf.Tensor, k: number = 1): tf.Tensor {\n  const y: tf.Tensor[] = [x];\n  return tf.tidy(() => tf.mul(y[0]!, k));\n}\n`;

declare const Compartment: new (options: { globals: Record<string, unknown>; __options__: true }) => { evaluate(src: string): unknown; globalThis: object };

export interface RealmHost {
  /** The realm's own tfjs (host code's; learner code only ever sees the guarded copy). */
  tf: TF;
  /** Sends one event over the verdict channel (captured before any learner code runs). */
  emit(event: WireEvent): void;
  /** Which build this realm is (./flavour.ts): a `core` realm refuses a job that needs tfjs-layers. */
  flavour: RealmFlavour;
}

/**
 * Prepares a learner realm (call once, right after lockdown and tfjs have loaded, before any
 * job): captures what host code reads, installs the guard's wrappers, freezes tfjs's classes,
 * and routes the realm's console to the current job's log. Returns the function that runs one
 * job; a realm may run several in turn (a teacher's re-grade runs one student's submissions in
 * one realm), and nothing one job does reaches the next: every job gets a fresh compartment, a
 * fresh guarded tf and its own bans; tfjs's prototypes and classes are frozen, so no job can
 * patch them; the class registry is restored, and every tensor and variable a job made is
 * disposed after it (tests/unit/realm-reuse.test.ts).
 */
export function prepareRealm(host: RealmHost): (job: WireJob) => void {
  const { tf, emit, flavour } = host;
  const reader = createTensorReader(tf);
  const now = performance.now.bind(performance);
  const memory = tf.memory.bind(tf);
  const dispose = tf.dispose.bind(tf);
  const disposeVariables = tf.disposeVariables.bind(tf);
  const guardHost = installGuard(tf);
  // Only a `full` realm has tfjs-layers (and only layer jobs read what addWeight tracked).
  const tracked = flavour === 'full' ? trackAddWeight(tf, reader) : undefined;
  freezeTfClasses(tf);
  // The compiler's first run is several times slower than the next ones (V8 compiles sucrase's
  // code as it first runs): pay for it here, before the realm says it is ready, not in a job.
  compileSubmission(WARM_UP_SOURCE);
  // tfjs's own tensor.print() writes to the realm's console: route that to the current job's log.
  let currentLog: ((level: LogLevel, args: unknown[]) => void) | null = null;
  const realConsole = globalThis.console as unknown as Record<LogLevel, unknown>;
  for (const level of LEVELS) realConsole[level] = (...args: unknown[]) => currentLog?.(level, args);

  return (job: WireJob) => {
    const log = createLogSink(reader, emit);
    currentLog = log;
    reader.beginJob();
    try {
      runOne(job, log);
    } finally {
      // Anything the job left running (a promise callback) can no longer log or reach its bans.
      currentLog = null;
      guardHost.endJob();
      try {
        disposeVariables();
      } catch {
        // a variable the job disposed in a way tfjs didn't expect: it dies with the realm
      }
      reader.endJob();
    }
  };

  function runOne(job: WireJob, log: (level: LogLevel, args: unknown[]) => void): void {
    if (flavour === 'core' && realmFlavour(job) !== 'core') {
      // The host picks the realm from the same rule: this is a host bug, never the learner's.
      emit({ type: 'fatal', error: { kind: 'runtime', message: '评分器内部出错：这道练习需要 tf.layers，却被送进了不含它的运行环境。请刷新页面后重试。' } });
      return;
    }
    const compiled = compileSubmission(job.code);
    if (!compiled.ok) {
      const { message, line, column } = compiled.error;
      emit({ type: 'fatal', error: { kind: 'compile', message, ...(line !== undefined ? { line } : {}), ...(column !== undefined ? { column } : {}) }, ...(compiled.syntax ? { syntax: true } : {}) });
      return;
    }
    // A layer exercise may follow tfjs's custom-layer idiom (registerClass) without the registry.
    const grants = job.kind === 'layer' ? [...job.grants, 'serialization.registerClass'] : job.grants;
    const guard = guardHost.forJob({ banned: job.banned, grants });
    const learnerConsole = Object.freeze(Object.fromEntries(LEVELS.map((l) => [l, (...args: unknown[]) => (currentLog === log ? log(l, args) : undefined)])));
    const compartment = new Compartment({ globals: { ...standardGlobals(), console: learnerConsole }, __options__: true });
    const lineOffset = measureLineOffset(compartment);
    const offline = installOfflineGlobals(compartment);
    const errorOf = (e: unknown, prefix: string) => {
      const api = guard.bannedApiOf(e);
      if (api !== undefined) return { kind: 'banned' as const, api };
      const err = runtimeError(e, lineOffset, prefix);
      const away = offline(e);
      if (away !== undefined) err.message = `${prefix}${err.line !== undefined ? `（第 ${err.line} 行）` : ''}：${offlineMessage(away)}`;
      return err;
    };

    const exportsObj: Record<string, unknown> = {};
    const moduleObj = { exports: exportsObj };
    const requireFn = (name: unknown): unknown => {
      if (typeof name === 'string' && TF_MODULES.has(name)) return guard.tf;
      throw new Error(`不能导入 "${String(name)}"：练习里只能使用 import * as tf from '@tensorflow/tfjs'。`);
    };
    try {
      const factory = compartment.evaluate(`(function (exports, require, module) {${compiled.js}\n})`) as (...a: unknown[]) => void;
      factory(exportsObj, requireFn, moduleObj);
    } catch (e) {
      const code = String((e as { message?: unknown })?.message ?? '');
      if (/SES_(IMPORT|HTML_COMMENT)_REJECTED/.test(code)) {
        emit({ type: 'fatal', error: { kind: 'compile', message: `代码里不能出现 import(…) 或 HTML 注释（<!-- -->），注释和字符串里也不行：安全的运行环境会拒绝它们。请删掉这一处。` } });
      } else emit({ type: 'fatal', error: errorOf(e, '加载代码时出错') });
      return;
    }

    const exported = safeExports(moduleObj.exports);
    const entry = exported.get(job.entry);
    if (typeof entry !== 'function') {
      const names = [...exported.keys()].filter((k) => k !== '__esModule');
      emit({ type: 'fatal', error: { kind: 'type', code: 'missing-export', entry: job.entry, exportKind: job.kind, found: names } });
      return;
    }

    for (let index = 0; index < job.cases.length; index++) {
      const c = job.cases[index]!;
      const before = memory().numTensors;
      const t0 = now();
      let inputs: unknown[] = [];
      try {
        inputs = c.args.map((a) => fromPlain(tf, a));
        let output: unknown;
        let cleanup = () => undefined as void;
        if (job.kind === 'layer') {
          const ctorArgs = (c.construct ?? []).map((a) => fromPlain(tf, a));
          const run = runLayerCheck(tf, tracked!, entry as new (...a: unknown[]) => LearnerLayer, ctorArgs, inputs, c.layerCheck ?? 'apply');
          output = run.output;
          cleanup = run.dispose;
        } else if (c.moreCalls) {
          // Every call's arguments are built before the first call, so no call sees another's.
          const more = c.moreCalls.map((a) => a.map((p) => fromPlain(tf, p)));
          inputs = [...inputs, ...more.flat()];
          output = [Reflect.apply(entry as (...a: unknown[]) => unknown, undefined, inputs.slice(0, c.args.length)), ...more.map((a) => Reflect.apply(entry as (...a: unknown[]) => unknown, undefined, a))];
        } else {
          output = Reflect.apply(entry as (...a: unknown[]) => unknown, undefined, inputs);
        }
        // A Promise is never awaited: the run stays synchronous, so nothing learner code starts
        // can resolve before the verdict.
        const value = toWire(output, reader);
        const ms = now() - t0;
        safeDispose(dispose, inputs);
        safeDispose(dispose, output);
        cleanup();
        emit({ type: 'case', index, ok: true, value, leaked: Math.max(0, memory().numTensors - before), ms });
      } catch (e) {
        const ms = now() - t0;
        safeDispose(dispose, inputs);
        const error =
          e instanceof WireBudgetError ? { kind: 'runtime' as const, code: 'output-too-large' as const, limit: e.limit }
          : e === NO_WEIGHTS ? { kind: 'runtime' as const, code: 'layer-no-weights' as const }
          : e instanceof WeightsMismatch ? { kind: 'runtime' as const, code: 'layer-weights-mismatch' as const, expected: e.expected, found: e.found }
          : errorOf(e, '运行出错');
        emit({ type: 'case', index, ok: false, error, ms });
      }
    }
    emit({ type: 'done' });
  }
}

/**
 * Freezes tfjs's classes in this realm (after the guard's wrappers are in place): Tensor,
 * Variable, TensorBuffer, and every class in tfjs's registry (layers, models, optimizers,
 * initializers, regularizers, constraints), up their prototype chains. tfjs objects are not
 * frozen by lockdown(); without this, one job could patch a prototype and change what the next
 * job computes.
 */
function freezeTfClasses(tf: TF): void {
  const seen = new Set<unknown>();
  const freezeClass = (cls: unknown) => {
    for (let c = cls; typeof c === 'function' && c !== Function.prototype && !seen.has(c); c = Object.getPrototypeOf(c)) {
      seen.add(c);
      Object.freeze((c as { prototype?: object }).prototype);
      Object.freeze(c);
    }
  };
  const t = tf as unknown as Record<string, unknown>;
  for (const name of ['Tensor', 'Variable', 'TensorBuffer', 'LayerVariable', 'Optimizer']) freezeClass(t[name]);
  const registry = (tf as unknown as { serialization: { SerializationMap: { getMap(): { classNameMap: Record<string, unknown> } } } }).serialization.SerializationMap.getMap().classNameMap;
  for (const key of Object.keys(registry)) {
    const entry = registry[key];
    if (Array.isArray(entry)) freezeClass(entry[0]);
  }
}

interface LearnerLayer {
  apply(x: unknown): unknown;
  computeOutputShape(s: unknown): unknown;
}

const NO_WEIGHTS = Object.freeze(new Error('layer has no weights'));

/** The weights the grader sets differ in number or shape from what the layer added. */
class WeightsMismatch extends Error {
  constructor(readonly expected: number[][], readonly found: number[][]) {
    super('weights mismatch');
  }
}

/** One weight a layer created through addWeight, as tfjs's engine recorded it. */
interface TrackedWeight {
  /** The tf.Variable the LayerVariable holds, taken when addWeight returned it. */
  readonly val: object;
  readonly shape: readonly number[];
  readonly size: number;
}

/**
 * What the framework tracked for each layer: the variables `Layer.prototype.addWeight` created,
 * recorded by a wrapper installed before any learner code runs (with the original, the
 * Variable's `assign` and the tensor reader all captured now). The grader reads shapes, counts
 * parameters and sets weights through these records only, so a layer's own `weights` getter,
 * `setWeights`, `countParams`, or variables pushed into tfjs's lists by hand change nothing.
 */
function trackAddWeight(tf: TF, reader: TensorReader): { weightsOf(layer: object): readonly TrackedWeight[]; write(w: TrackedWeight, value: unknown): void } {
  const proto = tf.layers.Layer.prototype as unknown as { addWeight: (...a: unknown[]) => unknown };
  const original = proto.addWeight;
  const assign = (tf.Variable.prototype as unknown as { assign: (v: unknown) => void }).assign;
  const byLayer = new WeakMap<object, TrackedWeight[]>();
  proto.addWeight = function addWeight(this: object, ...args: unknown[]) {
    const variable = Reflect.apply(original, this, args);
    const d = typeof variable === 'object' && variable !== null ? Reflect.getOwnPropertyDescriptor(variable, 'val') : undefined;
    const val = d && 'value' in d ? (d.value as unknown) : undefined;
    const record = reader.recordOf(val);
    if (record && typeof val === 'object' && val !== null) {
      const list = byLayer.get(this) ?? [];
      list.push(Object.freeze({ val, shape: record.shape, size: record.size }));
      byLayer.set(this, list);
    }
    return variable;
  };
  return {
    weightsOf: (layer) => byLayer.get(layer) ?? [],
    write: (w, value) => Reflect.apply(assign, w.val, [value]),
  };
}

/**
 * One check of the layer protocol (LAYER_CHECKS in src/grader/types.ts). The layer is built
 * through apply() on the case's batch, never build() directly: tfjs marks a layer built only
 * in apply(), so a later apply() would otherwise build it again with fresh random weights.
 * Inputs may have any rank ≥ 2 ([n, d], [n, L, d] …): the batch is the first axis.
 */
function runLayerCheck(
  tf: TF,
  tracked: ReturnType<typeof trackAddWeight>,
  Entry: new (...a: unknown[]) => LearnerLayer,
  ctorArgs: unknown[],
  inputs: unknown[],
  check: LayerCheck,
): { output: unknown; dispose(): void } {
  const [x, weights] = inputs as [{ shape: number[] }, unknown[] | undefined];
  const make = () => Reflect.construct(Entry, ctorArgs);
  // The layer's own variables are the grader's to free, not leaks of the learner's.
  const owned: { dispose(): unknown }[] = [];
  const dispose = () => {
    for (const o of owned) {
      try {
        o.dispose();
      } catch {
        // a learner override of dispose(): its tensors die with the realm
      }
    }
  };
  const added = (layer: object) => {
    const list = tracked.weightsOf(layer);
    if (list.length === 0) throw NO_WEIGHTS;
    return list;
  };
  const setWeights = (layer: object) => {
    if (!weights) return;
    const list = added(layer);
    const given = weights.map((w) => Array.from((w as { shape: number[] }).shape));
    const have = list.map((w) => [...w.shape]);
    if (given.length !== have.length || given.some((g, i) => g.join(',') !== have[i]!.join(','))) throw new WeightsMismatch(given, have);
    list.forEach((w, i) => tracked.write(w, weights[i]));
  };
  const featureShape = x.shape.slice(1);
  if (check === 'sequential') {
    const layer = make();
    const model = tf.sequential();
    owned.push(model);
    model.add(tf.layers.inputLayer({ inputShape: featureShape }));
    model.add(layer as never);
    setWeights(layer);
    return { output: model.predict(x as never), dispose };
  }
  const layer = make();
  owned.push(layer as unknown as { dispose(): unknown });
  const first = layer.apply(x);
  tf.dispose(first as never);
  const built = added(layer);
  if (check === 'weights') return { output: built.map((w) => [...w.shape]), dispose };
  if (check === 'outputShape') return { output: layer.computeOutputShape([null, ...featureShape]), dispose };
  if (check === 'countParams') return { output: built.reduce((n, w) => n + w.size, 0), dispose };
  setWeights(layer);
  return { output: layer.apply(x), dispose };
}

/** Reads the learner's exports through own data properties only (a getter never runs). */
function safeExports(obj: unknown): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (typeof obj !== 'object' || obj === null) return out;
  for (const key of Reflect.ownKeys(obj)) {
    if (typeof key !== 'string') continue;
    const d = Reflect.getOwnPropertyDescriptor(obj, key);
    // Sucrase emits `Object.defineProperty(exports, name, { enumerable: true, get })` for re-exports only.
    if (d && 'value' in d) out.set(key, d.value);
  }
  return out;
}

function safeDispose(dispose: (x: never) => void, value: unknown): void {
  try {
    dispose(value as never);
  } catch {
    // A learner object that tfjs can't walk: its tensors die with the realm.
  }
}

/**
 * Ways to the network or to storage, as learner code would name them. A compartment has none of
 * them (reading one gives undefined, so `fetch(…)` would fail as "fetch is not a function" and
 * `indexedDB.open` as "Cannot read properties of undefined"). Each becomes a getter on the
 * compartment's global that throws a value of the host's, recognised by identity, so the report
 * can say plainly why (reading answers from anywhere but the arguments is not possible here).
 */
export const OFFLINE_GLOBALS = ['fetch', 'XMLHttpRequest', 'importScripts', 'indexedDB', 'caches', 'WebSocket', 'EventSource', 'localStorage', 'sessionStorage', 'navigator', 'Request'] as const;

/** The Chinese explanation for a learner's use of `api` (one of OFFLINE_GLOBALS). */
export function offlineMessage(api: string): string {
  return `练习的运行环境里没有网络和存储：不能使用 ${api}，也不能从别处读取标签或答案；结果只能由你的代码根据传入的参数算出来。`;
}

/** Installs OFFLINE_GLOBALS on a compartment's global; returns which one a thrown value stands for. */
export function installOfflineGlobals(compartment: { globalThis: object }): (e: unknown) => string | undefined {
  const thrown = new WeakMap<object, string>();
  for (const api of OFFLINE_GLOBALS) {
    Object.defineProperty(compartment.globalThis, api, {
      configurable: false,
      get() {
        const e = new Error(`${api} 不可用`);
        thrown.set(e, api);
        throw e;
      },
    });
  }
  return (e) => (typeof e === 'object' && e !== null ? thrown.get(e) : undefined);
}

/** Lines the compartment's evaluator adds before the body, measured rather than assumed. */
export function measureLineOffset(compartment: { evaluate(src: string): unknown }): number {
  try {
    (compartment.evaluate(`(function () {\nthrow new Error('probe');\n})`) as () => void)();
  } catch (e) {
    const m = /<anonymous>:(\d+):\d+/.exec(String((e as Error).stack));
    if (m) return Number(m[1]) - 2;
  }
  return 0;
}

export function runtimeError(e: unknown, lineOffset: number, prefix: string) {
  let name = 'Error';
  let message: string;
  let stack = '';
  try {
    if (typeof e === 'object' && e !== null && 'message' in e) {
      const err = e as { name?: unknown; message?: unknown; stack?: unknown };
      name = typeof err.name === 'string' ? err.name : 'Error';
      message = String(err.message);
      stack = typeof err.stack === 'string' ? err.stack : '';
    } else message = `抛出了 ${String(e)}`;
  } catch {
    message = '抛出了一个无法读取的值';
  }
  const error: { kind: 'runtime'; message: string; line?: number; column?: number } = { kind: 'runtime', message: `${prefix}：${name}: ${message}` };
  // The first frame that is the learner's: evaluated code has no file name in its frames.
  const m = /<anonymous>:(\d+):(\d+)/.exec(stack);
  if (m) {
    const line = Number(m[1]) - lineOffset;
    if (line >= 1) {
      error.line = line;
      error.column = Number(m[2]);
      error.message = `${prefix}（第 ${line} 行）：${name}: ${message}`;
    }
  }
  return error;
}

/** Console output to log events, bounded in lines and size. */
function createLogSink(reader: TensorReader, emit: (e: WireEvent) => void): (level: LogLevel, args: unknown[]) => void {
  let lines = 0;
  let chars = 0;
  let truncated = false;
  const format = (v: unknown): string => {
    if (typeof v === 'string') return v;
    if (typeof v === 'number') return formatNumber(v);
    const record = reader.recordOf(v);
    if (record) {
      if (reader.isDisposed(record)) return 'Tensor（已 dispose）';
      try {
        return (v as { toString(): string }).toString();
      } catch {
        return `Tensor ${record.dtype} [${record.shape.join(',')}]`;
      }
    }
    try {
      return JSON.stringify(v, (_k, x: unknown) => (reader.recordOf(x) ? `Tensor [${reader.recordOf(x)!.shape.join(',')}]` : x)) ?? String(v);
    } catch {
      try {
        return String(v);
      } catch {
        return '（无法显示的值）';
      }
    }
  };
  return (level, args) => {
    if (truncated) return;
    let text = args.map(format).join(' ');
    if (text.length > MAX_LOG_CHARS) text = text.slice(0, MAX_LOG_CHARS);
    lines++;
    chars += text.length;
    if (lines > MAX_LOG_LINES || chars > MAX_LOG_CHARS) {
      truncated = true;
      emit({ type: 'log', level: 'warn', text: '', code: 'log-truncated', maxLines: MAX_LOG_LINES, maxChars: MAX_LOG_CHARS });
      return;
    }
    emit({ type: 'log', level, text });
  };
}
