import type * as tfTypes from '@tensorflow/tfjs';
import { defineCase, type CaseSuite } from '../../src/grader/types';

type Args = [tfTypes.Tensor];

const suite: CaseSuite = {
  cases: [
    defineCase<Args>({
      name: '几个小的整数输入',
      hint: 'σ(0) = 0.5，σ(2) ≈ 0.8808，σ(−2) ≈ 0.1192；先检查公式里 e 的指数是 −z。',
      inputs: ({ tf }) => [tf.tensor1d([-2, -1, 0, 1, 2])],
      expected: ([z], { tf }) => tf.sigmoid(z),
    }),
    defineCase<Args>({
      name: 'z = ±1000 与 ±50 时不溢出',
      hint: 'float32 里 e^1000 是 Infinity，Infinity / Infinity = NaN。让 exp 的参数始终 ≤ 0：用 e = exp(−|z|)，再按 z 的正负选择 1/(1+e) 或 e/(1+e)。',
      inputs: ({ tf }) => [tf.tensor1d([-1000, -50, 0, 50, 1000])],
      expected: ([z], { tf }) => tf.sigmoid(z),
    }),
    defineCase<Args>({
      name: '接近 float32 溢出边界的输入',
      hint: 'e^88 还是有限值，e^89 就溢出成 Infinity 了；结果应当分别非常接近 0 或 1，而不是 NaN。',
      inputs: ({ tf }) => [
        tf.tensor2d([
          [-89, 89],
          [-88, 88],
          [-100, 100],
          [-1000, 1000],
        ]),
      ],
      expected: ([z], { tf }) => tf.sigmoid(z),
    }),
    defineCase<Args>({
      name: '标量输入 z = 0',
      hint: '输入可以是形状为 [] 的标量张量，输出也必须是形状 [] 的标量，值为 0.5。',
      inputs: ({ tf }) => [tf.scalar(0)],
      expected: ([z], { tf }) => tf.sigmoid(z),
    }),
    defineCase<Args>({
      name: '随机形状的张量（秩 1–4）',
      hint: 'Sigmoid 是逐元素运算，输出形状必须和输入完全相同。',
      inputs: ({ rng }) => [rng.tensor(rng.shape(1, 4, 5), -8, 8)],
      expected: ([z], { tf }) => tf.sigmoid(z),
    }),
    defineCase<Args>({
      name: '随机的大范围输入 [−200, 200]',
      hint: '|z| 超过约 88 时 e^|z| 会溢出；无论 z 的正负，exp 的参数都应当 ≤ 0。',
      inputs: ({ rng }) => [rng.tensor(rng.shape(1, 4, 6), -200, 200)],
      expected: ([z], { tf }) => tf.sigmoid(z),
    }),
    defineCase<Args>({
      name: '较大的二维张量',
      hint: '逐元素计算即可，不要对任何维度求和或求平均。',
      inputs: ({ rng }) => [rng.tensor([rng.int(16, 32), rng.int(16, 64)], -12, 12)],
      expected: ([z], { tf }) => tf.sigmoid(z),
    }),
  ],
};
export default suite;
