import { z } from 'zod';
import type { Plain } from '../grader/types';
import { WIRE_LIMITS, type WirePlain } from './wire-realm';

export * from './wire-realm';

/**
 * What crosses from a learner realm to its host. Everything here is hostile bytes until the
 * host has parsed it with these schemas and checked the tensors' sizes (decodeWirePlain):
 * learner code can't post on the channel, but the host never relies on that alone.
 */

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
