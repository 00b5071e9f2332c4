import type * as tfTypes from '@tensorflow/tfjs';
import { defineCase, type CaseSuite, type Rng, type TF } from '../../src/grader/types';

/** 构造参数，与学习者的 MultiHeadSelfAttention 构造函数相同。 */
interface Config {
  numHeads: number;
  keyDim: number;
  causal?: boolean;
}

/** 学习者层的输入：x [n, T, dModel]，以及要用 setWeights 装进层里的权重 [wq, wk, wv, wo]。 */
type Args = [tfTypes.Tensor3D, tfTypes.Tensor[]];

/**
 * 每个用例的构造参数是固定的（construct 不读 rng）；n、T、dModel 和数值来自种子。
 * x 在 [−1, 1)，权重在 [−0.6, 0.6)：得分不大不小，softmax 既不均匀也不饱和，错误的写法差得明显。
 */
function randomArgs(rng: Rng, cfg: Config, n: number, l: number, dModel: number): Args {
  const hk = cfg.numHeads * cfg.keyDim;
  const x = rng.tensor([n, l, dModel], -1, 1) as tfTypes.Tensor3D;
  const weights = [rng.tensor([dModel, hk], -0.6, 0.6), rng.tensor([dModel, hk], -0.6, 0.6), rng.tensor([dModel, hk], -0.6, 0.6), rng.tensor([hk, dModel], -0.6, 0.6)];
  return [x, weights];
}

/**
 * 参考：用 tfjs 运算写的多头自注意力。
 * 投影 x·W 得到 [n, T, h·k]，reshape 成 [n, T, h, k] 再转置成 [n, h, T, k]：第 h 个头用第 h 个列块；
 * 每个头 softmax(Q Kᵀ / √k + 掩码) V；转置回 [n, T, h, k]，reshape 成 [n, T, h·k]（按头的顺序拼接），乘以 wo。
 * 因果掩码：位置 i 只能看到 j ≤ i，其余在 softmax 之前加上 −1e9。
 */
function reference(tf: TF, cfg: Config) {
  return ([x, [wq, wk, wv, wo]]: Args): tfTypes.Tensor =>
    tf.tidy(() => {
      const [n, l, dModel] = x.shape;
      const { numHeads: h, keyDim: k } = cfg;
      const flat = tf.reshape(x, [n * l, dModel]);
      const heads = (w: tfTypes.Tensor) => tf.transpose(tf.reshape(tf.matMul(flat, w as tfTypes.Tensor2D), [n, l, h, k]), [0, 2, 1, 3]);
      const q = heads(wq!);
      const kk = heads(wk!);
      const v = heads(wv!);
      let scores = tf.div(tf.matMul(q, kk, false, true), Math.sqrt(k)); // [n, h, T, T]
      if (cfg.causal) {
        const i = tf.reshape(tf.range(0, l), [l, 1]);
        const j = tf.reshape(tf.range(0, l), [1, l]);
        const allowed = tf.cast(tf.lessEqual(j, i), 'float32'); // [T, T]：j ≤ i 为 1
        scores = tf.add(scores, tf.mul(tf.sub(1, allowed), -1e9));
      }
      const out = tf.matMul(tf.softmax(scores, -1), v); // [n, h, T, k]
      const merged = tf.reshape(tf.transpose(out, [0, 2, 1, 3]), [n * l, h * k]);
      return tf.reshape(tf.matMul(merged, wo as tfTypes.Tensor2D), [n, l, dModel]);
    });
}

/** 参考：setWeights 之后 apply(x)。 */
function expectedApply(cfg: Config) {
  return (args: Args, { tf }: { tf: TF }) => reference(tf, cfg)(args);
}

/** layer.weights 的形状，按创建顺序：wq、wk、wv 都是 [dModel, h·k]，wo 是 [h·k, dModel]。 */
function expectedWeightShapes(cfg: Config) {
  return ([x]: Args): number[][] => {
    const d = x.shape[2];
    const hk = cfg.numHeads * cfg.keyDim;
    return [[d, hk], [d, hk], [d, hk], [hk, d]];
  };
}

const TWO_HEADS: Config = { numHeads: 2, keyDim: 4 };
const ONE_HEAD: Config = { numHeads: 1, keyDim: 3 };
const COUNT: Config = { numHeads: 3, keyDim: 2 };
const SHAPE: Config = { numHeads: 2, keyDim: 3, causal: true };
const APPLY_ONE: Config = { numHeads: 1, keyDim: 4 };
const APPLY_MANY: Config = { numHeads: 3, keyDim: 2 };
const CAUSAL_MANY: Config = { numHeads: 2, keyDim: 3, causal: true };
const CAUSAL_ONE: Config = { numHeads: 1, keyDim: 5, causal: true };
const SINGLE_POS: Config = { numHeads: 2, keyDim: 2, causal: true };
const SINGLE_POS_OPEN: Config = { numHeads: 4, keyDim: 2 };
const SEQ: Config = { numHeads: 2, keyDim: 3, causal: true };

const suite: CaseSuite = {
  cases: [
    defineCase<Args>({
      name: '权重的个数、顺序与形状（2 个头）',
      hint: '按顺序用 this.addWeight 创建四个权重，不要偏置：wq、wk、wv 都是 [dModel, numHeads·keyDim]，最后 wo 是 [numHeads·keyDim, dModel]。dModel 是 inputShape 的最后一维。',
      construct: () => [TWO_HEADS],
      layerCheck: 'weights',
      tolerance: 'exact',
      inputs: ({ rng }) => randomArgs(rng, TWO_HEADS, rng.int(1, 3), rng.int(2, 5), rng.int(3, 7)),
      expected: expectedWeightShapes(TWO_HEADS),
    }),
    defineCase<Args>({
      name: '1 个头、keyDim ≠ dModel 时的权重形状',
      hint: 'keyDim 不一定等于 dModel：wq 是 [dModel, 1·keyDim]，wo 是 [keyDim, dModel]，把结果变回 dModel 宽。',
      construct: () => [ONE_HEAD],
      layerCheck: 'weights',
      tolerance: 'exact',
      inputs: ({ rng }) => randomArgs(rng, ONE_HEAD, rng.int(1, 3), rng.int(2, 5), rng.int(5, 8)),
      expected: expectedWeightShapes(ONE_HEAD),
    }),
    defineCase<Args>({
      name: 'countParams() 等于 4·dModel·numHeads·keyDim',
      hint: '四个矩阵各有 dModel × numHeads·keyDim 个元素，没有偏置。多出来的参数通常是加了偏置。',
      construct: () => [COUNT],
      layerCheck: 'countParams',
      tolerance: 'exact',
      inputs: ({ rng }) => randomArgs(rng, COUNT, rng.int(1, 3), rng.int(2, 5), rng.int(3, 9)),
      expected: ([x]) => 4 * x.shape[2] * COUNT.numHeads * COUNT.keyDim,
    }),
    defineCase<Args>({
      name: 'computeOutputShape([null, T, dModel]) 返回 [null, T, dModel]',
      hint: '输出形状与输入相同：批大小（可能是 null）、序列长度 T 和宽度 dModel 都不变。',
      construct: () => [SHAPE],
      layerCheck: 'outputShape',
      tolerance: 'exact',
      inputs: ({ rng }) => randomArgs(rng, SHAPE, 1, rng.int(2, 6), rng.int(3, 8)),
      expected: ([x]) => [null, x.shape[1], x.shape[2]],
    }),
    defineCase<Args>({
      name: '1 个头、无掩码：softmax(QKᵀ/√keyDim)·V·wo',
      hint: 'Q = x·wq，K = x·wk，V = x·wv；得分 Q·Kᵀ 要除以 √keyDim（不是 √dModel），沿最后一维（键的维度）做 softmax，再乘 V，最后乘 wo。测试用 setWeights([wq, wk, wv, wo]) 按你创建权重的顺序装值，所以创建顺序必须是 wq、wk、wv、wo。',
      construct: () => [APPLY_ONE],
      layerCheck: 'apply',
      inputs: ({ rng }) => randomArgs(rng, APPLY_ONE, rng.int(2, 3), rng.int(3, 6), rng.int(3, 7)),
      expected: expectedApply(APPLY_ONE),
    }),
    defineCase<Args>({
      name: '3 个头、无掩码：按列块分头、按顺序拼接',
      hint: '第 h 个头用 wq、wk、wv 的第 h 个列块（第 h·keyDim 到 (h+1)·keyDim − 1 列）：先 reshape 成 [n, T, numHeads, keyDim]，再转置成 [n, numHeads, T, keyDim]。算完后转置回 [n, T, numHeads, keyDim]，reshape 成 [n, T, numHeads·keyDim]，头 0 在最前。',
      construct: () => [APPLY_MANY],
      layerCheck: 'apply',
      inputs: ({ rng }) => randomArgs(rng, APPLY_MANY, rng.int(2, 3), rng.int(3, 6), rng.int(4, 7)),
      expected: expectedApply(APPLY_MANY),
    }),
    defineCase<Args>({
      name: '2 个头、因果掩码',
      hint: 'causal 时位置 i 只能看到 j ≤ i（包括它自己）：在 softmax 之前给 j > i 的得分加上 −1e9（或 −∞）。第 0 个位置只能看到自己，它的输出是 v₀·wo。掩码要在 softmax 之前加，而不是之后乘。',
      construct: () => [CAUSAL_MANY],
      layerCheck: 'apply',
      inputs: ({ rng }) => randomArgs(rng, CAUSAL_MANY, rng.int(2, 3), rng.int(4, 6), rng.int(3, 6)),
      expected: expectedApply(CAUSAL_MANY),
    }),
    defineCase<Args>({
      name: '1 个头、因果掩码',
      hint: '因果掩码是下三角（含对角线）：j ≤ i 可以关注，j > i 屏蔽。只屏蔽 j ≥ i 或 j < i 都差一格。',
      construct: () => [CAUSAL_ONE],
      layerCheck: 'apply',
      inputs: ({ rng }) => randomArgs(rng, CAUSAL_ONE, rng.int(1, 3), rng.int(3, 6), rng.int(3, 6)),
      expected: expectedApply(CAUSAL_ONE),
    }),
    defineCase<Args>({
      name: '序列长度 T = 1（因果掩码开启）',
      hint: 'T = 1 时唯一的位置只看自己，权重是 1，输出是 (x·wv)·wo；形状仍是 [n, 1, dModel]，不要把长度为 1 的维度挤掉。',
      construct: () => [SINGLE_POS],
      layerCheck: 'apply',
      inputs: ({ rng }) => randomArgs(rng, SINGLE_POS, rng.int(2, 4), 1, rng.int(3, 6)),
      expected: expectedApply(SINGLE_POS),
    }),
    defineCase<Args>({
      name: '序列长度 T = 1、4 个头、无掩码',
      hint: 'T = 1 时每个头的注意力权重都是 1，输出是按头顺序拼接的 x·wv 再乘 wo；形状是 [n, 1, dModel]。',
      construct: () => [SINGLE_POS_OPEN],
      layerCheck: 'apply',
      inputs: ({ rng }) => randomArgs(rng, SINGLE_POS_OPEN, rng.int(1, 3), 1, rng.int(3, 6)),
      expected: expectedApply(SINGLE_POS_OPEN),
    }),
    defineCase<Args>({
      name: '放进 tf.sequential 后 model.predict(x) 正确',
      hint: 'tf.sequential 里 call 收到的是数组 [x]，build 收到 [null, T, dModel]：先取出张量 const x = Array.isArray(inputs) ? inputs[0]! : inputs；computeOutputShape 原样返回输入形状。',
      construct: () => [SEQ],
      layerCheck: 'sequential',
      inputs: ({ rng }) => randomArgs(rng, SEQ, rng.int(2, 3), rng.int(3, 5), rng.int(3, 6)),
      expected: expectedApply(SEQ),
    }),
  ],
};
export default suite;
