// 错误：把“推理时乘以保留概率”的做法搬到了训练时：保留下来的元素乘以 1 − rate，而不是除以它。
import * as tf from '@tensorflow/tfjs';

export function dropout(x: tf.Tensor, rate: number, u: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tf.mul(tf.mul(x, tf.cast(tf.greaterEqual(u, rate), 'float32')), 1 - rate));
}
