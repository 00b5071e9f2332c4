// `train.keep(name, model, { mean, std, accuracy })` in a code cell: the trained model leaves the
// realm as plain data (src/capstone/model-format.ts: the layer list and every weight as a
// Float32Array), never as code. The layers are read from the model's own description
// (getClassName / getConfig; only layers the page knows how to run are accepted) and the weights
// through the realm's captured tensor reader. The page trusts none of it: it parses the event with
// zod and checks that the weights are exactly those the layers imply before it saves anything.
import type { CellEvent } from './cell-protocol';
import { KEPT_MODEL_VERSION, type Activation, type KeptModel, type LayerSpec } from '../capstone/model-format';
import type { TensorReader } from './tensors';

/** Kept models one run may send (a checkpoint every epoch is fine; a loop of thousands is not). */
export const MAX_KEEPS_PER_RUN = 20;

/** A mistake in the cell's call of train.keep; the message is Chinese, for the cell's output. */
export class KeepError extends Error {}

type AnyLayer = { getClassName(): string; getConfig(): Record<string, unknown>; getWeights(): unknown[] };

const pair = (v: unknown, what: string): [number, number] => {
  const a = Array.isArray(v) ? v : [v, v];
  if (a.length !== 2 || !a.every((x) => Number.isInteger(x) && (x as number) > 0)) throw new KeepError(`${what} 应当是正整数或两个正整数`);
  return [a[0] as number, a[1] as number];
};

const ACTIVATION_NAMES: Readonly<Record<string, Activation>> = { linear: 'linear', relu: 'relu', sigmoid: 'sigmoid', tanh: 'tanh', softmax: 'softmax' };

function activationOf(cfg: Record<string, unknown>, cls: string): Activation {
  const a = cfg.activation ?? 'linear';
  const name = typeof a === 'string' ? ACTIVATION_NAMES[a] : undefined;
  if (!name) throw new KeepError(`${cls} 层的激活函数 ${String(a)} 不能保存（可以用 linear、relu、sigmoid、tanh、softmax）`);
  return name;
}

/** One tfjs layer as a LayerSpec, or null for a layer that computes nothing (InputLayer). */
function specOf(layer: AnyLayer): LayerSpec | null {
  const cls = String(layer.getClassName());
  const cfg = layer.getConfig();
  switch (cls) {
    case 'InputLayer':
      return null;
    case 'Dense':
      return { type: 'dense', units: Number(cfg.units), activation: activationOf(cfg, cls), useBias: cfg.useBias !== false };
    case 'Conv2D': {
      if ((cfg.dataFormat ?? 'channelsLast') !== 'channelsLast') throw new KeepError('Conv2D 层只能保存 channelsLast 的数据格式');
      const dil = pair(cfg.dilationRate ?? 1, 'dilationRate');
      if (dil[0] !== 1 || dil[1] !== 1) throw new KeepError('Conv2D 层只能保存 dilationRate 为 1 的');
      return { type: 'conv2d', filters: Number(cfg.filters), kernelSize: pair(cfg.kernelSize, 'kernelSize'), strides: pair(cfg.strides ?? 1, 'strides'), padding: cfg.padding === 'same' ? 'same' : 'valid', activation: activationOf(cfg, cls), useBias: cfg.useBias !== false };
    }
    case 'MaxPooling2D':
    case 'AveragePooling2D': {
      if ((cfg.dataFormat ?? 'channelsLast') !== 'channelsLast') throw new KeepError(`${cls} 层只能保存 channelsLast 的数据格式`);
      const poolSize = pair(cfg.poolSize ?? 2, 'poolSize');
      return { type: cls === 'MaxPooling2D' ? 'maxPooling2d' : 'averagePooling2d', poolSize, strides: cfg.strides == null ? poolSize : pair(cfg.strides, 'strides'), padding: cfg.padding === 'same' ? 'same' : 'valid' };
    }
    case 'Flatten':
      return { type: 'flatten' };
    case 'Dropout':
      return { type: 'dropout', rate: Number(cfg.rate) };
    case 'Reshape':
      return { type: 'reshape', targetShape: Array.isArray(cfg.targetShape) ? cfg.targetShape.map(Number) : [] };
    default:
      throw new KeepError(`train.keep 能保存的层是 Dense、Conv2D、MaxPooling2D、AveragePooling2D、Flatten、Dropout、Reshape，不认识 ${cls}。自己写的层（例如 MyDense）可以先把权重复制进同样形状的 tf.layers.dense：copy.setWeights(model.getWeights())`);
  }
}

/** The `keep` function of the `train` endowment. */
export function createKeep(reader: TensorReader, emit: (e: CellEvent) => void): (name: unknown, model: unknown, options?: unknown) => void {
  let sent = 0;
  return (name, model, options) => {
    if (typeof name !== 'string' || !/^[a-z][a-z0-9-]{0,39}$/.test(name)) throw new KeepError('train.keep 的第一个参数是模型的名字：小写字母开头，只含小写字母、数字和 -，例如 \'digits-model\'');
    if (sent >= MAX_KEEPS_PER_RUN) throw new KeepError(`一次运行最多保存 ${MAX_KEEPS_PER_RUN} 次模型`);
    const m = model as { layers?: unknown; inputs?: unknown } | null;
    if (typeof m !== 'object' || m === null || !Array.isArray(m.layers)) throw new KeepError('train.keep 的第二个参数是一个 tf.sequential() 或 tf.model() 建的模型');
    const inputs = m.inputs as { shape?: unknown }[] | undefined;
    const inShape = Array.isArray(inputs) && inputs.length === 1 && Array.isArray(inputs[0]?.shape) ? (inputs[0]!.shape as unknown[]).slice(1) : undefined;
    if (!inShape || !inShape.every((d) => Number.isInteger(d) && (d as number) > 0)) throw new KeepError('模型要有一个形状固定的输入（例如第一层写 inputShape: [784]）');
    const layers: LayerSpec[] = [];
    const weights: KeptModel['weights'] = [];
    for (const layer of m.layers as AnyLayer[]) {
      const spec = specOf(layer);
      if (!spec) continue;
      layers.push(spec);
      for (const t of layer.getWeights()) {
        const record = reader.recordOf(t);
        if (!record || reader.isDisposed(record)) throw new KeepError('模型的权重已经被释放了（dispose）：在 model.dispose() 之前调用 train.keep');
        const values = reader.read(record);
        weights.push({ shape: [...record.shape], values: Float32Array.from(values as ArrayLike<number>) });
      }
    }
    const o = typeof options === 'object' && options !== null ? (options as Record<string, unknown>) : {};
    const num = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);
    const kept: KeptModel = {
      format: 'dlc-model',
      version: KEPT_MODEL_VERSION,
      name,
      inputShape: inShape as number[],
      input: { mean: num(o.mean, 0), std: num(o.std, 255) },
      layers,
      weights,
      ...(typeof o.accuracy === 'number' && o.accuracy >= 0 && o.accuracy <= 1 ? { accuracy: o.accuracy } : {}),
    };
    sent++;
    emit({ type: 'keep', model: kept });
  };
}
