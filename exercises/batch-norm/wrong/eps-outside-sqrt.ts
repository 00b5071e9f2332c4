// 错误：把 ε 加在了标准差上，(x − μ) / (σ + ε)，而不是加在方差上、放进根号里 (x − μ) / √(σ² + ε)。
// 方差很大时两者几乎一样；方差很小（比 ε 还小）时差别很大。
import * as tf from '@tensorflow/tfjs';

export function batchNorm(x: tf.Tensor2D, gamma: tf.Tensor1D, beta: tf.Tensor1D, eps = 1e-5): tf.Tensor2D {
  return tf.tidy(() => {
    const mu = tf.mean(x, 0, true);
    const centered = tf.sub(x, mu);
    const std = tf.sqrt(tf.mean(tf.square(centered), 0, true));
    return tf.add(tf.mul(tf.div(centered, tf.add(std, eps)), gamma), beta) as tf.Tensor2D;
  });
}
