import type * as tfTypes from '@tensorflow/tfjs';
import { defineCase, type CaseSuite } from '../../src/grader/types';

type Args = [tfTypes.Tensor];

const suite: CaseSuite = {
  cases: [
    defineCase<Args>({
      name: '一维的小例子',
      hint: 'softmax([1, 2, 3]) ≈ [0.0900, 0.2447, 0.6652]：先取 exp，再除以总和，结果和为 1。',
      inputs: ({ tf }) => [tf.tensor1d([1, 2, 3])],
      expected: ([z], { tf }) => tf.softmax(z),
    }),
    defineCase<Args>({
      name: 'logits ≈ 1000 时不溢出',
      hint: 'float32 里 exp(1000) 是 Infinity。每组先减去自己的最大值，exp 的参数就都 ≤ 0 了，结果不变。',
      inputs: ({ tf }) => [
        tf.tensor2d([
          [1000, 1001, 1002],
          [1000, 1000, 1000],
          [-1000, 0, 1000],
          [-1000, -1000, -1000],
        ]),
      ],
      expected: ([z], { tf }) => tf.softmax(z),
    }),
    defineCase<Args>({
      name: '每一行的量级相差很大',
      hint: '要对每一行减去这一行自己的最大值（tf.max(logits, -1, true)），而不是整个张量的最大值；否则较小的那些行会全部下溢成 0，得到 0 / 0 = NaN。',
      inputs: ({ tf, rng }) => {
        const n = rng.int(3, 6);
        const c = rng.int(2, 6);
        const offsets = tf.tensor2d(
          Array.from({ length: n }, (_, i) => (i === 0 ? 800 : rng.uniform(-800, 800))),
          [n, 1],
        );
        return [tf.tidy(() => tf.add(rng.tensor([n, c], -4, 4), offsets))];
      },
      expected: ([z], { tf }) => tf.softmax(z),
    }),
    defineCase<Args>({
      name: '非方阵的二维 logits',
      hint: '形状 [n, c] 的输入要对每一行（最后一维）分别归一化：每行的和为 1，而不是每列。',
      inputs: ({ rng }) => {
        const n = rng.int(2, 6);
        const c = n + rng.int(1, 5);
        return [rng.pick([true, false]) ? rng.tensor([n, c], -5, 5) : rng.tensor([c, n], -5, 5)];
      },
      expected: ([z], { tf }) => tf.softmax(z),
    }),
    defineCase<Args>({
      name: '随机长度的一维 logits',
      hint: '一维输入的最后一维就是第 0 维，结果是一个和为 1 的向量，形状与输入相同。',
      inputs: ({ rng }) => [rng.tensor([rng.int(2, 12)], -10, 10)],
      expected: ([z], { tf }) => tf.softmax(z),
    }),
    defineCase<Args>({
      name: '三维 logits（沿最后一维）',
      hint: '不要把轴写死成 1：用 axis = -1 表示最后一维，对任意秩的输入都成立。',
      inputs: ({ rng }) => [rng.tensor([rng.int(2, 4), rng.int(2, 5), rng.int(2, 6)], -6, 6)],
      expected: ([z], { tf }) => tf.softmax(z),
    }),
    defineCase<Args>({
      name: '较大的随机 logits',
      hint: '|logit| 超过约 88 时 exp 就会在 float32 中溢出；先减去每组的最大值。',
      inputs: ({ rng }) => [rng.tensor([rng.int(8, 32), rng.int(10, 40)], -200, 200)],
      expected: ([z], { tf }) => tf.softmax(z),
    }),
  ],
};
export default suite;
