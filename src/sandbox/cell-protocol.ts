import { z } from 'zod';
import { cellDataSchema } from './cell-data';
import { keptModelSchema } from '../capstone/model-format';

/**
 * The 'cell' job kind of the learner realm: a chapter's runnable code cell. Same sandbox as
 * grading (a fresh worker in the sandboxed iframe, SES compartment, guarded tf), but the
 * program is a whole module that prints, logs tensors and draws plots; nothing is compared.
 * Everything a realm sends is hostile bytes until the page has parsed it with these schemas.
 */

export const CELL_LIMITS = {
  /** Points per series of a line or scatter plot. */
  maxPoints: 5_000,
  /** Series in one x–y plot. */
  maxSeries: 8,
  /** Plots per run. */
  maxPlots: 12,
  /** Cells of a heatmap / pixels × channels of an image. */
  maxCells: 65_536,
  maxText: 200,
  /** Named series of one live-training chart (train.log keys). */
  maxLiveSeries: 6,
  /** Points one live message may carry (the realm batches, at most every LIVE_FLUSH_MS). */
  maxLiveBatch: 2_000,
} as const;

/** How often a realm flushes live-training points and progress (≈ 20 messages a second at most). */
export const LIVE_FLUSH_MS = 50;

export const cellJobSchema = z.object({
  kind: z.literal('cell'),
  /** The cell's TypeScript source. */
  code: z.string().max(200_000),
  /** Slider values, by name. */
  params: z.record(z.string().max(64), z.number()),
  /** 用我的实现: the learner's own module for the cell's exercise; its exports become `mine`. */
  mine: z.string().max(200_000).optional(),
  /** <Cell data="…">: the data file the page fetched for this run (checked and decoded in the realm: ./cell-data.ts). */
  data: cellDataSchema.optional(),
});
export type CellJob = z.infer<typeof cellJobSchema>;

const num = z.union([z.number(), z.nan()]).nullable();
const label = z.string().max(CELL_LIMITS.maxText);

export const xySeriesSchema = z.object({
  type: z.enum(['line', 'scatter']),
  label,
  xs: z.array(num).max(CELL_LIMITS.maxPoints),
  ys: z.array(num).max(CELL_LIMITS.maxPoints),
});
export type XySeries = z.infer<typeof xySeriesSchema>;

export const plotSpecSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('xy'), title: label, xLabel: label, yLabel: label, series: z.array(xySeriesSchema).min(1).max(CELL_LIMITS.maxSeries) }),
  z.object({
    kind: z.literal('heatmap'),
    title: label,
    xLabel: label,
    yLabel: label,
    rows: z.number().int().positive(),
    cols: z.number().int().positive(),
    values: z.array(num).max(CELL_LIMITS.maxCells),
  }),
  z.object({
    kind: z.literal('image'),
    title: label,
    height: z.number().int().positive(),
    width: z.number().int().positive(),
    channels: z.union([z.literal(1), z.literal(3)]),
    /** Row-major, channel-last, each in [0, 1]. */
    values: z.array(num).max(CELL_LIMITS.maxCells),
  }),
]);
export type PlotSpec = z.infer<typeof plotSpecSchema>;

export const cellEventSchema = z.discriminatedUnion('type', [
  /** A console line; `tensor` marks a line that holds a pretty-printed tensor. */
  z.object({ type: z.literal('log'), level: z.enum(['log', 'info', 'warn', 'error', 'debug']), text: z.string().max(20_000), tensor: z.boolean().optional() }),
  z.object({ type: z.literal('truncated'), maxLines: z.number(), maxChars: z.number() }),
  /** Plot index within this run (a re-run updates plot n in place). */
  z.object({ type: z.literal('plot'), index: z.number().int().nonnegative(), spec: plotSpecSchema }),
  z.object({ type: z.literal('error'), kind: z.enum(['compile', 'runtime', 'plot']), message: z.string().max(20_000), line: z.number().int().optional() }),
  z.object({ type: z.literal('done'), ms: z.number() }),
  /**
   * Live training (train.log): points to append to the named series of the live chart at plot
   * `index`. `thin` first drops every other point already drawn (the realm doubled its stride,
   * so a long run stays under maxPoints per series).
   */
  z.object({
    type: z.literal('live'),
    index: z.number().int().nonnegative(),
    title: label,
    xLabel: label,
    yLabel: label,
    thin: z.boolean().optional(),
    series: z.array(z.object({ name: label, xs: z.array(num).max(CELL_LIMITS.maxLiveBatch), ys: z.array(num).max(CELL_LIMITS.maxLiveBatch) })).max(CELL_LIMITS.maxLiveSeries),
  }),
  /** train.loop / train.progress: `done` of `total` steps. */
  z.object({ type: z.literal('progress'), done: z.number().nonnegative(), total: z.number().positive() }),
  /** train.keep(name, model): a trained model as data, for the page to save (src/capstone/model-format.ts). */
  z.object({ type: z.literal('keep'), model: keptModelSchema }),
]);
export type CellEvent = z.infer<typeof cellEventSchema>;

/** Whether a realm message is a cell job (the realm dispatches on this before parsing). */
export function isCellJob(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as { kind?: unknown }).kind === 'cell';
}
