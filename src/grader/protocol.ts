import { z } from 'zod';
import { LAYER_CHECKS } from './types';
import type { LearnerEvent, LearnerJob, Plain, PreparedCase } from './types';

/**
 * Schemas for everything that crosses a realm boundary. Messages from the learner realm are
 * untrusted (learner code can call postMessage itself), so hosts parse them with these
 * before the orchestrator sees them.
 */

/** Any number, NaN and ±Infinity included (zod's z.number() rejects NaN). */
const anyNumber = z.union([z.number(), z.nan()]);

export const plainSchema: z.ZodType<Plain> = z.lazy(() =>
  z.discriminatedUnion('t', [
    z.object({
      t: z.literal('tensor'),
      /** tfjs dtype of the tensor. */
      dtype: z.enum(['float32', 'int32', 'bool', 'complex64', 'string']),
      /** Dimensions, outermost first; [] for a scalar. */
      shape: z.array(z.number().int().nonnegative()),
      /** Row-major values. */
      values: z.array(anyNumber),
    }),
    z.object({ t: z.literal('number'), v: anyNumber }),
    z.object({ t: z.literal('string'), v: z.string() }),
    z.object({ t: z.literal('boolean'), v: z.boolean() }),
    z.object({ t: z.literal('null') }),
    z.object({ t: z.literal('undefined') }),
    z.object({ t: z.literal('array'), items: z.array(plainSchema) }),
    z.object({ t: z.literal('object'), entries: z.array(z.tuple([z.string(), plainSchema])) }),
    z.object({ t: z.literal('other'), desc: z.string() }),
  ]),
) as z.ZodType<Plain>;

export const gradeErrorSchema = z.object({
  /** Which stage failed. */
  kind: z.enum(['compile', 'runtime', 'timeout', 'banned', 'type']),
  /** Chinese explanation with what to do next. */
  message: z.string(),
  /** 1-based line in the learner's source. */
  line: z.number().int().optional(),
  /** 1-based column in the learner's source. */
  column: z.number().int().optional(),
});

export const learnerEventSchema = z.union([
  z.object({ type: z.literal('log'), level: z.enum(['log', 'info', 'warn', 'error', 'debug']), text: z.string().max(100_000) }),
  z.object({ type: z.literal('case'), index: z.number().int().nonnegative(), ok: z.literal(true), value: plainSchema, leaked: z.number(), ms: z.number() }),
  z.object({ type: z.literal('case'), index: z.number().int().nonnegative(), ok: z.literal(false), error: gradeErrorSchema, ms: z.number() }),
  z.object({ type: z.literal('fatal'), error: gradeErrorSchema }),
  z.object({ type: z.literal('done') }),
]);

export const learnerJobSchema = z.object({
  /** The learner's TypeScript source. */
  code: z.string(),
  /** Exported name to call. */
  entry: z.string(),
  kind: z.enum(['function', 'layer']),
  /** Banned tf API names. */
  banned: z.array(z.string()),
  /** Arguments per case, as plain data. */
  cases: z.array(z.object({ args: z.array(plainSchema), construct: z.array(plainSchema).optional() })),
});

export const preparedCaseSchema = z.object({
  name: z.string(),
  hint: z.string(),
  args: z.array(plainSchema),
  construct: z.array(plainSchema).optional(),
  layerCheck: z.enum(LAYER_CHECKS).optional(),
  customCheck: z.boolean().optional(),
  expected: plainSchema,
  tolerance: z.object({ rtol: z.number(), atol: z.number() }),
  inputSummary: z.string(),
});

/** Parses an event from the learner realm; a malformed one becomes a runtime error event. */
export function parseLearnerEvent(data: unknown): LearnerEvent {
  const r = learnerEventSchema.safeParse(data);
  if (r.success) return r.data as LearnerEvent;
  return { type: 'fatal', error: { kind: 'runtime', message: '运行环境收到了格式不对的消息（代码不要自己调用 postMessage）。' } };
}

export function parseLearnerJob(data: unknown): LearnerJob {
  return learnerJobSchema.parse(data) as LearnerJob;
}

export function parsePreparedCases(data: unknown): PreparedCase[] {
  return z.array(preparedCaseSchema).parse(data) as PreparedCase[];
}

export function parsePlain(data: unknown): Plain {
  return plainSchema.parse(data) as Plain;
}
