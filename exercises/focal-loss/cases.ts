import type * as tfTypes from '@tensorflow/tfjs';
import { defineCase, type CaseSuite, type Rng, type TF } from '../../src/grader/types';

type Args = [tfTypes.Tensor, tfTypes.Tensor, number?, number?];

const EPS = 1e-7;

/** 参考答案：mean(−α_t (1 − p_t)^γ log p_t)，p 先裁剪到 [1e−7, 1 − 1e−7]；默认 γ = 2、α = 0.25。 */
function reference([yTrue, p, gamma = 2, alpha = 0.25]: Args, tf: TF): tfTypes.Tensor {
  return tf.tidy(() => {
    const pc = tf.clipByValue(p, EPS, 1 - EPS);
    const notY = tf.sub(1, yTrue);
    const pt = tf.add(tf.mul(yTrue, pc), tf.mul(notY, tf.sub(1, pc)));
    const alphaT = tf.add(tf.mul(yTrue, alpha), tf.mul(notY, 1 - alpha));
    return tf.neg(tf.mean(tf.mul(tf.mul(alphaT, tf.pow(tf.sub(1, pt), gamma)), tf.log(pt))));
  });
}

/** 随机 0/1 标签和 (0.01, 0.99) 内的概率。 */
function randomPair(tf: TF, rng: Rng, shape: number[]): [tfTypes.Tensor, tfTypes.Tensor] {
  const size = shape.reduce((a, b) => a * b, 1);
  const labels = Array.from({ length: size }, () => (rng.next() < 0.3 ? 1 : 0));
  return [tf.tensor(labels, shape, 'float32'), rng.tensor(shape, 0.01, 0.99)];
}

const suite: CaseSuite = {
  cases: [
    defineCase<Args>({
      name: '省略 γ 和 α 时使用默认值 γ = 2、α = 0.25',
      hint: 'y = [1, 0]、p = [0.9, 0.2]：p_t = [0.9, 0.8]，α_t = [0.25, 0.75]，每个元素 −α_t(1 − p_t)²·log p_t ≈ [0.000263, 0.006694]，平均 ≈ 0.003479。',
      inputs: ({ tf }) => [tf.tensor1d([1, 0]), tf.tensor1d([0.9, 0.2])],
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: 'γ = 0 时等于 α 加权的交叉熵',
      hint: 'γ = 0 时 (1 − p_t)^0 = 1，focal loss 就是 −α_t·log p_t 的平均：注意 y = 0 的样本乘的是 1 − α。',
      inputs: ({ tf, rng }) => [...randomPair(tf, rng, [rng.int(6, 20)]), 0, 0.25],
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '不是默认值的 α（α = 0.6，γ = 1）',
      hint: 'α_t 按标签选：y = 1 取 α，y = 0 取 1 − α。α = 0.5 以外的值才能看出这一点。',
      inputs: ({ tf, rng }) => [...randomPair(tf, rng, [rng.int(3, 8), rng.int(2, 4)]), 1, 0.6],
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '容易的负样本几乎不贡献损失',
      hint: 'y = 0、p = 0.05 时 p_t = 0.95，(1 − p_t)² = 0.0025；调制因子要用 p_t，不是 p（用 p 会得到 0.9025）。',
      inputs: ({ tf }) => [tf.tensor1d([0, 0, 0, 1]), tf.tensor1d([0.05, 0.1, 0.6, 0.3]), 2, 0.25],
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: 'p 恰好为 0 和 1，两种标签都有',
      hint: '先把 p 裁剪到 [1e-7, 1 − 1e-7]，再算 p_t；否则 p_t = 0 时 log p_t = −Infinity。',
      inputs: ({ tf }) => [tf.tensor1d([1, 0, 1, 0]), tf.tensor1d([0, 1, 1, 0])],
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '只给 γ、省略 α（γ = 5）',
      hint: '只传了 gamma 时 alpha 仍取默认值 0.25；γ 越大，容易样本的权重被压得越低。',
      inputs: ({ tf, rng }) => [...randomPair(tf, rng, [rng.int(10, 30)]), 5],
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '随机的二维 batch，γ = 0.5、α = 0.9',
      hint: '对所有元素求平均，返回形状为 [] 的标量。',
      inputs: ({ tf, rng }) => [...randomPair(tf, rng, [rng.int(4, 12), rng.int(2, 6)]), 0.5, 0.9],
      expected: (args, { tf }) => reference(args, tf),
    }),
  ],
};
export default suite;
