// 错误：沿第 1 维（每一行、每个样本）求均值和方差，这是层归一化（layer norm）的做法，不是批归一化。
// 批归一化对每个特征（每一列）在整批样本上归一化。
import * as tf from '@tensorflow/tfjs';

export function batchNorm(x: tf.Tensor2D, gamma: tf.Tensor1D, beta: tf.Tensor1D, eps = 1e-5): tf.Tensor2D {
  return tf.tidy(() => {
    const mu = tf.mean(x, 1, true);
    const centered = tf.sub(x, mu);
    const variance = tf.mean(tf.square(centered), 1, true);
    return tf.add(tf.mul(tf.div(centered, tf.sqrt(tf.add(variance, eps))), gamma), beta) as tf.Tensor2D;
  });
}
