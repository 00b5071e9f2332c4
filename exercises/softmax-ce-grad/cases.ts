import type * as tfTypes from '@tensorflow/tfjs';
import { defineCase, type CaseSuite, type Rng, type TF } from '../../src/grader/types';

/** labels [n, q]（one-hot）、logits [n, q]。 */
type Args = [tfTypes.Tensor2D, tfTypes.Tensor2D];

/**
 * 参考答案：(softmax(Z) − Y) / n，用 tf.softmax。
 * 不用 tf.grad(tf.losses.softmaxCrossEntropy)：在 logit 为 ±1000 时它与精确值差约 1e−5。
 */
function reference([labels, logits]: Args, tf: TF): tfTypes.Tensor {
  return tf.tidy(() => tf.div(tf.sub(tf.softmax(logits), labels), logits.shape[0]));
}

/** n 个样本、q 个类别：每行随机一个正确类别的 one-hot 标签，logit 在 [−scale, scale) 内均匀分布。 */
function randomBatch(tf: TF, rng: Rng, n: number, q: number, scale: number): Args {
  const labels = Array.from({ length: n }, () => rng.int(0, q - 1));
  return [tf.oneHot(tf.tensor1d(labels, 'int32'), q).toFloat() as tfTypes.Tensor2D, rng.tensor([n, q], -scale, scale) as tfTypes.Tensor2D];
}

const suite: CaseSuite = {
  cases: [
    defineCase<Args>({
      name: '第 4 章的例子：两个样本、三个类别',
      hint: 'logit [[2, 1, 0.1], [0, 0, 0]]、标签 [[1, 0, 0], [0, 0, 1]]：第一行 softmax ≈ [0.659, 0.242, 0.099]，减去标签得 [−0.341, 0.242, 0.099]；再除以样本数 n = 2。',
      inputs: ({ tf }) => [
        tf.tensor2d([
          [1, 0, 0],
          [0, 0, 1],
        ]),
        tf.tensor2d([
          [2, 1, 0.1],
          [0, 0, 0],
        ]),
      ],
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '只有一个样本（n = 1）',
      hint: 'n = 1 时梯度就是 softmax(z) − y：正确类别的分量是 ŷₖ − 1 < 0，其余分量是 ŷₖ > 0，整行之和为 0。',
      inputs: ({ tf, rng }) => randomBatch(tf, rng, 1, rng.int(3, 6), 3),
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '两个类别（q = 2）',
      hint: '两类时 softmax([z₁, z₂]) 的第一个分量就是 σ(z₁ − z₂)；梯度的两列互为相反数。',
      inputs: ({ tf, rng }) => randomBatch(tf, rng, rng.int(3, 8), 2, 4),
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: 'logit 为 ±1000 时不溢出',
      hint: 'e^1000 在 float32 里是 Infinity。每一行先减去这一行的最大值，exp 的参数就都 ≤ 0，结果有限。',
      inputs: ({ tf }) => [
        tf.tensor2d([
          [0, 0, 1],
          [1, 0, 0],
          [0, 1, 0],
        ]),
        tf.tensor2d([
          [1000, 1001, 1002],
          [-1000, -1001, -1002],
          [1000, -1000, 0],
        ]),
      ],
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '一批里各行的量级相差悬殊',
      hint: '最大值要逐行取（tf.max(logits, -1, true)）。减去整个张量的最大值 1000 时，第二行 [0.001, 0.002, 0.003] 变成约 −1000，exp 全部下溢成 0，0/0 得到 NaN。',
      inputs: ({ tf, rng }) => {
        const rows = [
          [1000, 999, 998].map((v) => v + rng.uniform(-0.5, 0.5)),
          [0.001, 0.002, 0.003],
          [-1000, -990, -1005].map((v) => v + rng.uniform(-0.5, 0.5)),
          [rng.uniform(-3, 3), rng.uniform(-3, 3), rng.uniform(-3, 3)],
        ];
        return [
          tf.tensor2d([
            [1, 0, 0],
            [0, 1, 0],
            [0, 0, 1],
            [0, 1, 0],
          ]),
          tf.tensor2d(rows),
        ];
      },
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '较大的 batch（n = 32、q = 10）：对 batch 求平均',
      hint: 'L 是 n 个样本损失的平均，梯度的每个元素都要除以 n = 32；不除以 n 就大了 32 倍，也不要除以 n·q。',
      inputs: ({ tf, rng }) => randomBatch(tf, rng, 32, 10, 5),
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '随机形状的 batch',
      hint: '返回的形状与 logits 完全相同 [n, q]；每一行的和应当为 0。',
      inputs: ({ tf, rng }) => randomBatch(tf, rng, rng.int(2, 12), rng.int(3, 8), rng.pick([1, 10, 50])),
      expected: (args, { tf }) => reference(args, tf),
    }),
  ],
};
export default suite;
