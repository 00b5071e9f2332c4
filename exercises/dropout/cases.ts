import type * as tfTypes from '@tensorflow/tfjs';
import { defineCase, type CaseSuite, type Rng, type TF } from '../../src/grader/types';

/** 学习者函数的参数：x、丢弃概率 rate、与 x 同形状的均匀随机数 u ∈ [0, 1)。 */
type Args = [tfTypes.Tensor, number, tfTypes.Tensor];

/**
 * 参考：y = x · 1[u ≥ rate] / (1 − rate)。
 * 会与 rate 比较相等的用例只用 0.25、0.5、0.75 这类二进制小数：它们在 float64 和 float32 里是同一个数，
 * 所以“u 恰好等于 rate”没有舍入上的歧义。
 */
function reference([x, rate, u]: Args, { tf }: { tf: TF }): tfTypes.Tensor {
  return tf.div(tf.mul(x, tf.cast(tf.greaterEqual(u, rate), 'float32')), 1 - rate);
}

/** 随机的 x（含负数）与同形状的 u。 */
function randomArgs(rng: Rng, shape: number[], rate: number): Args {
  return [rng.tensor(shape, -3, 3), rate, rng.tensor(shape, 0, 1)];
}

const suite: CaseSuite = {
  cases: [
    defineCase<Args>({
      name: '例子：x = [1, 2, 3, 4]，rate = 0.5',
      hint: 'u = [0.1, 0.7, 0.4, 0.9]：u ≥ 0.5 的是第 2、4 个，保留并乘以 1/(1 − 0.5) = 2，结果是 [0, 4, 0, 8]。',
      inputs: ({ tf }) => [tf.tensor1d([1, 2, 3, 4]), 0.5, tf.tensor1d([0.1, 0.7, 0.4, 0.9])],
      expected: reference,
    }),
    defineCase<Args>({
      name: 'u 恰好等于 rate 时保留',
      hint: '保留的条件是 u ≥ rate（大于或等于），不是 u > rate：u 在 [0, 1) 上均匀分布时，P(u ≥ rate) 恰好是 1 − rate。用 tf.greaterEqual，不要用 tf.greater。',
      inputs: ({ tf, rng }) => {
        const rate = rng.pick([0.25, 0.5, 0.75]);
        const u = [rate, 0.05, rate, 0.95, rate - 0.001, rate + 0.001, rate, rate / 2, rate, (1 + rate) / 2];
        return [rng.tensor([u.length], -3, 3), rate, tf.tensor1d(u)];
      },
      expected: reference,
    }),
    defineCase<Args>({
      name: 'rate = 0 时原样返回 x',
      hint: 'rate = 0 表示一个都不丢：所有 u ≥ 0 都保留（包括 u 恰好为 0 的元素），放大倍数 1/(1 − 0) = 1，结果就是 x。',
      inputs: ({ tf, rng }) => {
        const n = rng.int(3, 6);
        const d = rng.int(3, 6);
        const u = rng.array(n * d, 0, 1);
        for (let i = 0; i < u.length; i += 3) u[i] = 0; // u 可以恰好是 0：[0, 1) 包含 0
        return [rng.tensor([n, d], -3, 3), 0, tf.tensor2d(u, [n, d])];
      },
      expected: reference,
    }),
    defineCase<Args>({
      name: 'rate 是丢弃概率：保留 u ≥ rate 的元素并放大 1/(1 − rate) 倍',
      hint: 'rate（p）是丢弃的概率，保留的概率是 1 − p。倒置 dropout 在训练时把保留下来的元素除以 1 − p（rate = 0.2 时乘以 1.25），这样 E[y] = x，推理时什么都不用做；只置零不放大、或乘以 1 − p，都不对。',
      inputs: ({ rng }) => randomArgs(rng, [rng.int(8, 16), rng.int(8, 16)], rng.pick([0.2, 0.3, 0.4])),
      expected: reference,
    }),
    defineCase<Args>({
      name: 'rate = 0.9：只留约一成，放大 10 倍',
      hint: 'rate = 0.9 时保留概率是 0.1，保留下来的元素要乘以 1/(1 − 0.9) = 10。',
      inputs: ({ rng }) => randomArgs(rng, [rng.int(10, 20), rng.int(10, 20)], 0.9),
      expected: reference,
    }),
    defineCase<Args>({
      name: '任意形状（秩 1–4）',
      hint: 'dropout 是逐元素的：输出和 x 形状相同，u 的每个元素只决定 x 的对应元素。不要对任何维度求和或求平均。',
      inputs: ({ rng }) => randomArgs(rng, rng.shape(1, 4, 6), rng.pick([0.1, 0.5, 0.6])),
      expected: reference,
    }),
  ],
};
export default suite;
