// 伪装：自己算出均值和方差，再交给 tf.batchNorm 做归一化、缩放和平移。tf.batchNorm 本题禁用，必须被判为禁用。
import * as tf from '@tensorflow/tfjs';

export function batchNorm(x: tf.Tensor2D, gamma: tf.Tensor1D, beta: tf.Tensor1D, eps = 1e-5): tf.Tensor2D {
  return tf.tidy(() => {
    const mu = tf.mean(x, 0);
    const variance = tf.mean(tf.square(tf.sub(x, mu)), 0);
    return tf.batchNorm(x, mu, variance, beta, gamma, eps) as tf.Tensor2D;
  });
}
