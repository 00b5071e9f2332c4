import * as tf from '@tensorflow/tfjs';

// 禁用：softmax([z, 0]) 的第一个分量就是 σ(z)，溢出的处理也由它完成
export function sigmoid(z: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tf.softmax(tf.stack([z, tf.zerosLike(z)], -1)).gather(0, -1));
}
