import type * as tfTypes from '@tensorflow/tfjs';
import { defineCase, type CaseSuite, type TF } from '../../src/grader/types';

type Args = [tfTypes.Tensor, tfTypes.Tensor];

/** 参考答案：对所有元素求平均的平方误差，形状为 []。 */
function reference([yTrue, yPred]: Args, tf: TF): tfTypes.Tensor {
  return tf.tidy(() => tf.mean(tf.squaredDifference(yPred, yTrue)));
}

const suite: CaseSuite = {
  cases: [
    defineCase<Args>({
      name: '一维的小例子',
      hint: '误差 [0.5, 0, −1] 平方后是 [0.25, 0, 1]，平均值 1.25 / 3 ≈ 0.4167；先平方，再求平均。',
      inputs: ({ tf }) => [tf.tensor1d([1, 2, 3]), tf.tensor1d([1.5, 2, 2])],
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '二维输入返回标量',
      hint: '对所有元素求平均（tf.mean 不传 axis），结果必须是形状为 [] 的标量，而不是每一行一个值。',
      inputs: ({ tf }) => [
        tf.tensor2d([
          [1, 0],
          [0, 1],
          [1, 1],
        ]),
        tf.tensor2d([
          [0.9, 0.2],
          [0.1, 0.7],
          [1, 0.5],
        ]),
      ],
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '预测完全正确时损失为 0',
      hint: 'yPred 与 yTrue 相同时每个误差都是 0，损失应当是标量 0。',
      inputs: ({ tf, rng }) => {
        const yTrue = rng.tensor([rng.int(2, 6), rng.int(2, 6)], -3, 3);
        return [yTrue, tf.clone(yTrue)];
      },
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '随机的一维向量',
      hint: '损失是所有元素平方误差的平均值（除以元素个数），不是总和。',
      inputs: ({ rng }) => {
        const n = rng.int(5, 50);
        return [rng.tensor([n], -5, 5), rng.tensor([n], -5, 5)];
      },
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '随机的二维矩阵',
      hint: '二维输入也要对全部 n × d 个元素求平均，得到形状为 [] 的标量。',
      inputs: ({ rng }) => {
        const n = rng.int(2, 16);
        const d = rng.int(2, 8);
        return [rng.tensor([n, d], -2, 2), rng.tensor([n, d], -2, 2)];
      },
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '单列的回归目标 [n, 1]',
      hint: '形状 [n, 1] 时，只沿最后一维求平均会得到形状 [n] 的向量；要对所有元素求平均。',
      inputs: ({ rng }) => {
        const n = rng.int(4, 32);
        return [rng.tensor([n, 1], -10, 10), rng.tensor([n, 1], -10, 10)];
      },
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '误差较大的三维张量',
      hint: '用平方而不是绝对值：误差越大，平方的惩罚越重。',
      inputs: ({ rng }) => {
        const shape = [rng.int(2, 4), rng.int(2, 5), rng.int(2, 6)];
        return [rng.tensor(shape, -100, 100), rng.tensor(shape, -100, 100)];
      },
      expected: (args, { tf }) => reference(args, tf),
    }),
  ],
};
export default suite;
