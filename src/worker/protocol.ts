import { z } from 'zod';

/** Page → reference worker. */
export const referenceRequestSchema = z.object({
  type: z.literal('prepare'),
  /** Correlates the answer with the request. */
  requestId: z.number().int(),
  /** Exercise folder name. */
  exerciseId: z.string(),
  /** Grading seed. */
  seed: z.number().int().nonnegative(),
});
export type ReferenceRequest = z.infer<typeof referenceRequestSchema>;

/** Reference worker → page. `cases` is checked with parsePreparedCases on arrival. */
export const referenceResponseSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('prepared'), requestId: z.number().int(), cases: z.unknown() }),
  z.object({ type: z.literal('error'), requestId: z.number().int(), message: z.string() }),
]);
export type ReferenceResponse = z.infer<typeof referenceResponseSchema>;

/** The first message of every learner worker, once tfjs is ready. */
export const READY = 'ready';
