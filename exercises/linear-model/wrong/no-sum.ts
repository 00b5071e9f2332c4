// 错误：只做了逐元素相乘 x * w，忘了沿特征维求和，得到形状 [n, d] 而不是 [n]。
import * as tf from '@tensorflow/tfjs';

export function linearModel(x: tf.Tensor2D, w: tf.Tensor1D, b: number): tf.Tensor1D {
  return tf.tidy(() => tf.add(tf.mul(x, w), b) as tf.Tensor1D);
}
