import type * as tfTypes from '@tensorflow/tfjs';
import { defineCase, type CaseSuite, type Rng, type TF } from '../../src/grader/types';

type Args = [tfTypes.Tensor2D, tfTypes.Tensor1D, number];

/** 随机的一批样本 x [n, d]、权重 w [d] 和偏置 b。 */
function randomModel(rng: Rng, n: number, d: number, b: number): Args {
  return [rng.tensor([n, d], -3, 3) as tfTypes.Tensor2D, rng.tensor([d], -2, 2) as tfTypes.Tensor1D, b];
}

/** 参考答案：x·w + b，形状 [n]。 */
function reference([x, w, b]: Args, tf: TF): tfTypes.Tensor {
  return tf.tidy(() => tf.add(tf.dot(x, w), b));
}

const suite: CaseSuite = {
  cases: [
    defineCase<Args>({
      name: '第 1 章的房价例子',
      hint: 'w = [2.5]、b = 15 时，面积 60、80、100 的预测值是 2.5 × 面积 + 15 = [165, 215, 265]。',
      inputs: ({ tf }) => [tf.tensor2d([[60], [80], [100]]), tf.tensor1d([2.5]), 15],
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '两个特征的小例子',
      hint: 'x = [[1, 2], [3, 4]]、w = [1, −1]、b = 0.5：两行的内积是 −1 和 −1，加偏置后是 [−0.5, −0.5]。偏置只加一次。',
      inputs: ({ tf }) => [
        tf.tensor2d([
          [1, 2],
          [3, 4],
        ]),
        tf.tensor1d([1, -1]),
        0.5,
      ],
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '只有一个样本（n = 1）时输出形状仍是 [1]',
      hint: '一个样本也要返回形状 [1] 的向量，而不是标量 []。tf.squeeze 会把 [1, 1] 压成 []；用 tf.dot，或 reshape 成 [-1]。',
      inputs: ({ rng }) => randomModel(rng, 1, rng.int(2, 6), rng.pick([-2, 0.5, 3])),
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '偏置为 0',
      hint: 'b = 0 时结果就是每一行与 w 的内积，形状 [n]。',
      inputs: ({ rng }) => randomModel(rng, rng.int(3, 8), rng.int(2, 5), 0),
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '随机的一批样本和非零偏置',
      hint: '偏置 b 加到每个样本的加权和上，只加一次，不是每个特征加一次。',
      inputs: ({ rng }) => randomModel(rng, rng.int(4, 20), rng.int(3, 10), rng.pick([-1.5, -0.25, 0.75, 4])),
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '较大的 batch 与特征数',
      hint: '输出的长度等于样本数 n，与特征数 d 无关。',
      inputs: ({ rng }) => randomModel(rng, rng.int(32, 64), rng.int(10, 30), rng.uniform(-5, 5)),
      expected: (args, { tf }) => reference(args, tf),
    }),
  ],
};
export default suite;
