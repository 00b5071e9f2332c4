import type * as tfTypes from '@tensorflow/tfjs';
import { defineCase, type CaseSuite, type Rng, type TF } from '../../src/grader/types';

type Args = [tfTypes.Tensor, tfTypes.Tensor];

const EPS = 1e-7;

/**
 * 参考答案：概率裁剪到 [1e−7, 1 − 1e−7]（与 tf.metrics.binaryCrossentropy 相同的约定），
 * 再对所有元素求 −[y log p + (1 − y) log(1 − p)] 的平均。
 */
function reference([yTrue, yPred]: Args, tf: TF): tfTypes.Tensor {
  return tf.tidy(() => {
    const p = tf.clipByValue(yPred, EPS, 1 - EPS);
    const per = tf.add(tf.mul(yTrue, tf.log(p)), tf.mul(tf.sub(1, yTrue), tf.log(tf.sub(1, p))));
    return tf.neg(tf.mean(per));
  });
}

/** 随机 0/1 标签和 (0.01, 0.99) 内的概率。 */
function randomPair(tf: TF, rng: Rng, shape: number[]): Args {
  const size = shape.reduce((a, b) => a * b, 1);
  const labels = Array.from({ length: size }, () => (rng.next() < 0.5 ? 0 : 1));
  return [tf.tensor(labels, shape, 'float32'), rng.tensor(shape, 0.01, 0.99)];
}

const suite: CaseSuite = {
  cases: [
    defineCase<Args>({
      name: '两个样本的小例子',
      hint: 'y = [1, 0]、p = [0.8, 0.4]：损失是 [−log 0.8, −log 0.6] ≈ [0.2231, 0.5108]，平均 ≈ 0.3670。',
      inputs: ({ tf }) => [tf.tensor1d([1, 0]), tf.tensor1d([0.8, 0.4])],
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '标签为 0 的样本也要计入',
      hint: 'y = 0 时损失是 −log(1 − p)：p 越接近 1，损失越大。别漏掉 (1 − y)·log(1 − p) 这一项。',
      inputs: ({ tf }) => [tf.tensor1d([0, 0, 0]), tf.tensor1d([0.9, 0.5, 0.1])],
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: 'p 恰好为 0 和 1，两种标签都有',
      hint: '先把 p 裁剪到 [1e-7, 1 − 1e-7]（裁剪 p 本身，再用它算 1 − p），否则 log 0 = −Infinity、0 × (−Infinity) = NaN。不要用 log(p + 1e-7)。',
      inputs: ({ tf }) => [tf.tensor1d([1, 0, 1, 0]), tf.tensor1d([0, 1, 1, 0])],
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '只有完全猜错的 p = 1、y = 0',
      hint: '裁剪后 p = 1 − 1e-7，在 float32 里 1 − p ≈ 1.19e-7，损失 ≈ 15.94；“加 ε”的写法会得到 −log(1e-7) ≈ 16.12。',
      inputs: ({ tf }) => [tf.tensor2d([[0], [0]]), tf.tensor2d([[1], [1]])],
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '随机的二维 batch',
      hint: '对所有元素求平均，返回形状为 [] 的标量。',
      inputs: ({ tf, rng }) => randomPair(tf, rng, [rng.int(3, 12), rng.int(1, 5)]),
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '随机的一维向量',
      hint: '损失是平均值，不是总和；每个元素只用它自己的标签和概率。',
      inputs: ({ tf, rng }) => randomPair(tf, rng, [rng.int(10, 60)]),
      expected: (args, { tf }) => reference(args, tf),
    }),
  ],
};
export default suite;
