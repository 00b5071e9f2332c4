import type * as tfTypes from '@tensorflow/tfjs';
import { defineCase, type CaseSuite, type Rng, type TF } from '../../src/grader/types';

type Args = [tfTypes.Tensor2D, tfTypes.Tensor2D];

/** 参考答案：−mean_i Σ_j y_ij · logSoftmax(z)_ij（tfjs 的 logSoftmax 本身是数值稳定的）。 */
function reference([labels, logits]: Args, tf: TF): tfTypes.Tensor {
  return tf.tidy(() => tf.neg(tf.mean(tf.sum(tf.mul(labels, tf.logSoftmax(logits)), -1))));
}

/** n 个随机类别的 one-hot 标签，float32，形状 [n, c]。 */
function randomOneHot(tf: TF, rng: Rng, n: number, c: number): tfTypes.Tensor2D {
  const rows = Array.from({ length: n }, () => {
    const row = new Array<number>(c).fill(0);
    row[rng.int(0, c - 1)] = 1;
    return row;
  });
  return tf.tensor2d(rows, [n, c], 'float32');
}

const suite: CaseSuite = {
  cases: [
    defineCase<Args>({
      name: '单个样本的小例子',
      hint: '先确认单个样本：损失 = −log softmax(z)[正确类别]。',
      inputs: ({ tf }) => [tf.tensor2d([[1, 0, 0]]), tf.tensor2d([[2, 1, 0.1]])],
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: 'logits 为 ±1000 时不溢出',
      hint: 'exp(1000) 在 float32 里是 Infinity。每行先减去该行最大值（log-sum-exp 技巧），再取 exp。',
      inputs: ({ tf }) => [
        tf.tensor2d([
          [0, 1, 0],
          [0, 1, 0],
          [0, 0, 1],
          [1, 0, 0],
        ]),
        tf.tensor2d([
          [1000, -1000, 0],
          [-1000, 1000, 0],
          [0, 0, 1000],
          [-1000, -1000, -1000],
        ]),
      ],
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '所有 logits 都很大且接近',
      hint: '整行同时加上一个常数不改变 softmax；减去最大值后 exp 的参数都 ≤ 0。',
      inputs: ({ tf, rng }) => {
        const n = rng.int(2, 5);
        const c = rng.int(3, 6);
        return [randomOneHot(tf, rng, n, c), tf.tidy(() => tf.add(rng.tensor([n, c], -3, 3), 500)) as tfTypes.Tensor2D];
      },
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: 'logits 全为 0 时损失等于 log c',
      hint: '所有类别得分相同时 softmax 是均匀分布，每个样本的损失都是 log c，平均后仍是 log c。',
      inputs: ({ tf, rng }) => {
        const n = rng.int(2, 4);
        const c = rng.int(2, 8);
        return [randomOneHot(tf, rng, n, c), tf.zeros([n, c]) as tfTypes.Tensor2D];
      },
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: 'batch > 1 时对样本求平均',
      hint: '返回的是 batch 内损失的平均值，不是总和；先沿类别维求和，再对 batch 求平均。',
      inputs: ({ tf, rng }) => {
        const n = rng.int(3, 8);
        const c = rng.int(2, 10);
        return [randomOneHot(tf, rng, n, c), rng.tensor([n, c], -5, 5) as tfTypes.Tensor2D];
      },
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '随机的大范围 logits',
      hint: '|logit| 超过约 88 时 exp 就会在 float32 中溢出，需要 log-sum-exp 技巧。',
      inputs: ({ tf, rng }) => {
        const n = rng.int(2, 6);
        const c = rng.int(2, 6);
        return [randomOneHot(tf, rng, n, c), rng.tensor([n, c], -300, 300) as tfTypes.Tensor2D];
      },
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '较大的 batch 与类别数',
      hint: '对 batch 求平均；输出必须是形状为 [] 的标量。',
      inputs: ({ tf, rng }) => {
        const n = rng.int(16, 32);
        const c = rng.int(10, 20);
        return [randomOneHot(tf, rng, n, c), rng.tensor([n, c], -10, 10) as tfTypes.Tensor2D];
      },
      expected: (args, { tf }) => reference(args, tf),
    }),
  ],
};
export default suite;
