import { z } from 'zod';

/**
 * A trained model as plain data: what `train.keep(name, model)` in a code cell hands to the page
 * (src/sandbox/cell-job.ts builds it in the realm, from the model's layers and the weights read
 * through the realm's captured tensor reader), what the page saves in IndexedDB
 * (./model-store.ts) and what the drawing pad runs (./forward.ts, trusted code over these
 * numbers: no learner code ever runs on the page). Nothing here is trusted until
 * `checkKeptModel` has passed: the schema caps every size, and the weights must be exactly the
 * ones the layer list implies.
 */

/** Format version of a kept model. A record of another version is reported, never guessed at. */
export const KEPT_MODEL_VERSION = 1;

export const KEPT_LIMITS = {
  /** Layers in one model. */
  maxLayers: 16,
  /** Parameters (float32 numbers) in one model: 4 MiB. */
  maxParams: 1_048_576,
  /** Any one dimension of a shape or a layer setting. */
  maxDim: 4096,
  /** Elements of the output of any layer (one sample). */
  maxActivations: 1_048_576,
} as const;

export const ACTIVATIONS = ['linear', 'relu', 'sigmoid', 'tanh', 'softmax'] as const;
export type Activation = (typeof ACTIVATIONS)[number];

const dim = z.number().int().min(1).max(KEPT_LIMITS.maxDim);
const pair = z.tuple([dim, dim]);
const activation = z.enum(ACTIVATIONS);

/** One layer, by what it computes (tfjs's names and defaults; channels-last images). */
export const layerSpecSchema = z.discriminatedUnion('type', [
  /** tf.layers.dense: H = φ(XW + b), W [inDim, units]. */
  z.object({ type: z.literal('dense'), units: dim, activation, useBias: z.boolean() }).strict(),
  /** tf.layers.conv2d: kernel [kh, kw, cIn, filters], dilation 1. */
  z.object({ type: z.literal('conv2d'), filters: dim, kernelSize: pair, strides: pair, padding: z.enum(['valid', 'same']), activation, useBias: z.boolean() }).strict(),
  /** tf.layers.maxPooling2d / averagePooling2d. */
  z.object({ type: z.enum(['maxPooling2d', 'averagePooling2d']), poolSize: pair, strides: pair, padding: z.enum(['valid', 'same']) }).strict(),
  /** tf.layers.flatten: [h, w, c] → [h·w·c], row-major (channels last). */
  z.object({ type: z.literal('flatten') }).strict(),
  /** tf.layers.reshape (the target shape of one sample). */
  z.object({ type: z.literal('reshape'), targetShape: z.array(dim).min(1).max(4) }).strict(),
  /** tf.layers.dropout: the identity at inference. */
  z.object({ type: z.literal('dropout'), rate: z.number().min(0).max(1) }).strict(),
]);
export type LayerSpec = z.infer<typeof layerSpecSchema>;

const float32Values = z.instanceof(Float32Array);

/** A kept model, as it crosses from the realm to the page and as it is saved. */
export const keptModelSchema = z
  .object({
    /** "dlc-model": this format, and no other. */
    format: z.literal('dlc-model'),
    /** KEPT_MODEL_VERSION when written. */
    version: z.literal(KEPT_MODEL_VERSION),
    /** The name the cell gave (`train.keep('digits-model', …)`): the storage key. */
    name: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/),
    /** Shape of one input sample, without the batch axis: [784] or [28, 28, 1]. */
    inputShape: z.array(dim).min(1).max(3),
    /**
     * How a pixel p (0–255) becomes a model input: (p − mean) / std. Training on p / 255 is
     * mean 0, std 255.
     */
    input: z.object({ mean: z.number().finite(), std: z.number().finite().positive() }).strict(),
    layers: z.array(layerSpecSchema).min(1).max(KEPT_LIMITS.maxLayers),
    /** Every weight, in the order of the layers (kernel, then bias), row-major. */
    weights: z.array(z.object({ shape: z.array(dim).min(1).max(4), values: float32Values }).strict()).max(2 * KEPT_LIMITS.maxLayers),
    /** The validation accuracy the cell reported, 0–1, if it did. */
    accuracy: z.number().min(0).max(1).optional(),
  })
  .strict();
export type KeptModel = z.infer<typeof keptModelSchema>;

/** A kept model that doesn't hold together; the message is Chinese, for the page. */
export class KeptModelError extends Error {}

/** What each layer needs and gives: weight shapes and the output shape of one sample. */
export interface LayerPlan {
  spec: LayerSpec;
  input: number[];
  output: number[];
  weights: number[][];
}

const prod = (s: readonly number[]) => s.reduce((a, b) => a * b, 1);
const outSize = (n: number, k: number, s: number, padding: 'valid' | 'same') => (padding === 'same' ? Math.ceil(n / s) : Math.floor((n - k) / s) + 1);

/** Walks the layers from `inputShape`: each layer's weight shapes and output shape. Throws KeptModelError. */
export function planLayers(inputShape: readonly number[], layers: readonly LayerSpec[]): LayerPlan[] {
  const fail = (i: number, why: string): never => {
    throw new KeptModelError(`第 ${i + 1} 层（${layers[i]?.type}）：${why}`);
  };
  let shape = [...inputShape];
  return layers.map((spec, i) => {
    const input = shape;
    let weights: number[][] = [];
    switch (spec.type) {
      case 'dense': {
        if (shape.length !== 1) fail(i, `全连接层的输入应当是一维的，收到 [${shape.join(', ')}]（先放一个 flatten 层）`);
        weights = [[shape[0]!, spec.units], ...(spec.useBias ? [[spec.units]] : [])];
        shape = [spec.units];
        break;
      }
      case 'conv2d':
      case 'maxPooling2d':
      case 'averagePooling2d': {
        if (shape.length !== 3) fail(i, `输入应当是 [高, 宽, 通道]，收到 [${shape.join(', ')}]`);
        const [h, w, c] = shape as [number, number, number];
        const [kh, kw] = spec.type === 'conv2d' ? spec.kernelSize : spec.poolSize;
        const [sh, sw] = spec.strides;
        if (spec.padding === 'valid' && (kh > h || kw > w)) fail(i, `窗口 ${kh}×${kw} 比输入 ${h}×${w} 大`);
        const oh = outSize(h, kh, sh, spec.padding);
        const ow = outSize(w, kw, sw, spec.padding);
        if (spec.type === 'conv2d') {
          if (spec.activation === 'softmax') fail(i, '卷积层不能用 softmax 激活');
          weights = [[kh, kw, c, spec.filters], ...(spec.useBias ? [[spec.filters]] : [])];
          shape = [oh, ow, spec.filters];
        } else shape = [oh, ow, c];
        break;
      }
      case 'flatten':
        shape = [prod(shape)];
        break;
      case 'reshape':
        if (prod(spec.targetShape) !== prod(shape)) fail(i, `不能把 [${shape.join(', ')}] 变形为 [${spec.targetShape.join(', ')}]`);
        shape = [...spec.targetShape];
        break;
      case 'dropout':
        break;
    }
    if (prod(shape) > KEPT_LIMITS.maxActivations) fail(i, '输出太大');
    return { spec, input, output: shape, weights };
  });
}

/**
 * Checks that a parsed kept model holds together: the weights are exactly those its layers
 * imply (count, shapes, value counts), every value is finite, the total is within the cap.
 * Returns the layer plan. Throws KeptModelError with a Chinese message.
 */
export function checkKeptModel(m: KeptModel): LayerPlan[] {
  const plan = planLayers(m.inputShape, m.layers);
  const expected = plan.flatMap((p) => p.weights);
  if (expected.length !== m.weights.length) throw new KeptModelError(`层的结构需要 ${expected.length} 个权重张量，实际有 ${m.weights.length} 个`);
  let total = 0;
  expected.forEach((shape, k) => {
    const w = m.weights[k]!;
    if (w.shape.join(',') !== shape.join(',')) throw new KeptModelError(`第 ${k + 1} 个权重的形状应当是 [${shape.join(', ')}]，实际是 [${w.shape.join(', ')}]`);
    if (w.values.length !== prod(shape)) throw new KeptModelError(`第 ${k + 1} 个权重的数值个数与形状不符`);
    total += w.values.length;
    if (total > KEPT_LIMITS.maxParams) throw new KeptModelError(`参数超过 ${KEPT_LIMITS.maxParams} 个的上限`);
    for (const v of w.values) if (!Number.isFinite(v)) throw new KeptModelError(`第 ${k + 1} 个权重里有 NaN 或无穷大`);
  });
  const out = plan[plan.length - 1]!.output;
  if (out.length !== 1) throw new KeptModelError(`模型的输出应当是一维的（每个类别一个数），实际是 [${out.join(', ')}]`);
  return plan;
}

/** Parameters of a model: the sum of its weights' sizes. */
export function countKeptParams(m: Pick<KeptModel, 'weights'>): number {
  return m.weights.reduce((s, w) => s + w.values.length, 0);
}
