import * as tf from '@tensorflow/tfjs';

/**
 * 一个 sigmoid 神经元：a = σ(x·w + b)，对一批样本同时计算。
 * x: [n, d]，每行一个样本；w: [d]，权重；b: 偏置（普通数字）。返回 [n]，每个样本一个激活值。
 */
export function neuron(x: tf.Tensor2D, w: tf.Tensor1D, b: number): tf.Tensor1D {
  return tf.tidy(() => {
    // 第一步（已经写好）：加权和 z = x·w + b，形状 [n]
    const z = tf.add(tf.dot(x, w), b);
    // TODO: 第二步，逐元素计算 σ(z) = 1 / (1 + e^(−z))，不能用 tf.sigmoid
    // TODO: z = ±1000 时 exp 会溢出成 Infinity，结果不能出现 NaN
    return tf.zerosLike(z) as tf.Tensor1D;
  });
}
