import type * as tfTypes from '@tensorflow/tfjs';
import { defineCase, type CaseSuite, type Rng, type TF } from '../../src/grader/types';

type Args = [tfTypes.Tensor2D, tfTypes.Tensor1D, number];

/** 随机的一批样本 x [n, d]、权重 w [d] 和偏置 b。 */
function randomNeuron(rng: Rng, n: number, d: number, b: number): Args {
  return [rng.tensor([n, d], -2, 2) as tfTypes.Tensor2D, rng.tensor([d], -1, 1) as tfTypes.Tensor1D, b];
}

/** 参考答案：σ(x·w + b)，形状 [n]。 */
function reference([x, w, b]: Args, tf: TF): tfTypes.Tensor {
  return tf.tidy(() => tf.sigmoid(tf.add(tf.dot(x, w), b)));
}

const suite: CaseSuite = {
  cases: [
    defineCase<Args>({
      name: '三个样本、两个输入的小例子',
      hint: 'w = [2, 2]、b = −3 时三个样本的加权和是 [1, −1, −3]，σ 之后约为 [0.7311, 0.2689, 0.0474]。',
      inputs: ({ tf }) => [
        tf.tensor2d([
          [1, 1],
          [1, 0],
          [0, 0],
        ]),
        tf.tensor1d([2, 2]),
        -3,
      ],
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '偏置不为 0 时的随机输入',
      hint: '偏置 b 要加进加权和、再经过 sigmoid：σ(x·w + b)，而不是 σ(x·w) + b。',
      inputs: ({ rng }) => randomNeuron(rng, rng.int(3, 8), rng.int(2, 5), rng.pick([-1.5, -0.75, 0.5, 1.25])),
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '加权和为 ±1000 时不溢出',
      hint: 'e^1000 在 float32 里是 Infinity，Infinity / Infinity = NaN。让 exp 的参数始终 ≤ 0：e = exp(−|z|)。',
      inputs: ({ tf }) => [
        tf.tensor2d([
          [10, 0],
          [-10, 0],
          [0, 4],
          [0, -4],
          [0, 0],
        ]),
        tf.tensor1d([100, 250]),
        0,
      ],
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '很大的偏置把加权和推到 ±1000',
      hint: '很大的偏置同样会让 z 很大；无论 z 的正负，都应当饱和到接近 1 或 0，不能出现 NaN。',
      // z = [1000, −3000, −1000, −999.5]
      inputs: ({ tf }) => [tf.tensor2d([[0.5], [-0.5], [0], [0.000125]]), tf.tensor1d([4000]), -1000],
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '只有一个样本（n = 1）',
      hint: '返回形状 [1]，不是标量 []，也不是 [1, 1]。',
      inputs: ({ rng }) => randomNeuron(rng, 1, rng.int(2, 6), rng.uniform(-1, 1)),
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '较大的一批样本',
      hint: '每个样本（x 的每一行）一个输出，返回形状 [n]；用 tf.dot(x, w) 或沿 axis 1 求和。',
      inputs: ({ rng }) => randomNeuron(rng, rng.int(20, 40), rng.int(5, 12), rng.uniform(-2, 2)),
      expected: (args, { tf }) => reference(args, tf),
    }),
  ],
};
export default suite;
