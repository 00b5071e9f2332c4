import type * as tfTypes from '@tensorflow/tfjs';
import { defineCase, type CaseSuite } from '../../src/grader/types';

type Args = [tfTypes.Tensor];

const suite: CaseSuite = {
  cases: [
    defineCase<Args>({
      name: '正数、负数和 0 混在一起',
      hint: 'relu(−3) = 0，relu(0) = 0，relu(2.5) = 2.5：负数变成 0，其余原样保留。',
      inputs: ({ tf }) => [tf.tensor1d([-3, -0.5, 0, 0.5, 2.5, 7])],
      expected: ([z], { tf }) => tf.relu(z),
    }),
    defineCase<Args>({
      name: '全是负数的矩阵',
      hint: '负数应当变成 0，而不是取绝对值。',
      inputs: ({ tf }) => [
        tf.tensor2d([
          [-1, -2, -3],
          [-0.25, -100, -1e-3],
        ]),
      ],
      expected: ([z], { tf }) => tf.relu(z),
    }),
    defineCase<Args>({
      name: '全是 0（包括 −0）',
      hint: 'relu(0) = 0；数值上 −0 和 0 相等，两种都可以。输出形状必须和输入相同。',
      inputs: ({ tf }) => [tf.tensor2d([0, -0, 0, -0, 0, 0], [3, 2])],
      expected: ([z], { tf }) => tf.relu(z),
    }),
    defineCase<Args>({
      name: '大于 1 的正数保持不变',
      hint: 'ReLU 对正数没有上限：relu(50) = 50，不要把结果截断到 [0, 1]。',
      inputs: ({ tf }) => [tf.tensor1d([1, 1.5, 10, 50, 1000, -1000])],
      expected: ([z], { tf }) => tf.relu(z),
    }),
    defineCase<Args>({
      name: '随机形状的张量（秩 1–4）',
      hint: 'ReLU 是逐元素运算，不要沿任何维度求最大值；输出形状必须和输入完全相同。',
      inputs: ({ rng }) => [rng.tensor(rng.shape(1, 4, 5), -5, 5)],
      expected: ([z], { tf }) => tf.relu(z),
    }),
    defineCase<Args>({
      name: '随机的二维矩阵',
      hint: '形状 [m, n] 的输入要得到形状 [m, n] 的输出；tf.max(z, 0) 会把第 0 维归约掉。',
      inputs: ({ rng }) => [rng.tensor([rng.int(2, 12), rng.int(2, 12)], -3, 3)],
      expected: ([z], { tf }) => tf.relu(z),
    }),
    defineCase<Args>({
      name: '标量输入',
      hint: '输入可以是形状为 [] 的标量张量，输出也必须是形状 [] 的标量。',
      inputs: ({ rng }) => [rng.tensor([], -4, 4)],
      expected: ([z], { tf }) => tf.relu(z),
    }),
  ],
};
export default suite;
