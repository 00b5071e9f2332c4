// Messages between the playground page and its sandbox worker (src/playground/realm.ts).
// Both sides validate with zod: the page treats everything from the worker as hostile bytes
// (the worker runs the learner's optimizer code), and the worker checks the page's commands.
import { z } from 'zod';
import { HIST_BINS, MAIN_GRID, THUMB_GRID } from './engine';
import { LIMITS, playgroundStateSchema } from './state';

const MAX_UNITS_TOTAL = LIMITS.maxLayers * LIMITS.maxUnits + 3;
const MAX_WEIGHTS = 7 * 8 + 5 * 64 + 8 * 3 + 64;
const finiteOrNull = z.number().nullable();
/** Any number, NaN and ±Infinity included (a diverging run); structured clone keeps them. */
const num = z.number().or(z.nan());
const numList = (max: number) => z.array(num).max(max);

/** Parameters of one model as plain numbers (see WeightsSnapshot in ./engine). */
export const weightsSchema = z
  .object({
    /** W^(l) per layer l = 1 … D, flat row-major [in × out]. */
    W: z.array(numList(MAX_WEIGHTS)).min(1).max(LIMITS.maxLayers + 1),
    /** b^(l) per layer. */
    b: z.array(numList(LIMITS.maxUnits + 3)).min(1).max(LIMITS.maxLayers + 1),
    /** Batch-norm γ per layer (empty where off). */
    gamma: z.array(numList(LIMITS.maxUnits)).max(LIMITS.maxLayers + 1),
    /** Batch-norm β per layer. */
    beta: z.array(numList(LIMITS.maxUnits)).max(LIMITS.maxLayers + 1),
    /** Batch-norm moving mean per layer. */
    movingMean: z.array(numList(LIMITS.maxUnits)).max(LIMITS.maxLayers + 1),
    /** Batch-norm moving variance per layer. */
    movingVar: z.array(numList(LIMITS.maxUnits)).max(LIMITS.maxLayers + 1),
  })
  .strict();

/** The learner's optimizer (用我的实现): which exercise and its passing code. */
export const mineSchema = z.object({
  /** `momentum-step` (momentumStep) or `adam-step` (adamStep). */
  exercise: z.enum(['momentum-step', 'adam-step']),
  /** The learner's passing code, from the progress store. */
  code: z.string().max(200_000),
});

/** A history row: epoch and each model's train/test loss. */
export const historyRowSchema = z.object({ epoch: z.number().int().min(0), train: z.array(num).max(2), test: z.array(num).max(2) });

export const pageToWorkerSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('init'),
    /** The whole setup. */
    state: playgroundStateSchema,
    /** Restore these parameters (a restart after a stuck learner step), else start from the seed. */
    restore: z.object({ epoch: z.number().int().min(0), steps: z.number().int().min(0), weights: z.array(weightsSchema).min(1).max(2), history: z.array(historyRowSchema).max(100_000) }).optional(),
    /** The learner's optimizer, when 用我的实现 is on. */
    mine: mineSchema.optional(),
  }),
  /** Settings that change without a rebuild (η, schedule, penalty, stop rules). */
  z.object({ type: z.literal('update'), state: playgroundStateSchema }),
  z.object({ type: z.literal('play') }),
  z.object({ type: z.literal('pause') }),
  /** Exactly one epoch, then pause. */
  z.object({ type: z.literal('step') }),
  /** The page is ready to draw: send one frame. */
  z.object({
    type: z.literal('frame'),
    /** Which model the maps show (0, or 1 for the compared optimizer). */
    which: z.union([z.literal(0), z.literal(1)]),
    /** A hidden neuron [layer index 0…, unit] shown in the main map instead of the output. */
    focus: z.tuple([z.number().int().min(0), z.number().int().min(0)]).nullable(),
    /** Also send histograms, dead ReLUs and gradient norms. */
    diagnostics: z.boolean(),
  }),
  /** Edit a weight (from ≥ 0) or a bias (from = −1) of layer `layer` (0-based, model 0). */
  z.object({ type: z.literal('set'), layer: z.number().int().min(0), from: z.number().int().min(-1), to: z.number().int().min(0), value: z.number().finite() }),
  /** Step-through backprop on a training example. */
  z.object({ type: z.literal('trace'), index: z.number().int() }),
]);
export type PageToWorker = z.infer<typeof pageToWorkerSchema>;

const f32 = (len?: number) => z.instanceof(Float32Array).refine((a) => len === undefined || a.length === len, 'length');

export const evalSchema = z.object({
  loss: num,
  accuracy: finiteOrNull,
  confusion: z.array(z.array(z.number().int().min(0)).max(3)).max(3).nullable(),
});

export const workerToPageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('inited'),
    /** Train and test points: x1, x2 and label per point. */
    train: z.object({ x1: f32(), x2: f32(), label: f32() }),
    test: z.object({ x1: f32(), x2: f32(), label: f32() }),
    epoch: z.number().int().min(0),
  }),
  z.object({
    type: z.literal('frame'),
    epoch: z.number().int().min(0),
    steps: z.number().int().min(0),
    playing: z.boolean(),
    /** η now, per model. */
    lr: z.array(num).min(1).max(2),
    /** Per model: train and test evaluation at the last epoch's end. */
    train: z.array(evalSchema).min(1).max(2),
    test: z.array(evalSchema).min(1).max(2),
    /** History rows since the last frame. */
    history: z.array(historyRowSchema).max(10_000),
    main: f32(MAIN_GRID * MAIN_GRID),
    mainClass: z.instanceof(Uint8Array).refine((a) => a.length === MAIN_GRID * MAIN_GRID).nullable(),
    thumbs: f32().refine((a) => a.length <= MAX_UNITS_TOTAL * THUMB_GRID * THUMB_GRID && a.length % (THUMB_GRID * THUMB_GRID) === 0),
    /** Model 0's parameters now (drawn as links, editable). */
    weights: weightsSchema,
    diagnostics: z
      .object({
        hist: z.array(z.object({ lo: num, hi: num, counts: z.array(z.number().int().min(0)).length(HIST_BINS) })).max(LIMITS.maxLayers),
        dead: z.array(z.number().int().min(0).nullable()).max(LIMITS.maxLayers),
        gradNorms: z.array(num).max(LIMITS.maxLayers + 1),
      })
      .nullable(),
  }),
  /** Parameters at an epoch boundary (or after an edit), per model: what a restart restores. */
  z.object({ type: z.literal('checkpoint'), epoch: z.number().int().min(0), steps: z.number().int().min(0), weights: z.array(weightsSchema).min(1).max(2) }),
  z.object({ type: z.literal('paused'), epoch: z.number().int().min(0), reason: z.enum(['user', 'step', 'budget', 'target', 'diverged', 'error']) }),
  /** A console line of the learner's optimizer code. */
  z.object({ type: z.literal('log'), level: z.enum(['log', 'info', 'warn', 'error', 'debug']), text: z.string().max(4000) }),
  z.object({ type: z.literal('truncated') }),
  /** Something went wrong; `code` picks the Chinese message, `detail` is shown as text. */
  z.object({ type: z.literal('error'), code: z.enum(['bad-command', 'mine-compile', 'mine-load', 'mine-missing', 'mine-throw', 'mine-return', 'internal']), detail: z.string().max(2000).optional() }),
  z.object({
    type: z.literal('trace'),
    index: z.number().int().min(0),
    x: numList(7),
    y: numList(3),
    Z: z.array(numList(LIMITS.maxUnits + 3)).max(LIMITS.maxLayers + 1),
    H: z.array(numList(LIMITS.maxUnits + 3)).max(LIMITS.maxLayers + 1),
    delta: z.array(numList(LIMITS.maxUnits + 3)).max(LIMITS.maxLayers + 1),
    dW: z.array(numList(MAX_WEIGHTS)).max(LIMITS.maxLayers + 1),
    db: z.array(numList(LIMITS.maxUnits + 3)).max(LIMITS.maxLayers + 1),
    loss: num,
  }),
]);
export type WorkerToPage = z.infer<typeof workerToPageSchema>;
export type FrameMessage = Extract<WorkerToPage, { type: 'frame' }>;
export type TraceMessage = Extract<WorkerToPage, { type: 'trace' }>;
