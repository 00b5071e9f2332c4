import * as tf from '@tensorflow/tfjs';

/**
 * 批归一化，训练模式：用这一批数据自己的均值和方差。
 * x: [n, d]（n 个样本，每行一个）；gamma、beta: [d]；eps: 加在方差上的小常数，默认 1e-5。
 * 返回 [n, d]：y = γ · (x − μ_B) / √(σ²_B + ε) + β，μ_B 和 σ²_B 按列（每个特征）计算。
 */
export function batchNorm(x: tf.Tensor2D, gamma: tf.Tensor1D, beta: tf.Tensor1D, eps = 1e-5): tf.Tensor2D {
  return tf.tidy(() => {
    const mu = tf.mean(x, 0, true); // [1, d]：每个特征在这一批里的均值
    const centered = tf.sub(x, mu);
    const variance = tf.mean(tf.square(centered), 0, true); // [1, d]：有偏方差，除以 n
    const xHat = tf.div(centered, tf.sqrt(tf.add(variance, eps))); // ε 在根号里：方差为 0 时也不会除以 0
    return tf.add(tf.mul(xHat, gamma), beta) as tf.Tensor2D; // γ、β 广播到每一行
  });
}
