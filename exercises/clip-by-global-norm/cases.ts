import type * as tfTypes from '@tensorflow/tfjs';
import { defineCase, type CaseSuite, type Rng, type TF } from '../../src/grader/types';

type Args = [tfTypes.Tensor[], number];

/** 参考答案：s = maxNorm / max(‖g‖, maxNorm)，‖g‖ 是全部元素的 L2 范数；每个张量乘以同一个 s。 */
function reference([grads, maxNorm]: Args, tf: TF): tfTypes.Tensor[] {
  const globalNorm = tf.sqrt(tf.addN(grads.map((g) => tf.sum(tf.square(g)))));
  const scale = tf.div(maxNorm, tf.maximum(globalNorm, maxNorm));
  return grads.map((g) => tf.mul(g, scale));
}

/** 全部元素的 L2 范数（用 float64 的 JS 数算，只用来定阈值）。 */
function globalNorm(grads: tfTypes.Tensor[]): number {
  let s = 0;
  for (const g of grads) for (const v of g.dataSync()) s += v * v;
  return Math.sqrt(s);
}

/** 一组秩 0–4 各一个的张量，元素在 [−lo, lo) 之间。 */
function mixedRanks(rng: Rng, range: number): tfTypes.Tensor[] {
  return [[], [rng.int(1, 5)], [rng.int(1, 4), rng.int(1, 4)], [2, rng.int(1, 3), 2], [1, 2, rng.int(1, 3), 3]].map((shape) => rng.tensor(shape, -range, range));
}

const suite: CaseSuite = {
  cases: [
    defineCase<Args>({
      name: '正文的例子：范数 13，阈值 6.5',
      hint: '全局范数 = √(3² + 4² + 12²) = 13 > 6.5，两个张量都乘以 6.5 / 13 = 0.5，得到 [1.5, 2] 和 [[6]]。按各自的范数分别裁剪会得到 [3, 4] 和 [[6.5]]：方向变了。',
      inputs: ({ tf }) => [[tf.tensor1d([3, 4]), tf.tensor2d([[12]])], 6.5],
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '范数低于阈值时原样返回',
      hint: '全局范数 13 < 20，不裁剪：缩放系数是 min(1, 20/13) = 1，而不是 20/13（那样会把梯度放大）。',
      inputs: ({ tf }) => [[tf.tensor1d([3, 4]), tf.tensor2d([[12]])], 20],
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '秩 0 到 4 的张量一起裁剪',
      hint: '标量、向量、矩阵和更高秩的张量都把全部元素的平方计入同一个全局范数；返回的每个张量保持自己原来的形状。',
      inputs: ({ rng }) => {
        const grads = mixedRanks(rng, 3);
        return [grads, globalNorm(grads) * rng.uniform(0.2, 0.6)];
      },
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '秩不同、范数低于阈值',
      hint: '范数没超过阈值时每个张量原样返回，形状（包括标量的 []）也不变。',
      inputs: ({ rng }) => {
        const grads = mixedRanks(rng, 2);
        return [grads, globalNorm(grads) * rng.uniform(1.5, 3)];
      },
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '梯度全为 0 时没有 NaN',
      hint: '全局范数是 0，结果应当仍是全 0。0/0 = NaN：不要先除以范数；用 s = maxNorm / max(‖g‖, maxNorm)，分母至少是 maxNorm。',
      inputs: ({ tf }) => [[tf.zeros([2, 3]), tf.zeros([4]), tf.scalar(0)], 1],
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '只有一个张量',
      hint: '只有一个张量时全局范数就是它自己的 L2 范数（全部元素的平方和再开方）；列表长度为 1 也要返回数组。',
      inputs: ({ rng }) => [[rng.tensor([5, 4], -2, 2)], 1],
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '范数远大于阈值（元素可达 ±1000）',
      hint: '裁剪之后全局范数应当恰好等于 maxNorm；缩放系数 maxNorm/‖g‖ 很小，但方向不变。',
      inputs: ({ rng }) => [[rng.tensor([3, 3], -1000, 1000), rng.tensor([6], -1000, 1000)], 0.5],
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '随机个数、随机形状的梯度',
      hint: '张量个数和形状都不固定：对数组里的每个张量求平方和并全部相加，再决定一个共同的缩放系数。',
      inputs: ({ rng }) => {
        const grads = Array.from({ length: rng.int(1, 5) }, () => rng.tensor(rng.shape(0, 3, 4), -5, 5));
        return [grads, globalNorm(grads) * rng.pick([0.3, 0.7, 1.5])];
      },
      expected: (args, { tf }) => reference(args, tf),
    }),
  ],
};
export default suite;
