import * as tf from '@tensorflow/tfjs';

// 允许：σ(z) = (1 + tanh(z/2)) / 2：它同样不会溢出，但 tanh 不是 σ 本身，这个恒等式本身就值得知道，所以允许
export function sigmoid(z: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tf.mul(0.5, tf.add(1, tf.tanh(tf.mul(0.5, z)))));
}
