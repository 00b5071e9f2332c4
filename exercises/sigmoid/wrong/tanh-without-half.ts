// 错误：记错了恒等式 σ(z) = (1 + tanh(z/2)) / 2，漏掉了 z/2 里的 1/2，算成了 (1 + tanh(z)) / 2。
import * as tf from '@tensorflow/tfjs';

export function sigmoid(z: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tf.div(tf.add(1, tf.tanh(z)), 2));
}
