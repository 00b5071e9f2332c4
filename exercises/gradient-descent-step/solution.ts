import * as tf from '@tensorflow/tfjs';

/**
 * 一步梯度下降：线性回归 ŷ = X·w + b，损失 L = (1/n) Σ (ŷᵢ − yᵢ)²。
 * x: [n, d]，每行一个样本；y: [n]；w: [d]；b、lr: 普通数字。
 * 返回更新后的 { w: [d], b: 数字 }，两个梯度都在更新前的 (w, b) 处计算。
 */
export function gradientDescentStep(
  x: tf.Tensor2D,
  y: tf.Tensor1D,
  w: tf.Tensor1D,
  b: number,
  lr: number,
): { w: tf.Tensor1D; b: number } {
  return tf.tidy(() => {
    const n = x.shape[0];
    // 前向：残差 r = X·w + b − y，形状 [n]
    const r = tf.sub(tf.add(tf.dot(x, w), b), y);
    // ∂L/∂rᵢ = 2rᵢ/n；ŷ 对 w 的导数是 x 的行，对 b 的导数是 1
    const gw = tf.mul(tf.dot(tf.transpose(x), r), 2 / n); // (2/n) Xᵀ r → [d]
    const gb = (2 / n) * tf.sum(r).dataSync()[0]!; // (2/n) Σ rᵢ → 数字
    // 同时更新：θ ← θ − η ∇L
    return { w: tf.sub(w, tf.mul(gw, lr)) as tf.Tensor1D, b: b - lr * gb };
  });
}
