// 错误：忘了 ε。某一列的值全都相同时方差为 0，(x − μ) / √0 = 0 / 0 = NaN。
import * as tf from '@tensorflow/tfjs';

export function batchNorm(x: tf.Tensor2D, gamma: tf.Tensor1D, beta: tf.Tensor1D, eps = 1e-5): tf.Tensor2D {
  void eps;
  return tf.tidy(() => {
    const mu = tf.mean(x, 0, true);
    const centered = tf.sub(x, mu);
    const variance = tf.mean(tf.square(centered), 0, true);
    return tf.add(tf.mul(tf.div(centered, tf.sqrt(variance)), gamma), beta) as tf.Tensor2D;
  });
}
