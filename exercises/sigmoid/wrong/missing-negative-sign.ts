// 错误：忘了指数上的负号，算成了 1 / (1 + e^z)，也就是 σ(−z)。
import * as tf from '@tensorflow/tfjs';

export function sigmoid(z: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tf.div(1, tf.add(1, tf.exp(z))));
}
