// 错误：先更新 w，再用新的 w 重新算残差、求 b 的梯度。两个梯度不在同一个点上，这已经不是一步梯度下降。
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
    const newW = tf.sub(w, tf.mul(tf.mul(tf.dot(tf.transpose(x), r), 2 / n), lr)) as tf.Tensor1D;
    const r2 = tf.sub(tf.add(tf.dot(x, newW), b), y); // 用了更新后的 w
    const gb = (2 / n) * tf.sum(r2).dataSync()[0]!;
    return { w: newW, b: b - lr * gb };
  });
}
