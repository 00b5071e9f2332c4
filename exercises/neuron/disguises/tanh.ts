import * as tf from '@tensorflow/tfjs';

// 允许：σ(z) = (1 + tanh(z/2)) / 2：恒等式是你自己的推导，所以允许
export function neuron(x: tf.Tensor2D, w: tf.Tensor1D, b: number): tf.Tensor1D {
  return tf.tidy(() => {
    const z = tf.add(tf.dot(x, w), b);
    return tf.mul(0.5, tf.add(1, tf.tanh(tf.mul(0.5, z)))) as tf.Tensor1D;
  });
}
