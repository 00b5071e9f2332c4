import type * as tfTypes from '@tensorflow/tfjs';
import { defineCase, type CaseSuite, type Rng, type TF } from '../../src/grader/types';

/** x [n, d]、y [n]、w [d]、b、学习率 η。 */
type Args = [tfTypes.Tensor2D, tfTypes.Tensor1D, tfTypes.Tensor1D, number, number];

/**
 * 参考答案：用 tf.grads 对 L(w, b) = mean((x·w + b − y)²) 自动求导，再在同一个点上同时更新。
 * 学习者不能用自动求导；这里用它，期望值就与学习者手推的公式无关。
 */
function reference([x, y, w, b, lr]: Args, tf: TF): { w: tfTypes.Tensor; b: number } {
  return tf.tidy(() => {
    const loss = (wv: tfTypes.Tensor, bv: tfTypes.Tensor): tfTypes.Tensor => tf.mean(tf.square(tf.sub(tf.add(tf.dot(x, wv), bv), y)));
    const [gw, gb] = tf.grads(loss)([w, tf.scalar(b)]);
    return { w: tf.sub(w, tf.mul(gw!, lr)), b: b - lr * gb!.dataSync()[0]! };
  });
}

/** 随机的线性回归问题：y 来自另一组“真”参数加噪声，所以起点的残差有正有负。 */
function randomProblem(tf: TF, rng: Rng, n: number, d: number, lr: number): Args {
  const x = rng.tensor([n, d], -2, 2) as tfTypes.Tensor2D;
  const trueW = rng.array(d, -3, 3);
  const trueB = rng.uniform(-2, 2);
  const xs = x.arraySync() as number[][];
  const y = xs.map((row) => row.reduce((s, v, j) => s + v * trueW[j]!, trueB) + rng.uniform(-0.5, 0.5));
  return [x, tf.tensor1d(y), rng.tensor([d], -1, 1) as tfTypes.Tensor1D, rng.uniform(-1, 1), lr];
}

const suite: CaseSuite = {
  cases: [
    defineCase<Args>({
      name: '第 1 章的房价：原始面积',
      hint: 'w = [2]、b = 50 时残差是 [10, −15, −10]：∂L/∂b = (2/3)(−15) = −10，∂L/∂w = (2/3)(10·60 − 15·80 − 10·100) ≈ −1066.67。η = 10⁻⁴ 时新的 w ≈ 2.10667，b = 50.001。别漏了平方求导带来的系数 2。',
      inputs: ({ tf }) => [tf.tensor2d([[60], [80], [100]]), tf.tensor1d([160, 225, 260]), tf.tensor1d([2]), 50, 1e-4],
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '标准化之后 η = 0.5 一步走到最小点',
      hint: '标准化的面积 u = [−1.2247, 0, 1.2247] 让 L 对两个参数的弯曲程度相同（二阶导数都是 2），η = 0.5 = 1/2 正好一步落在最小点 w ≈ 40.82、b = 215。',
      inputs: ({ tf }) => {
        const s = Math.sqrt(800 / 3); // 面积 60、80、100 的（总体）标准差
        return [tf.tensor2d([[-20 / s], [0], [20 / s]]), tf.tensor1d([160, 225, 260]), tf.tensor1d([2 * s]), 210, 0.5];
      },
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '两个梯度都在更新前的同一个点上计算',
      hint: 'x = [[1], [2]]、y = [0, 0]、w = [1]、b = 0、η = 0.25：残差 [1, 2]，∂L/∂w = 5，∂L/∂b = 3，所以 w = −0.25、b = −0.75。如果先把 w 改成 −0.25 再用新残差算 b 的梯度，b 会错成 0.1875。',
      inputs: ({ tf }) => [tf.tensor2d([[1], [2]]), tf.tensor1d([0, 0]), tf.tensor1d([1]), 0, 0.25],
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '只有一个样本（n = 1）',
      hint: 'n = 1 时 ∂L/∂b = 2r，∂L/∂w = 2r·x。返回的 w 形状仍是 [d]，b 是一个数字。',
      inputs: ({ tf, rng }) => randomProblem(tf, rng, 1, rng.int(2, 4), 0.1),
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '多个特征（d > 1）的随机数据',
      hint: '∂L/∂w = (2/n) Xᵀr 的形状是 [d]：第 j 个分量是残差与第 j 个特征的乘积之和，再乘 2/n。',
      inputs: ({ tf, rng }) => randomProblem(tf, rng, rng.int(5, 12), rng.int(2, 6), rng.pick([0.01, 0.05, 0.1])),
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '较大的 batch（n = 64）：梯度是平均，不是求和',
      hint: 'L 是 n 个平方误差的平均，两个梯度都带 1/n。求和而不平均，梯度会大 n 倍。',
      inputs: ({ tf, rng }) => randomProblem(tf, rng, 64, rng.int(3, 8), 0.05),
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '学习率为 0 时参数不变',
      hint: 'η = 0 时一步也不走：返回的 w 与输入的 w 相同，b 也相同（b 必须是数字，不是张量）。',
      inputs: ({ tf, rng }) => randomProblem(tf, rng, rng.int(3, 8), rng.int(1, 4), 0),
      expected: (args, { tf }) => reference(args, tf),
    }),
  ],
};
export default suite;
