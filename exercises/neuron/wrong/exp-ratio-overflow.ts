// 错误：sigmoid 写成 e^z / (1 + e^z)；加权和为 1000 时 e^z 是 Infinity，Infinity / Infinity 得到 NaN。
import * as tf from '@tensorflow/tfjs';

export function neuron(x: tf.Tensor2D, w: tf.Tensor1D, b: number): tf.Tensor1D {
  return tf.tidy(() => {
    const ez = tf.exp(tf.add(tf.dot(x, w), b));
    return tf.div(ez, tf.add(1, ez)) as tf.Tensor1D;
  });
}
