// 伪装：tf.moments 一步给出均值和（有偏）方差，就是这道题的一半。本题禁用它，这份代码必须被判为禁用。
import * as tf from '@tensorflow/tfjs';

export function batchNorm(x: tf.Tensor2D, gamma: tf.Tensor1D, beta: tf.Tensor1D, eps = 1e-5): tf.Tensor2D {
  return tf.tidy(() => {
    const { mean, variance } = tf.moments(x, 0, true);
    return tf.add(tf.mul(tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, eps))), gamma), beta) as tf.Tensor2D;
  });
}
