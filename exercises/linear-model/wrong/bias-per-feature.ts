// 错误：把偏置加到了每个特征上再求和（Σ_j (x_ij w_j + b)），偏置被算了 d 次。
import * as tf from '@tensorflow/tfjs';

export function linearModel(x: tf.Tensor2D, w: tf.Tensor1D, b: number): tf.Tensor1D {
  return tf.tidy(() => tf.sum(tf.add(tf.mul(x, w), b), 1) as tf.Tensor1D);
}
