import { z } from 'zod';
import { LAYER_CHECKS, type Dtype, type LayerCheck, type Plain } from '../grader/types';
import type { TensorReader } from './tensors';

/**
 * What crosses from a learner realm to its host. Everything here is hostile bytes until the
 * host has parsed it with these schemas and checked the tensors' sizes (decodeWirePlain):
 * learner code can't post on the channel, but the host never relies on that alone.
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

/** An error inside the realm, as data: the host turns codes into Chinese. */
export const wireErrorSchema = z.union([
  z.object({ kind: z.enum(['compile', 'runtime']), message: z.string().max(20_000), line: z.number().int().optional(), column: z.number().int().optional() }),
  /** A banned API, recognised by the guard's identity check; `api` is the guard's own text. */
  z.object({ kind: z.literal('banned'), api: z.string().max(200) }),
  z.object({ kind: z.literal('type'), code: z.literal('missing-export'), entry: z.string(), exportKind: z.enum(['function', 'layer']), found: z.array(z.string().max(200)).max(100) }),
  z.object({ kind: z.literal('runtime'), code: z.literal('output-too-large'), limit: z.number() }),
  /** A layer that has no weights after it was built: it never called this.addWeight. */
  z.object({ kind: z.literal('runtime'), code: z.literal('layer-no-weights') }),
  /** The weights the grader sets (`expected` shapes) differ from those the layer added (`found`). */
  z.object({ kind: z.literal('runtime'), code: z.literal('layer-weights-mismatch'), expected: z.array(z.array(z.number().int()).max(8)).max(64), found: z.array(z.array(z.number().int()).max(8)).max(64) }),
]);
export type WireError = z.infer<typeof wireErrorSchema>;

const anyNumber = z.union([z.number(), z.nan()]);
const typedValues = z.union([z.instanceof(Float32Array), z.instanceof(Int32Array), z.instanceof(Uint8Array)]);
export const wirePlainSchema: z.ZodType<WirePlain> = z.lazy(() =>
  z.discriminatedUnion('t', [
    z.object({ t: z.literal('tensor'), dtype: z.enum(['float32', 'int32', 'bool']), shape: z.array(z.number().int().nonnegative()).max(WIRE_LIMITS.maxRank), values: typedValues }),
    z.object({ t: z.literal('number'), v: anyNumber }),
    z.object({ t: z.literal('string'), v: z.string().max(10_000) }),
    z.object({ t: z.literal('boolean'), v: z.boolean() }),
    z.object({ t: z.literal('null') }),
    z.object({ t: z.literal('undefined') }),
    z.object({ t: z.literal('array'), items: z.array(wirePlainSchema).max(WIRE_LIMITS.maxNodes) }),
    z.object({ t: z.literal('object'), entries: z.array(z.tuple([z.string().max(200), wirePlainSchema])).max(WIRE_LIMITS.maxNodes) }),
    z.object({ t: z.literal('other'), desc: z.string().max(500) }),
  ]),
) as z.ZodType<WirePlain>;

export const wireEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('log'), level: z.enum(['log', 'info', 'warn', 'error', 'debug']), text: z.string().max(20_000), code: z.literal('log-truncated').optional(), maxLines: z.number().optional(), maxChars: z.number().optional() }),
  z.object({ type: z.literal('case'), index: z.number().int().nonnegative(), ok: z.boolean(), value: wirePlainSchema.optional(), error: wireErrorSchema.optional(), leaked: z.number().optional(), ms: z.number() }),
  /** `syntax`: a parse error, whose position the host may refine (src/grader/syntax.ts). */
  z.object({ type: z.literal('fatal'), error: wireErrorSchema, syntax: z.boolean().optional() }),
  z.object({ type: z.literal('done') }),
]);
export type WireEvent =
  | { type: 'log'; level: 'log' | 'info' | 'warn' | 'error' | 'debug'; text: string; code?: 'log-truncated'; maxLines?: number; maxChars?: number }
  | { type: 'case'; index: number; ok: true; value: WirePlain; leaked: number; ms: number }
  | { type: 'case'; index: number; ok: false; error: WireError; ms: number }
  | { type: 'fatal'; error: WireError; syntax?: boolean }
  | { type: 'done' };

/** The one job a learner realm runs (validated in the realm before anything else). */
export const wireJobSchema = z.object({
  /** The learner's TypeScript source. */
  code: z.string().max(1_000_000),
  /** Exported name to call. */
  entry: z.string(),
  /** A plain function, or a class extending tf.layers.Layer. */
  kind: z.enum(['function', 'layer']),
  /** Banned tf API names (bare, or dotted paths). */
  banned: z.array(z.string()),
  /** Granted namespaces beyond the allowlist. */
  grants: z.array(z.string()),
  /** Arguments per case, as plain data. */
  cases: z.array(z.object({ args: z.array(z.any()), moreCalls: z.array(z.array(z.any())).optional(), construct: z.array(z.any()).optional(), layerCheck: z.enum(LAYER_CHECKS).optional() })),
});
export type WireJob = { code: string; entry: string; kind: 'function' | 'layer'; banned: string[]; grants: string[]; cases: { args: Plain[]; moreCalls?: Plain[][]; construct?: Plain[]; layerCheck?: LayerCheck }[] };

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

/** On the host: checks every tensor of a parsed result, and turns it into engine Plain data. */
export function decodeWirePlain(w: WirePlain): { ok: true; value: Plain } | { ok: false; reason: string } {
  let elements = 0;
  const walk = (p: WirePlain): Plain => {
    switch (p.t) {
      case 'tensor': {
        if (p.shape.length > WIRE_LIMITS.maxRank) throw new Error(`张量的秩 ${p.shape.length} 超过上限 ${WIRE_LIMITS.maxRank}`);
        let size = 1;
        for (const d of p.shape) size *= d;
        if (size !== p.values.length) throw new Error(`张量的形状 [${p.shape.join(',')}] 与值的个数 ${p.values.length} 不一致`);
        const expectedArray = p.dtype === 'int32' ? Int32Array : p.dtype === 'bool' ? Uint8Array : Float32Array;
        if (!(p.values instanceof expectedArray)) throw new Error(`张量的 dtype ${p.dtype} 与数据类型不一致`);
        elements += size;
        if (elements > WIRE_LIMITS.maxElements) throw new Error(`结果中的元素总数超过上限 ${WIRE_LIMITS.maxElements}`);
        return { t: 'tensor', dtype: p.dtype, shape: [...p.shape], values: Array.from(p.values) };
      }
      case 'array':
        return { t: 'array', items: p.items.map(walk) };
      case 'object':
        return { t: 'object', entries: p.entries.map(([k, v]) => [k, walk(v)] as [string, Plain]) };
      default:
        return p;
    }
  };
  try {
    return { ok: true, value: walk(w) };
  } catch (e) {
    return { ok: false, reason: (e as Error).message };
  }
}

/**
 * Text from a learner realm, made safe for a terminal and a page: no C0 controls (but tab and
 * newline), no DEL, no C1 controls (8-bit CSI and OSC), no bidirectional overrides or isolates.
 */
export function sanitizeText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');
}
