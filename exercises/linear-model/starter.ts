import * as tf from '@tensorflow/tfjs';

/**
 * 线性模型：ŷ_i = Σ_j x_ij · w_j + b。
 * x: [n, d]，每行一个样本；w: [d]；b: 普通数字。返回形状 [n]（n = 1 时也是 [1]）。
 */
export function linearModel(x: tf.Tensor2D, w: tf.Tensor1D, b: number): tf.Tensor1D {
  // TODO: 1. 每一行 x_i 与 w 做内积，得到形状 [n] 的加权和
  // TODO: 2. 加上偏置 b
  void w;
  void b;
  return tf.zeros([x.shape[0]]) as tf.Tensor1D;
}
