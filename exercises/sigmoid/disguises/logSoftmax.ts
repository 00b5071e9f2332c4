import * as tf from '@tensorflow/tfjs';

// 禁用：exp(logSoftmax([z, 0]) 的第一个分量) 就是 σ(z)
export function sigmoid(z: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tf.exp(tf.logSoftmax(tf.stack([z, tf.zerosLike(z)], -1)).gather(0, -1)));
}
