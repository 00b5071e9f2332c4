import * as tf from '@tensorflow/tfjs';

// 禁用：σ(z) = exp(−logSumExp([0, −z]))，数值稳定的部分由 logSumExp 完成，再乘 1 − σ(z)
export function sigmoidDerivative(z: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const s = tf.exp(tf.neg(tf.logSumExp(tf.stack([tf.zerosLike(z), tf.neg(z)], -1), -1)));
    return tf.mul(s, tf.sub(1, s));
  });
}
