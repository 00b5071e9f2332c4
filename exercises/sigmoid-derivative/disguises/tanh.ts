import * as tf from '@tensorflow/tfjs';

// 允许：σ′(z) = (1 − tanh²(z/2)) / 4：推导它本身就是一次求导练习，所以允许
export function sigmoidDerivative(z: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const t = tf.tanh(tf.mul(0.5, z));
    return tf.mul(0.25, tf.sub(1, tf.square(t))); // σ′ = (1 − tanh²(z/2)) / 4
  });
}
