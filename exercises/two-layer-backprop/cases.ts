import type * as tfTypes from '@tensorflow/tfjs';
import { defineCase, type CaseSuite, type Rng, type TF } from '../../src/grader/types';

interface Params {
  w1: tfTypes.Tensor2D;
  b1: tfTypes.Tensor1D;
  w2: tfTypes.Tensor2D;
  b2: tfTypes.Tensor1D;
}
type Args = [tfTypes.Tensor2D, tfTypes.Tensor2D, Params];

/** 参考答案：用 tf.grads 对 L = mean((relu(X·W⁽¹⁾ + b⁽¹⁾)·W⁽²⁾ + b⁽²⁾ − Y)²) 自动求导。 */
function reference([x, y, p]: Args, tf: TF) {
  const loss = (w1: tfTypes.Tensor, b1: tfTypes.Tensor, w2: tfTypes.Tensor, b2: tfTypes.Tensor): tfTypes.Tensor =>
    tf.mean(tf.square(tf.sub(tf.add(tf.matMul(tf.relu(tf.add(tf.matMul(x, w1), b1)), w2), b2), y)));
  const [dw1, db1, dw2, db2] = tf.grads(loss)([p.w1, p.b1, p.w2, p.b2]);
  return { dw1, db1, dw2, db2 };
}

/**
 * 随机网络：X [n, d]、Y [n, q]、W⁽¹⁾ [d, h]、b⁽¹⁾ [h]、W⁽²⁾ [h, q]、b⁽²⁾ [q]。
 * 连续随机数几乎不可能让预激活恰好为 0，所以 ReLU 在 0 处的导数不会影响结果。
 */
function randomNet(rng: Rng, n: number, d: number, h: number, q: number, yScale = 2): Args {
  return [
    rng.tensor([n, d], -1, 1) as tfTypes.Tensor2D,
    rng.tensor([n, q], -yScale, yScale) as tfTypes.Tensor2D,
    {
      w1: rng.tensor([d, h], -1, 1) as tfTypes.Tensor2D,
      b1: rng.tensor([h], -0.5, 0.5) as tfTypes.Tensor1D,
      w2: rng.tensor([h, q], -1, 1) as tfTypes.Tensor2D,
      b2: rng.tensor([q], -0.5, 0.5) as tfTypes.Tensor1D,
    },
  ];
}

const suite: CaseSuite = {
  cases: [
    defineCase<Args>({
      name: '单个样本、单个输出的小例子',
      hint: 'n = q = 1 时 δ⁽²⁾ = 2(ŷ − y)；先核对 dW⁽²⁾ = Hᵀ·δ⁽²⁾ 和 db⁽²⁾，再往回传到第一层。',
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
      name: '有的单元对部分样本关闭，有的单元对所有样本关闭',
      hint: 'ReLU 只在 z > 0 处让梯度通过：某个单元对某个样本 z ≤ 0，这个样本就不给它任何梯度（δ 的那一格为 0），但别的样本仍然可以给。只有对所有样本都 z ≤ 0 的单元，dW1 的那一列和 db1 的那一分量才整个为 0。',
      inputs: ({ tf, rng }) => {
        const [x, y, p] = randomNet(rng, 5, 3, 6, 2);
        // 偶数号单元的偏置为 −4：|x·W1| < 3，这些单元对所有样本都关闭（在这批数据上“死”了）；
        // 奇数号单元的偏置接近 0，对有的样本打开、有的样本关闭
        const b1 = tf.tensor1d(Array.from({ length: 6 }, (_, i) => (i % 2 === 0 ? -4 : rng.uniform(-0.3, 0.3))));
        p.b1.dispose();
        return [x, y, { ...p, b1 }];
      },
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: 'n > 1、q > 1 的随机网络',
      hint: '偏置的梯度要沿样本维（axis 0）求和；矩阵梯度注意转置：dW⁽²⁾ = Hᵀ·δ⁽²⁾，∂L/∂H = δ⁽²⁾·W⁽²⁾ᵀ。',
      inputs: ({ rng }) => randomNet(rng, rng.int(3, 6), rng.int(2, 4), rng.int(3, 6), rng.int(2, 3)),
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: 'q > 1 时对全部 n·q 个元素求平均',
      hint: 'L 是 (Ŷ − Y)² 全部 n·q 个元素的平均，δ⁽²⁾ = 2(Ŷ − Y)/(n·q)，不是除以 n。',
      inputs: ({ rng }) => randomNet(rng, 4, 3, 4, 5),
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '较大的 batch（n = 32）',
      hint: '每个参数的梯度是所有样本贡献之和（已经包含 1/(n·q) 的因子）；形状与参数本身相同。',
      inputs: ({ rng }) => randomNet(rng, 32, 4, 8, 3),
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '预测与目标相差很大',
      hint: '梯度与误差 Ŷ − Y 成正比，别忘了平方求导带来的系数 2。',
      inputs: ({ rng }) => randomNet(rng, 6, 3, 5, 2, 20),
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '大网络（P = 68 362 个参数）：数值差分来不及',
      hint: '这个网络 d = 256、h = 256、q = 10、n = 64，共 68 362 个参数。中心差分要做 2P ≈ 13.7 万次前向传播，每次约 436 万次乘加，远远超出时间限制；反向传播只需一次前向加一次反向，几毫秒。',
      inputs: ({ rng }) => randomNet(rng, 64, 256, 256, 10),
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '随机形状的网络',
      hint: '检查每个梯度的形状：dw1 [d, h]、db1 [h]、dw2 [h, q]、db2 [q]。',
      inputs: ({ rng }) => randomNet(rng, rng.int(1, 10), rng.int(1, 6), rng.int(1, 8), rng.int(1, 4)),
      expected: (args, { tf }) => reference(args, tf),
    }),
  ],
};
export default suite;
