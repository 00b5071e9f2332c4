import { z } from 'zod';

/** Page → reference worker. */
export const referenceRequestSchema = z.object({
  /** Prepare a seed's cases, or run one case's custom check on a learner result. */
  type: z.enum(['prepare', 'check']),
  /** Correlates the answer with the request. */
  requestId: z.number().int(),
  /** Exercise folder name. */
  exerciseId: z.string(),
  /** Grading seed. */
  seed: z.number().int().nonnegative(),
  /** For 'check': the case index. */
  index: z.number().int().nonnegative().optional(),
  /** For 'check': the learner's result, already validated plain data. */
  actual: z.unknown().optional(),
});
export type ReferenceRequest = z.infer<typeof referenceRequestSchema>;

/** Reference worker → page. `cases` is checked with parsePreparedCases on arrival. */
export const referenceResponseSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('prepared'), requestId: z.number().int(), cases: z.unknown() }),
  z.object({ type: z.literal('checked'), requestId: z.number().int(), message: z.string().nullable() }),
  z.object({ type: z.literal('error'), requestId: z.number().int(), message: z.string() }),
]);
export type ReferenceResponse = z.infer<typeof referenceResponseSchema>;
