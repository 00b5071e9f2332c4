import { LAYER_CHECKS, type Dtype, type LayerCheck, type LearnerJob, type Plain } from '../grader/types';
import type { WireError } from './wire';
import type { TensorReader } from './tensors';

/**
 * The learner realm's side of the wire, with no zod: the `core` realm (./flavour.ts) loads no
 * schema library. What a realm sends is parsed on the host with the schemas in ./wire.ts; the
 * job a realm receives comes from host code on its private port and is checked here, by hand.
 */

/** Limits for one case's result, counted over every occurrence (a tensor under many keys counts each time). */
export const WIRE_LIMITS = {
  /** Elements across all tensors of one result (16 MB of float32). */
  maxElements: 4_000_000,
  /** Nodes (values, array items, object entries) in one result. */
  maxNodes: 10_000,
  /** Nesting depth of arrays and objects. */
  maxDepth: 6,
  /** Tensor rank. */
  maxRank: 8,
} as const;

export type WireTensorValues = Float32Array | Int32Array | Uint8Array;

export type WirePlain =
  | { t: 'tensor'; dtype: Dtype; shape: number[]; values: WireTensorValues }
  | Exclude<Plain, { t: 'tensor' } | { t: 'array' } | { t: 'object' }>
  | { t: 'array'; items: WirePlain[] }
  | { t: 'object'; entries: [string, WirePlain][] };

export type WireEvent =
  | { type: 'log'; level: 'log' | 'info' | 'warn' | 'error' | 'debug'; text: string; code?: 'log-truncated'; maxLines?: number; maxChars?: number }
  | { type: 'case'; index: number; ok: true; value: WirePlain; leaked: number; ms: number }
  | { type: 'case'; index: number; ok: false; error: WireError; ms: number }
  | { type: 'fatal'; error: WireError; syntax?: boolean }
  | { type: 'done' };

/** The one job a learner realm runs: the engine's LearnerJob, checked by parseWireJob before anything else. */
export type WireJob = LearnerJob;

/** The largest learner source a job may carry. */
export const MAX_JOB_CODE = 1_000_000;

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const own = (o: object, k: string): unknown => (Object.hasOwn(o, k) ? (o as Record<string, unknown>)[k] : undefined);

/**
 * A job as data, or undefined when it isn't one: known fields only (anything else is dropped),
 * each of the right type. Case arguments are plain data the host prepared; they stay as sent.
 */
export function parseWireJob(data: unknown): WireJob | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const code = own(data, 'code');
  const entry = own(data, 'entry');
  const kind = own(data, 'kind');
  const banned = own(data, 'banned');
  const grants = own(data, 'grants');
  const cases = own(data, 'cases');
  if (typeof code !== 'string' || code.length > MAX_JOB_CODE || typeof entry !== 'string') return undefined;
  if (kind !== 'function' && kind !== 'layer') return undefined;
  if (!isStrings(banned) || !isStrings(grants) || !Array.isArray(cases)) return undefined;
  const out: WireJob['cases'] = [];
  for (const c of cases as unknown[]) {
    if (typeof c !== 'object' || c === null) return undefined;
    const args = own(c, 'args');
    const moreCalls = own(c, 'moreCalls');
    const construct = own(c, 'construct');
    const layerCheck = own(c, 'layerCheck');
    if (!Array.isArray(args)) return undefined;
    if (moreCalls !== undefined && !(Array.isArray(moreCalls) && moreCalls.every((m) => Array.isArray(m)))) return undefined;
    if (construct !== undefined && !Array.isArray(construct)) return undefined;
    if (layerCheck !== undefined && !(LAYER_CHECKS as readonly unknown[]).includes(layerCheck)) return undefined;
    out.push({
      args: args as Plain[],
      ...(moreCalls !== undefined ? { moreCalls: moreCalls as Plain[][] } : {}),
      ...(construct !== undefined ? { construct: construct as Plain[] } : {}),
      ...(layerCheck !== undefined ? { layerCheck: layerCheck as LayerCheck } : {}),
    });
  }
  return { code, entry, kind, banned: [...banned], grants: [...grants], cases: out };
}

export class WireBudgetError extends Error {
  constructor(readonly limit: number) {
    super('output too large');
  }
}

/**
 * In the learner realm: a live value to wire data. Tensors are read through the reader's
 * captured references; objects only through own data properties (no getter, iterator or
 * toJSON of the learner's ever runs). Throws WireBudgetError before reading an oversized tensor.
 */
export function toWire(value: unknown, reader: TensorReader): WirePlain {
  let elements = 0;
  let nodes = 0;
  const convert = (v: unknown, depth: number): WirePlain => {
    if (++nodes > WIRE_LIMITS.maxNodes) throw new WireBudgetError(WIRE_LIMITS.maxNodes);
    const record = reader.recordOf(v);
    if (record) {
      if (reader.isDisposed(record)) return { t: 'other', desc: '一个已经被 dispose 的张量' };
      if (record.dtype !== 'float32' && record.dtype !== 'int32' && record.dtype !== 'bool') {
        return { t: 'other', desc: `dtype 为 ${record.dtype} 的张量，形状 [${record.shape.join(',')}]` };
      }
      elements += record.size;
      if (elements > WIRE_LIMITS.maxElements) throw new WireBudgetError(WIRE_LIMITS.maxElements);
      return { t: 'tensor', dtype: record.dtype, shape: [...record.shape], values: reader.read(record) };
    }
    if (v === null) return { t: 'null' };
    switch (typeof v) {
      case 'undefined':
        return { t: 'undefined' };
      case 'number':
        return { t: 'number', v };
      case 'string':
        return { t: 'string', v: v.slice(0, 10_000) };
      case 'boolean':
        return { t: 'boolean', v };
      case 'function':
        return { t: 'other', desc: '一个函数' };
      case 'bigint':
        return { t: 'other', desc: 'BigInt' };
      case 'symbol':
        return { t: 'other', desc: 'Symbol' };
      default:
        break;
    }
    const obj = v as object;
    if (depth >= WIRE_LIMITS.maxDepth) return { t: 'other', desc: '嵌套过深的对象' };
    if (Array.isArray(obj)) {
      const len = ownData(obj, 'length');
      if (typeof len !== 'number' || len > WIRE_LIMITS.maxNodes) throw new WireBudgetError(WIRE_LIMITS.maxNodes);
      const items: WirePlain[] = [];
      for (let i = 0; i < len; i++) items.push(convert(ownData(obj, String(i)), depth + 1));
      return { t: 'array', items };
    }
    if (ArrayBuffer.isView(obj)) return { t: 'other', desc: '类型化数组（请返回张量）' };
    if (typeof ownData(obj, 'then') === 'function' || typeof Reflect.get(obj, 'then') === 'function') {
      return { t: 'other', desc: 'Promise（函数不要写成 async，直接返回结果）' };
    }
    const proto = Reflect.getPrototypeOf(obj);
    if (proto !== Object.prototype && proto !== null) {
      if (looksLikeTensor(obj)) return { t: 'other', desc: '一个看起来像张量、却不是 tfjs 创建的对象' };
      return { t: 'other', desc: '一个类的实例（请返回张量或普通对象）' };
    }
    const entries: [string, WirePlain][] = [];
    for (const key of Reflect.ownKeys(obj)) {
      if (typeof key !== 'string') continue;
      entries.push([key.slice(0, 200), convert(ownData(obj, key), depth + 1)]);
    }
    return { t: 'object', entries };
  };
  return convert(value, 0);
}

function ownData(o: object, key: string): unknown {
  const d = Reflect.getOwnPropertyDescriptor(o, key);
  return d && 'value' in d ? d.value : undefined;
}

function looksLikeTensor(o: object): boolean {
  return Reflect.has(o, 'dataSync') || Reflect.has(o, 'shape');
}

