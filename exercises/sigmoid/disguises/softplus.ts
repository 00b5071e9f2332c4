import * as tf from '@tensorflow/tfjs';

// 禁用：σ(z) = exp(−softplus(−z))
export function sigmoid(z: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tf.exp(tf.neg(tf.softplus(tf.neg(z)))));
}
