// 错误：把损失当成平方误差之和来求导，梯度没有除以 n，大了 n 倍。
import * as tf from '@tensorflow/tfjs';

export function gradientDescentStep(
  x: tf.Tensor2D,
  y: tf.Tensor1D,
  w: tf.Tensor1D,
  b: number,
  lr: number,
): { w: tf.Tensor1D; b: number } {
  return tf.tidy(() => {
    const r = tf.sub(tf.add(tf.dot(x, w), b), y);
    const gw = tf.mul(tf.dot(tf.transpose(x), r), 2); // 缺了 1/n
    const gb = 2 * tf.sum(r).dataSync()[0]!; // 缺了 1/n
    return { w: tf.sub(w, tf.mul(gw, lr)) as tf.Tensor1D, b: b - lr * gb };
  });
}
