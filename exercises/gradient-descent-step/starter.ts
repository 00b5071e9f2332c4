import * as tf from '@tensorflow/tfjs';

/**
 * 一步梯度下降：线性回归 ŷ = X·w + b，损失 L = (1/n) Σ (ŷᵢ − yᵢ)²。
 * x: [n, d]，每行一个样本；y: [n]；w: [d]；b、lr: 普通数字。
 * 返回更新后的 { w: [d], b: 数字 }。
 */
export function gradientDescentStep(
  x: tf.Tensor2D,
  y: tf.Tensor1D,
  w: tf.Tensor1D,
  b: number,
  lr: number,
): { w: tf.Tensor1D; b: number } {
  return tf.tidy(() => {
    // 前向（已经写好）：残差 r = X·w + b − y，形状 [n]
    const r = tf.sub(tf.add(tf.dot(x, w), b), y);

    // TODO: 1. ∂L/∂w = (2/n) Xᵀ r，形状 [d]
    // TODO: 2. ∂L/∂b = (2/n) Σ rᵢ，一个数字（张量用 dataSync()[0] 取出）
    // TODO: 3. 同时更新：w − η·∂L/∂w，b − η·∂L/∂b
    void r;
    void lr;
    return { w: tf.clone(w), b };
  });
}
