import * as tf from '@tensorflow/tfjs';

// 禁用：σ(z) = exp(−logSumExp([0, −z]))，数值稳定的部分由 logSumExp 完成
export function neuron(x: tf.Tensor2D, w: tf.Tensor1D, b: number): tf.Tensor1D {
  return tf.tidy(() => {
    const z = tf.add(tf.dot(x, w), b);
    return tf.exp(tf.neg(tf.logSumExp(tf.stack([tf.zerosLike(z), tf.neg(z)], -1), -1))) as tf.Tensor1D;
  });
}
