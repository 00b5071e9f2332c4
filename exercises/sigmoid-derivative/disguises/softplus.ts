import * as tf from '@tensorflow/tfjs';

// 禁用：先得 σ(z) = exp(−softplus(−z))，再乘 1 − σ(z)
export function sigmoidDerivative(z: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const s = tf.exp(tf.neg(tf.softplus(tf.neg(z))));
    return tf.mul(s, tf.sub(1, s));
  });
}
