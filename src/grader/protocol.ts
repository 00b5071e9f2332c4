import { z } from 'zod';
import { LAYER_CHECKS } from './types';
import type { Plain, PreparedCase } from './types';

/**
 * Schemas for what crosses from the reference realm (prepared cases, plain values). What a
 * learner realm sends is hostile and is parsed by src/sandbox/wire.ts instead.
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

export const preparedCaseSchema = z.object({
  name: z.string(),
  hint: z.string(),
  args: z.array(plainSchema),
  moreCalls: z.array(z.array(plainSchema)).optional(),
  construct: z.array(plainSchema).optional(),
  layerCheck: z.enum(LAYER_CHECKS).optional(),
  customCheck: z.boolean().optional(),
  expected: plainSchema,
  tolerance: z.object({ rtol: z.number(), atol: z.number() }),
  inputSummary: z.string(),
});

export function parsePreparedCases(data: unknown): PreparedCase[] {
  return z.array(preparedCaseSchema).parse(data) as PreparedCase[];
}

export function parsePlain(data: unknown): Plain {
  return plainSchema.parse(data) as Plain;
}
