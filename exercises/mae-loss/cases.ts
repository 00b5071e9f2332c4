import type * as tfTypes from '@tensorflow/tfjs';
import { defineCase, type CaseSuite, type TF } from '../../src/grader/types';

type Args = [tfTypes.Tensor, tfTypes.Tensor];

/** 参考答案：对所有元素求平均的绝对误差，形状为 []。 */
function reference([yTrue, yPred]: Args, tf: TF): tfTypes.Tensor {
  return tf.tidy(() => tf.mean(tf.abs(tf.sub(yPred, yTrue))));
}

const suite: CaseSuite = {
  cases: [
    defineCase<Args>({
      name: '第 4 章含一个离群点的例子',
      hint: '误差是 [0, 0, 0, 0, −100]（预测都是 2，最后一个真实值是 102），绝对值的平均是 100 / 5 = 20。',
      inputs: ({ tf }) => [tf.tensor1d([2, 2, 2, 2, 102]), tf.tensor1d([2, 2, 2, 2, 2])],
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '正负误差不能相互抵消',
      hint: '误差 [+1, −1, +2, −2] 的平均是 0，但绝对误差的平均是 1.5：先取绝对值，再求平均。',
      inputs: ({ tf }) => [tf.tensor1d([0, 0, 0, 0]), tf.tensor1d([1, -1, 2, -2])],
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '二维输入返回标量',
      hint: '对全部 n × d 个元素求平均（tf.mean 不传 axis），结果是形状为 [] 的标量，而不是每行一个值。',
      inputs: ({ rng }) => {
        const n = rng.int(2, 12);
        const d = rng.int(2, 6);
        return [rng.tensor([n, d], -3, 3), rng.tensor([n, d], -3, 3)];
      },
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '三维输入返回标量',
      hint: '三维输入也要对所有元素求平均，得到形状为 [] 的标量。',
      inputs: ({ rng }) => {
        const shape = [rng.int(2, 4), rng.int(2, 5), rng.int(2, 6)];
        return [rng.tensor(shape, -50, 50), rng.tensor(shape, -50, 50)];
      },
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '预测完全正确时损失为 0',
      hint: 'yPred 与 yTrue 相同时每个绝对误差都是 0，损失是标量 0。',
      inputs: ({ tf, rng }) => {
        const yTrue = rng.tensor([rng.int(2, 6), rng.int(2, 6)], -3, 3);
        return [yTrue, tf.clone(yTrue)];
      },
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '随机的一维向量',
      hint: '损失是所有元素绝对误差的平均值（除以元素个数），不是总和，也不是平方。',
      inputs: ({ rng }) => {
        const n = rng.int(5, 50);
        return [rng.tensor([n], -5, 5), rng.tensor([n], -5, 5)];
      },
      expected: (args, { tf }) => reference(args, tf),
    }),
  ],
};
export default suite;
