import * as tf from '@tensorflow/tfjs';

/**
 * 线性模型：ŷ_i = Σ_j x_ij · w_j + b。
 * x: [n, d]，每行一个样本；w: [d]；b: 普通数字。返回形状 [n]（n = 1 时也是 [1]）。
 */
export function linearModel(x: tf.Tensor2D, w: tf.Tensor1D, b: number): tf.Tensor1D {
  return tf.tidy(() => {
    // [n, d] · [d] → [n]：每一行与 w 的内积
    const z = tf.dot(x, w);
    // 偏置加到每个样本上
    return tf.add(z, b) as tf.Tensor1D;
  });
}
