// 错误：ε 写死成 1e-5，调用者传进来的 eps 被忽略了。
import * as tf from '@tensorflow/tfjs';

export function batchNorm(x: tf.Tensor2D, gamma: tf.Tensor1D, beta: tf.Tensor1D, eps?: number): tf.Tensor2D {
  void eps;
  return tf.tidy(() => {
    const mu = tf.mean(x, 0, true);
    const centered = tf.sub(x, mu);
    const variance = tf.mean(tf.square(centered), 0, true);
    return tf.add(tf.mul(tf.div(centered, tf.sqrt(tf.add(variance, 1e-5))), gamma), beta) as tf.Tensor2D;
  });
}
