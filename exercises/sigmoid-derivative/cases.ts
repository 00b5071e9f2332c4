import type * as tfTypes from '@tensorflow/tfjs';
import { defineCase, type CaseSuite, type TF } from '../../src/grader/types';

type Args = [tfTypes.Tensor];

/** 参考答案：e^(−|z|) / (1 + e^(−|z|))²，与 σ(z)(1 − σ(z)) 相等，但在 |z| 很大时没有相消误差。 */
function reference([z]: Args, tf: TF): tfTypes.Tensor {
  return tf.tidy(() => {
    const e = tf.exp(tf.neg(tf.abs(z)));
    return tf.div(e, tf.square(tf.add(1, e)));
  });
}

const suite: CaseSuite = {
  cases: [
    defineCase<Args>({
      name: '几个小的整数输入',
      hint: 'σ′(0) = 0.5 × 0.5 = 0.25；σ(2) ≈ 0.8808，所以 σ′(2) = σ′(−2) ≈ 0.8808 × 0.1192 ≈ 0.1050。',
      inputs: ({ tf }) => [tf.tensor1d([-2, -1, 0, 1, 2])],
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: 'z = ±1000 与 ±50 时有限且没有 NaN',
      hint: '|z| 很大时 σ 饱和，σ′ 应当是 0（或极小的正数）。e^1000 是 Infinity：只让 exp 的参数 ≤ 0。',
      inputs: ({ tf }) => [tf.tensor1d([-1000, -50, 0, 50, 1000])],
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '接近 float32 溢出边界的输入',
      hint: 'e^88 还是有限值，e^89 就溢出了；±89、±100 处的导数都应当接近 0，不是 NaN。',
      inputs: ({ tf }) => [
        tf.tensor2d([
          [-89, 89],
          [-88, 88],
          [-100, 100],
          [-1000, 1000],
        ]),
      ],
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '标量输入 z = 0',
      hint: '形状为 [] 的标量，输出也是标量 0.25：导数在 0 处最大。',
      inputs: ({ tf }) => [tf.scalar(0)],
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '随机形状的张量（秩 1–4）',
      hint: '导数也是逐元素运算，输出形状必须和输入完全相同；σ′ 是偶函数，σ′(−z) = σ′(z)。',
      inputs: ({ rng }) => [rng.tensor(rng.shape(1, 4, 5), -6, 6)],
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '随机的大范围输入 [−200, 200]',
      hint: '无论 z 的正负，exp 的参数都应当 ≤ 0；结果应当都在 [0, 0.25] 之间。',
      inputs: ({ rng }) => [rng.tensor(rng.shape(1, 3, 8), -200, 200)],
      expected: (args, { tf }) => reference(args, tf),
    }),
  ],
};
export default suite;
