import type * as tfTypes from '@tensorflow/tfjs';
import { defineCase, type CaseSuite, type Rng, type TF } from '../../src/grader/types';

interface Params {
  w1: tfTypes.Tensor2D;
  b1: tfTypes.Tensor1D;
  w2: tfTypes.Tensor2D;
  b2: tfTypes.Tensor1D;
}
type Args = [tfTypes.Tensor2D, tfTypes.Tensor2D, Params];

/** 参考答案：用 tf.grads 对 L = mean((relu(x·W1 + b1)·W2 + b2 − y)²) 自动求导。 */
function reference([x, y, p]: Args, tf: TF) {
  const loss = (w1: tfTypes.Tensor, b1: tfTypes.Tensor, w2: tfTypes.Tensor, b2: tfTypes.Tensor): tfTypes.Tensor =>
    tf.mean(tf.square(tf.sub(tf.add(tf.matMul(tf.relu(tf.add(tf.matMul(x, w1), b1)), w2), b2), y)));
  const [dw1, db1, dw2, db2] = tf.grads(loss)([p.w1, p.b1, p.w2, p.b2]);
  return { dw1, db1, dw2, db2 };
}

/**
 * 随机网络：x [n, d]、y [n, k]、W1 [d, m]、b1 [m]、W2 [m, k]、b2 [k]。
 * 连续随机数几乎不可能让预激活恰好为 0，所以 ReLU 在 0 处的导数不会影响结果。
 */
function randomNet(rng: Rng, n: number, d: number, m: number, k: number, yScale = 2): Args {
  return [
    rng.tensor([n, d], -1, 1) as tfTypes.Tensor2D,
    rng.tensor([n, k], -yScale, yScale) as tfTypes.Tensor2D,
    {
      w1: rng.tensor([d, m], -1, 1) as tfTypes.Tensor2D,
      b1: rng.tensor([m], -0.5, 0.5) as tfTypes.Tensor1D,
      w2: rng.tensor([m, k], -1, 1) as tfTypes.Tensor2D,
      b2: rng.tensor([k], -0.5, 0.5) as tfTypes.Tensor1D,
    },
  ];
}

const suite: CaseSuite = {
  cases: [
    defineCase<Args>({
      name: '单个样本、单个输出的小例子',
      hint: 'n = k = 1 时 dŷ = 2(ŷ − y)；先核对 dW2 = hᵀ·dŷ 和 db2，再往回传到第一层。',
      inputs: ({ tf }) => [
        tf.tensor2d([[1, 2]]),
        tf.tensor2d([[1]]),
        {
          w1: tf.tensor2d([
            [1, -1],
            [0.5, -1],
          ]),
          b1: tf.tensor1d([0, 0.5]),
          w2: tf.tensor2d([[1], [3]]),
          b2: tf.tensor1d([0.5]),
        },
      ],
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '部分隐藏单元的预激活为负',
      hint: 'ReLU 在 z < 0 处导数为 0：这些隐藏单元对应的 dW1 列和 db1 分量必须为 0。',
      inputs: ({ tf, rng }) => {
        const [x, y, p] = randomNet(rng, 5, 3, 6, 2);
        // 一半隐藏单元的偏置为 −4：|x·W1| < 3，所以这些单元对所有样本都关闭；另一半开闭参半
        const b1 = tf.tensor1d(Array.from({ length: 6 }, (_, i) => (i % 2 === 0 ? -4 : rng.uniform(-0.3, 0.3))));
        p.b1.dispose();
        return [x, y, { ...p, b1 }];
      },
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: 'n > 1、k > 1 的随机网络',
      hint: '偏置的梯度要沿 batch 维（axis 0）求和；矩阵梯度注意转置：dW2 = hᵀ·dŷ，dh = dŷ·W2ᵀ。',
      inputs: ({ rng }) => randomNet(rng, rng.int(3, 6), rng.int(2, 4), rng.int(3, 6), rng.int(2, 3)),
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: 'k > 1 时对全部 n·k 个元素求平均',
      hint: 'L 是 (ŷ − y)² 全部 n·k 个元素的平均，dŷ = 2(ŷ − y)/(n·k)，不是除以 n。',
      inputs: ({ rng }) => randomNet(rng, 4, 3, 4, 5),
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '较大的 batch（n = 32）',
      hint: '每个参数的梯度是所有样本贡献之和（已经包含 1/(n·k) 的因子）；形状与参数本身相同。',
      inputs: ({ rng }) => randomNet(rng, 32, 4, 8, 3),
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '预测与目标相差很大',
      hint: '梯度与误差 ŷ − y 成正比，别忘了平方求导带来的系数 2。',
      inputs: ({ rng }) => randomNet(rng, 6, 3, 5, 2, 20),
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '随机形状的网络',
      hint: '检查每个梯度的形状：dW1 [d, m]、db1 [m]、dW2 [m, k]、db2 [k]。',
      inputs: ({ rng }) => randomNet(rng, rng.int(1, 10), rng.int(1, 6), rng.int(1, 8), rng.int(1, 4)),
      expected: (args, { tf }) => reference(args, tf),
    }),
  ],
};
export default suite;
