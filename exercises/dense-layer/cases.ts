import type * as tfTypes from '@tensorflow/tfjs';
import { defineCase, type CaseSuite, type Rng, type TF } from '../../src/grader/types';

/** 构造参数，与学习者的 MyDense 构造函数相同。 */
interface Config {
  units: number;
  activation?: 'relu' | 'linear';
  useBias?: boolean;
}

/** 学习者层的输入：一批样本 x [n, d]，以及要用 setWeights 装进层里的权重 [kernel, bias?]。 */
type Args = [tfTypes.Tensor2D, tfTypes.Tensor[]];

/**
 * 每个用例的构造参数是固定的（construct 不读 rng：引擎先调用 inputs 再调用 construct，
 * 固定的配置与调用顺序无关）；只有 n、d 和数值来自种子。
 */
function randomArgs(rng: Rng, cfg: Config, n: number, d: number, xRange = 2): Args {
  const x = rng.tensor([n, d], -xRange, xRange) as tfTypes.Tensor2D;
  const weights: tfTypes.Tensor[] = [rng.tensor([d, cfg.units], -1, 1)];
  if (cfg.useBias ?? true) weights.push(rng.tensor([cfg.units], -1, 1));
  return [x, weights];
}

function referenceDense(tf: TF, cfg: Config) {
  return tf.layers.dense({ units: cfg.units, activation: cfg.activation ?? 'linear', useBias: cfg.useBias ?? true });
}

/** 参考：tf.layers.dense 先 apply(x) 建好，再 setWeights(weights)，然后 apply(x)。 */
function expectedApply(cfg: Config) {
  return ([x, weights]: Args, { tf }: { tf: TF }): tfTypes.Tensor => {
    const layer = referenceDense(tf, cfg);
    layer.apply(x);
    layer.setWeights(weights);
    const y = layer.apply(x) as tfTypes.Tensor;
    layer.dispose();
    return y;
  };
}

/** 参考：tf.sequential([inputLayer, dense])，setWeights 后 model.predict(x)。 */
function expectedSequential(cfg: Config) {
  return ([x, weights]: Args, { tf }: { tf: TF }): tfTypes.Tensor => {
    const layer = referenceDense(tf, cfg);
    const model = tf.sequential();
    model.add(tf.layers.inputLayer({ inputShape: [x.shape[1]] }));
    model.add(layer);
    layer.setWeights(weights);
    const y = model.predict(x) as tfTypes.Tensor;
    model.dispose();
    return y;
  };
}

/** tf.layers.dense 的 layer.weights.map(w => w.shape)：先 kernel [d, units]，再 bias [units]。 */
function expectedWeightShapes(cfg: Config) {
  return ([x]: Args): number[][] => {
    const d = x.shape[1];
    return cfg.useBias ?? true ? [[d, cfg.units], [cfg.units]] : [[d, cfg.units]];
  };
}

const WITH_BIAS: Config = { units: 3 };
const NO_BIAS: Config = { units: 5, useBias: false };
const LINEAR: Config = { units: 4, activation: 'linear', useBias: true };
const DEFAULTS: Config = { units: 2 };
const RELU: Config = { units: 6, activation: 'relu', useBias: true };
const NO_BIAS_LINEAR: Config = { units: 3, activation: 'linear', useBias: false };
const SHAPE: Config = { units: 7, activation: 'relu' };
const COUNT: Config = { units: 5, activation: 'relu', useBias: true };
const COUNT_NO_BIAS: Config = { units: 4, useBias: false };
const SEQ: Config = { units: 4, activation: 'relu', useBias: true };
const SEQ_LINEAR: Config = { units: 3 };
const SINGLE: Config = { units: 3, activation: 'relu', useBias: true };

const suite: CaseSuite = {
  cases: [
    defineCase<Args>({
      name: '权重的个数、顺序与形状（有偏置）',
      hint: '先 kernel [输入维度, units]，再 bias [units]，都用 this.addWeight 创建。用 tf.randomUniform、tf.variable 等造出的张量不会出现在 layer.weights 里；输入维度是 inputShape 的最后一维。',
      construct: () => [WITH_BIAS],
      layerCheck: 'weights',
      tolerance: 'exact',
      inputs: ({ rng }) => randomArgs(rng, WITH_BIAS, rng.int(2, 5), rng.int(2, 6)),
      expected: expectedWeightShapes(WITH_BIAS),
    }),
    defineCase<Args>({
      name: 'useBias: false 时只有一个权重 kernel',
      hint: 'useBias 为 false 时 layer.weights 只有 kernel [输入维度, units] 一个，不要创建 bias。',
      construct: () => [NO_BIAS],
      layerCheck: 'weights',
      tolerance: 'exact',
      inputs: ({ rng }) => randomArgs(rng, NO_BIAS, rng.int(2, 5), rng.int(2, 6)),
      expected: expectedWeightShapes(NO_BIAS),
    }),
    defineCase<Args>({
      name: "activation: 'linear' 时 y = x·W + b",
      hint: "setWeights([W, b]) 之后，apply(x) 应得到 x·W + b，形状 [n, units]。'linear' 不接任何激活函数：负数要原样保留，不能被 relu 截成 0。",
      construct: () => [LINEAR],
      layerCheck: 'apply',
      tolerance: 'accumulated',
      inputs: ({ rng }) => randomArgs(rng, LINEAR, rng.int(4, 10), rng.int(3, 8)),
      expected: expectedApply(LINEAR),
    }),
    defineCase<Args>({
      name: "只给 units 时的默认值：activation 'linear'、useBias true",
      hint: "构造参数里没写 activation 和 useBias 时，默认 activation 为 'linear'（不接激活）、useBias 为 true（有 bias）：config.activation ?? 'linear'、config.useBias ?? true。",
      construct: () => [DEFAULTS],
      layerCheck: 'apply',
      tolerance: 'accumulated',
      inputs: ({ rng }) => randomArgs(rng, DEFAULTS, rng.int(4, 10), rng.int(2, 6)),
      expected: expectedApply(DEFAULTS),
    }),
    defineCase<Args>({
      name: "activation: 'relu' 把负的加权和变成 0",
      hint: "'relu' 时 y = relu(x·W + b)：先加偏置，再逐元素取 max(0, ·)。这里许多加权和是负数，它们都应变成 0，正数保持不变。",
      construct: () => [RELU],
      layerCheck: 'apply',
      tolerance: 'accumulated',
      inputs: ({ rng }) => randomArgs(rng, RELU, rng.int(6, 12), rng.int(3, 8)),
      expected: expectedApply(RELU),
    }),
    defineCase<Args>({
      name: 'useBias: false 时 y = x·W',
      hint: 'useBias 为 false 时只有 kernel 一个权重，setWeights([W]) 之后 apply(x) 应得到 x·W，不加任何偏置。',
      construct: () => [NO_BIAS_LINEAR],
      layerCheck: 'apply',
      tolerance: 'accumulated',
      inputs: ({ rng }) => randomArgs(rng, NO_BIAS_LINEAR, rng.int(4, 10), rng.int(2, 6)),
      expected: expectedApply(NO_BIAS_LINEAR),
    }),
    defineCase<Args>({
      name: 'computeOutputShape([null, d]) 返回 [null, units]',
      hint: 'computeOutputShape 收到 [null, d]（null 表示批大小任意），应返回 [null, units]：批大小照抄，最后一维换成 units。',
      construct: () => [SHAPE],
      layerCheck: 'outputShape',
      tolerance: 'exact',
      inputs: ({ rng }) => randomArgs(rng, SHAPE, 2, rng.int(2, 9)),
      expected: () => [null, SHAPE.units],
    }),
    defineCase<Args>({
      name: 'countParams() 等于 d·units + units',
      hint: 'build 之后 layer.countParams() 数的是所有用 addWeight 创建的权重：kernel 有 d × units 个，bias 有 units 个。',
      construct: () => [COUNT],
      layerCheck: 'countParams',
      tolerance: 'exact',
      inputs: ({ rng }) => randomArgs(rng, COUNT, rng.int(2, 5), rng.int(2, 10)),
      expected: ([x]) => x.shape[1] * COUNT.units + COUNT.units,
    }),
    defineCase<Args>({
      name: 'useBias: false 时 countParams() 等于 d·units',
      hint: '没有 bias 时只有 kernel 的 d × units 个参数。',
      construct: () => [COUNT_NO_BIAS],
      layerCheck: 'countParams',
      tolerance: 'exact',
      inputs: ({ rng }) => randomArgs(rng, COUNT_NO_BIAS, rng.int(2, 5), rng.int(2, 10)),
      expected: ([x]) => x.shape[1] * COUNT_NO_BIAS.units,
    }),
    defineCase<Args>({
      name: '放进 tf.sequential 后 model.predict(x) 正确',
      hint: 'tf.sequential 里 call 收到的是数组 [x] 而不是张量 x，build 收到的是 [null, d]。先取出张量：const x = Array.isArray(inputs) ? inputs[0]! : inputs；computeOutputShape 要返回 [null, units]。',
      construct: () => [SEQ],
      layerCheck: 'sequential',
      tolerance: 'accumulated',
      inputs: ({ rng }) => randomArgs(rng, SEQ, rng.int(4, 10), rng.int(2, 7)),
      expected: expectedSequential(SEQ),
    }),
    defineCase<Args>({
      name: "tf.sequential 里的 'linear' 层",
      hint: "tf.sequential 里 call 收到的是数组 [x]，先取出张量再算 x·W + b；'linear' 不接激活函数。",
      construct: () => [SEQ_LINEAR],
      layerCheck: 'sequential',
      tolerance: 'accumulated',
      inputs: ({ rng }) => randomArgs(rng, SEQ_LINEAR, rng.int(3, 8), rng.int(2, 6)),
      expected: expectedSequential(SEQ_LINEAR),
    }),
    defineCase<Args>({
      name: '只有一个样本（n = 1）时输出形状仍是 [1, units]',
      hint: '一个样本也要返回形状 [1, units]，不要用 tf.squeeze 或 reshape 去掉批维度；tf.matMul(x, W) 对 [1, d] 直接得到 [1, units]。',
      construct: () => [SINGLE],
      layerCheck: 'apply',
      tolerance: 'accumulated',
      inputs: ({ rng }) => randomArgs(rng, SINGLE, 1, rng.int(2, 8)),
      expected: expectedApply(SINGLE),
    }),
  ],
};
export default suite;
