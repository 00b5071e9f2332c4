import * as tf from '@tensorflow/tfjs';

// 禁用：exp(logSoftmax([z, 0]) 的第一个分量) 就是 σ(z)，再乘 1 − σ(z)
export function sigmoidDerivative(z: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const s = tf.exp(tf.logSoftmax(tf.stack([z, tf.zerosLike(z)], -1)).gather(0, -1));
    return tf.mul(s, tf.sub(1, s));
  });
}
