import type * as tfTypes from '@tensorflow/tfjs';
import { defineCase, type CaseSuite, type Rng, type TF } from '../../src/grader/types';

/** batchNorm(x [n, d], gamma [d], beta [d], eps?)：不传 eps 的用例只给三个参数。 */
type Args = [tfTypes.Tensor2D, tfTypes.Tensor1D, tfTypes.Tensor1D] | [tfTypes.Tensor2D, tfTypes.Tensor1D, tfTypes.Tensor1D, number];

/** 本题规定的默认 ε。tf.batchNorm 与 tf.layers.batchNormalization 的默认值都是 1e-3，所以参考实现总是显式传入。 */
const DEFAULT_EPS = 1e-5;

/**
 * 参考：tf.moments 沿第 0 维给出每列的均值和有偏方差（除以 n），tf.batchNorm 计算
 * (x − μ) / √(σ² + ε) · γ + β。两者都在参考领域里运行，学习者那边被禁用。
 */
function reference(args: Args, { tf }: { tf: TF }): tfTypes.Tensor {
  const [x, gamma, beta] = args;
  const eps = args.length === 4 ? args[3] : DEFAULT_EPS;
  const { mean, variance } = tf.moments(x, 0);
  return tf.batchNorm(x, mean, variance, beta, gamma, eps);
}

/**
 * 每列有自己的均值（offset）和尺度（scale）的一批数据。
 * 各列的 offset / scale 都不超过约 20：float32 里 x − μ 的舍入误差约为几个 ulp(offset)，
 * 归一化后相对误差约为 ulp(offset)/σ；比值再大，任何正确实现与参考值之间的差异都会超出 accumulated 容差。
 */
function columns(tf: TF, rng: Rng, n: number, cols: { offset: number; scale: number }[]): tfTypes.Tensor2D {
  const values: number[] = [];
  for (let i = 0; i < n; i++) for (const c of cols) values.push(c.offset + c.scale * rng.uniform(-1, 1));
  return tf.tensor2d(values, [n, cols.length]);
}

function gammaBeta(rng: Rng, d: number): [tfTypes.Tensor1D, tfTypes.Tensor1D] {
  return [rng.tensor([d], 0.5, 2) as tfTypes.Tensor1D, rng.tensor([d], -1, 1) as tfTypes.Tensor1D];
}

/** n 行 d 列、各列均值和尺度随机的一批数据，以及随机的 γ、β。 */
function randomBatch(tf: TF, rng: Rng, n: number, d: number): Args {
  const cols = Array.from({ length: d }, () => ({ offset: rng.uniform(-2, 2), scale: rng.uniform(0.5, 3) }));
  return [columns(tf, rng, n, cols), ...gammaBeta(rng, d)];
}

const suite: CaseSuite = {
  cases: [
    defineCase<Args>({
      name: '例子：四个样本、两个特征',
      hint: '第一列 [1, 2, 3, 6]：μ = 3，σ² = (4 + 1 + 0 + 9)/4 = 3.5，x̂ ≈ [−1.069, −0.535, 0, 1.604]，γ = 2、β = 0.5 时 y ≈ [−1.638, −0.569, 0.5, 3.707]。第二列是第一列的 10 倍，归一化后的 x̂ 完全一样。',
      inputs: ({ tf }) => [
        tf.tensor2d([
          [1, 10],
          [2, 20],
          [3, 30],
          [6, 60],
        ]),
        tf.tensor1d([2, 1]),
        tf.tensor1d([0.5, 0]),
      ],
      expected: reference,
    }),
    defineCase<Args>({
      name: '随机的一批：y = γ · x̂ + β',
      hint: 'x̂ = (x − μ_B) / √(σ²_B + ε) 之后，每列乘以自己的 γ（缩放）再加上自己的 β（平移）；gamma、beta 的形状是 [d]，会广播到每一行。',
      inputs: ({ tf, rng }) => randomBatch(tf, rng, rng.int(8, 16), rng.int(3, 6)),
      expected: reference,
    }),
    defineCase<Args>({
      name: '每一列（每个特征）单独归一化',
      hint: '均值和方差沿第 0 维（批维度）求：tf.mean(x, 0, true) 得到 [1, d]，每个特征一个。沿第 1 维（每个样本的一行）求是层归一化，不是批归一化。',
      inputs: ({ tf, rng }) => {
        const cols = [
          { offset: 100, scale: 10 },
          { offset: -5, scale: 1 },
          { offset: 0, scale: 1 },
        ];
        return [columns(tf, rng, rng.int(5, 9), cols), ...gammaBeta(rng, cols.length)];
      },
      expected: reference,
    }),
    defineCase<Args>({
      name: '方差用有偏估计（除以 n，不是 n − 1）',
      hint: '批归一化在训练时用 σ²_B = (1/n) Σ (x − μ_B)²：tf.mean(tf.square(x − μ), 0, true)。除以 n − 1 的无偏估计在 n = 4 时让方差大了 4/3 倍。',
      inputs: ({ tf, rng }) => randomBatch(tf, rng, 4, rng.int(2, 5)),
      expected: reference,
    }),
    defineCase<Args>({
      name: '批大小为 2',
      hint: 'n = 2 时每列归一化后恰好是 ±√(σ²/(σ² + ε))，非常接近 ±1；用 n − 1 做分母会让方差翻倍，结果变成约 ±0.707。',
      inputs: ({ tf, rng }) => randomBatch(tf, rng, 2, rng.int(3, 6)),
      expected: reference,
    }),
    defineCase<Args>({
      name: '批大小为 1：输出等于 β',
      hint: '只有一个样本时 μ_B 就是它自己，x − μ_B = 0，方差也是 0：有 ε 在根号里，0 / √ε = 0，所以输出就是 β。除以 n − 1 = 0 会得到 NaN。',
      inputs: ({ tf, rng }) => randomBatch(tf, rng, 1, rng.int(2, 5)),
      expected: reference,
    }),
    defineCase<Args>({
      name: '某一列的值全都相同（方差为 0）',
      hint: '这一列 x − μ = 0、σ² = 0：必须有 ε 才不会算出 0 / 0 = NaN。ε 加在方差上、在根号里面：√(σ² + ε)。这一列的输出就是它的 β。',
      inputs: ({ tf, rng }) => {
        const constant = rng.pick([-2, 0.5, 3]); // 二进制小数：8 个相加再除以 8 在 float32 里没有舍入，均值恰好等于它
        const cols = [
          { offset: rng.uniform(-2, 2), scale: 1 },
          { offset: constant, scale: 0 },
          { offset: rng.uniform(-2, 2), scale: 2 },
        ];
        return [columns(tf, rng, 8, cols), ...gammaBeta(rng, cols.length)];
      },
      expected: reference,
    }),
    defineCase<Args>({
      name: '某一列的方差极小（远小于 ε）',
      hint: '方差约 3 × 10⁻⁹，比 ε = 10⁻⁵ 小得多：√(σ² + ε) ≈ √ε ≈ 0.00316，这一列的 x̂ 很小。把 ε 加在标准差上写成 (x − μ)/(σ + ε) 就会差几十倍。',
      inputs: ({ tf, rng }) => {
        const cols = [
          { offset: 0.002, scale: 1e-4 },
          { offset: rng.uniform(-1, 1), scale: 1 },
        ];
        return [columns(tf, rng, rng.int(6, 10), cols), ...gammaBeta(rng, cols.length)];
      },
      expected: reference,
    }),
    defineCase<Args>({
      name: '不传 eps 时 ε = 1e−5（不是 tfjs 层的 1e−3）',
      hint: '函数签名里写默认值：eps = 1e-5。tf.layers.batchNormalization 和 tf.batchNorm 的默认 ε 是 1e-3，这里各列方差只有约 10⁻⁴，两种 ε 的结果相差很大。',
      inputs: ({ tf, rng }) => {
        const d = rng.int(2, 4);
        const cols = Array.from({ length: d }, () => ({ offset: rng.uniform(-0.05, 0.05), scale: rng.uniform(0.01, 0.03) }));
        return [columns(tf, rng, rng.int(6, 12), cols), ...gammaBeta(rng, d)];
      },
      expected: reference,
    }),
    defineCase<Args>({
      name: '传入 eps = 0.1 时要用它',
      hint: '第四个参数 eps 由调用者决定，不要写死；ε = 0.1、方差约 0.1 时，√(σ² + ε) 和 √(σ² + 10⁻⁵) 差得很多。',
      inputs: ({ tf, rng }) => {
        const d = rng.int(2, 4);
        const cols = Array.from({ length: d }, () => ({ offset: rng.uniform(-1, 1), scale: rng.uniform(0.3, 0.8) }));
        return [columns(tf, rng, rng.int(6, 12), cols), ...gammaBeta(rng, d), 0.1];
      },
      expected: reference,
    }),
  ],
};
export default suite;
