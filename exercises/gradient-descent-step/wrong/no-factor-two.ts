// 错误：对 rᵢ² 求导时漏了系数 2，两个梯度都只有正确值的一半，每一步只走了一半。
import * as tf from '@tensorflow/tfjs';

export function gradientDescentStep(
  x: tf.Tensor2D,
  y: tf.Tensor1D,
  w: tf.Tensor1D,
  b: number,
  lr: number,
): { w: tf.Tensor1D; b: number } {
  return tf.tidy(() => {
    const n = x.shape[0];
    const r = tf.sub(tf.add(tf.dot(x, w), b), y);
    const gw = tf.div(tf.dot(tf.transpose(x), r), n); // 应为 (2/n) Xᵀ r
    const gb = tf.mean(r).dataSync()[0]!; // 应为 (2/n) Σ rᵢ
    return { w: tf.sub(w, tf.mul(gw, lr)) as tf.Tensor1D, b: b - lr * gb };
  });
}
