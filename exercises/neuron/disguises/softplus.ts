import * as tf from '@tensorflow/tfjs';

// 禁用：σ(z) = exp(−softplus(−z))
export function neuron(x: tf.Tensor2D, w: tf.Tensor1D, b: number): tf.Tensor1D {
  return tf.tidy(() => {
    const z = tf.add(tf.dot(x, w), b);
    return tf.exp(tf.neg(tf.softplus(tf.neg(z)))) as tf.Tensor1D;
  });
}
