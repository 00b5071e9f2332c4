import * as tf from '@tensorflow/tfjs';

// 禁用：softmax([z, 0]) 的第一个分量就是 σ(z)，溢出的处理也由它完成
export function neuron(x: tf.Tensor2D, w: tf.Tensor1D, b: number): tf.Tensor1D {
  return tf.tidy(() => {
    const z = tf.add(tf.dot(x, w), b);
    return tf.softmax(tf.stack([z, tf.zerosLike(z)], -1)).gather(0, -1) as tf.Tensor1D;
  });
}
