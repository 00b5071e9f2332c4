import type * as tfTypes from '@tensorflow/tfjs';
import { defineCase, type CaseSuite, type Rng, type TF } from '../../src/grader/types';

type Args = [tfTypes.Tensor3D, tfTypes.Tensor2D, tfTypes.Tensor2D, tfTypes.Tensor1D];

/**
 * 参考答案：tfjs 自己的 tf.layers.simpleRNN，装上同样的权重（kernel = wx，recurrentKernel = wh，
 * bias = b），returnSequences: true。它按 hₜ = tanh(xₜ·wx + hₜ₋₁·wh + b) 计算，h₀ = 0。
 */
function reference([x, wx, wh, b]: Args, tf: TF): tfTypes.Tensor {
  const layer = tf.layers.simpleRNN({ units: wh.shape[1], activation: 'tanh', returnSequences: true });
  (layer.apply(x) as tfTypes.Tensor).dispose(); // 第一次调用建好权重
  layer.setWeights([wx, wh, b]);
  const out = layer.apply(x) as tfTypes.Tensor;
  layer.dispose();
  return out;
}

/** 随机的 x [n, T, d] 与权重 wx [d, h]、wh [h, h]、b [h]。 */
function random(rng: Rng, n: number, T: number, d: number, h: number, xRange: number, wRange: number): Args {
  return [
    rng.tensor([n, T, d], -xRange, xRange) as tfTypes.Tensor3D,
    rng.tensor([d, h], -wRange, wRange) as tfTypes.Tensor2D,
    rng.tensor([h, h], -wRange, wRange) as tfTypes.Tensor2D,
    rng.tensor([h], -wRange, wRange) as tfTypes.Tensor1D,
  ];
}

const suite: CaseSuite = {
  cases: [
    defineCase<Args>({
      name: '正文的例子：一维输入、一个隐藏单元',
      hint: 'wx = 1、wh = 0.5、b = 0，输入 1, 0, 0, 2, 0：h₁ = tanh(1) ≈ 0.7616，h₂ = tanh(0.5 × 0.7616) ≈ 0.3634，h₃ ≈ 0.1797，h₄ = tanh(2 + 0.5 × 0.1797) ≈ 0.9699。每一步都要用上一步的 h。',
      inputs: ({ tf }) => [
        tf.tensor3d([1, 0, 0, 2, 0], [1, 5, 1]),
        tf.tensor2d([[1]]),
        tf.tensor2d([[0.5]]),
        tf.tensor1d([0]),
      ],
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '输入全为 0：第一步只剩偏置',
      hint: 'h₀ 是全零向量，不是从输入算出来的：x 全为 0 时 h₁ = tanh(b)，h₂ = tanh(h₁·wh + b)，依此类推。',
      inputs: ({ tf, rng }) => {
        const [, wx, wh] = random(rng, 2, 4, 3, 2, 1, 1);
        return [tf.zeros([2, 4, 3]) as tfTypes.Tensor3D, wx, wh, rng.tensor([2], 0.5, 1.5) as tfTypes.Tensor1D];
      },
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '只有一个时间步（T = 1）',
      hint: 'T = 1 时输出就是 tanh(x₁·wx + b)，形状 [n, 1, h]：时间维即使长度为 1 也要保留。',
      inputs: ({ rng }) => random(rng, 3, 1, 4, 5, 2, 1),
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '不对称的循环权重 wh',
      hint: '本课程用行约定：hₜ₋₁ 是 [n, h] 的行，循环项是 hₜ₋₁·wh（tf.matMul(h, wh)），不是 hₜ₋₁·whᵀ。wh 不对称时两者不同。',
      inputs: ({ tf, rng }) => {
        const [x, wx, , b] = random(rng, 3, 5, 2, 4, 1.5, 1);
        // 严格上三角：wh ≠ whᵀ
        const rows = Array.from({ length: 4 }, (_, i) => Array.from({ length: 4 }, (_, j) => (j > i ? rng.uniform(0.5, 1.5) : 0)));
        return [x, wx, tf.tensor2d(rows), b];
      },
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: 'n = T 时输出仍是 [n, T, h]',
      hint: '把各步的 hₜ 沿第 1 维叠起来：tf.stack(各步, 1)。沿第 0 维叠得到的是 [T, n, h]，n = T 时形状碰巧相同，但数值的排列是错的。',
      inputs: ({ rng }) => random(rng, 4, 4, 2, 3, 1.5, 1),
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '较长的序列（T = 30）',
      hint: '循环要走满 T 步，每一步都用同一组 wx、wh、b；输出的第 t 个时间步是第 t 步的隐藏状态。',
      inputs: ({ rng }) => random(rng, 2, 30, 3, 6, 1, 0.5),
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '较大的权重：tanh 饱和',
      hint: '预激活很大时 tanh 接近 ±1，但仍然是 tanh(xₜ·wx + hₜ₋₁·wh + b)：不要在 tanh 之外再做裁剪或缩放。',
      inputs: ({ rng }) => random(rng, 2, 6, 3, 4, 2, 3),
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '随机形状',
      hint: 'n、T、d、h 都可能不同；h 从 wh.shape[0] 读，n、T、d 从 x.shape 读，不要写死。',
      inputs: ({ rng }) => random(rng, rng.int(1, 4), rng.int(1, 8), rng.int(1, 5), rng.int(1, 6), 2, 1),
      expected: (args, { tf }) => reference(args, tf),
    }),
  ],
};
export default suite;
