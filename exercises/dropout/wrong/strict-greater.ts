// 错误：用 u > rate 判断保留。u 恰好等于 rate 的元素被丢掉了（rate = 0 时 u = 0 的元素也被丢掉）。
import * as tf from '@tensorflow/tfjs';

export function dropout(x: tf.Tensor, rate: number, u: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tf.div(tf.mul(x, tf.cast(tf.greater(u, rate), 'float32')), 1 - rate));
}
