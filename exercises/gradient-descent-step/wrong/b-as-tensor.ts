// 错误：b 按张量返回。契约要求 b 是普通数字（和传进来的 b 一样），要用 dataSync()[0] 取出来。
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
    const gw = tf.mul(tf.dot(tf.transpose(x), r), 2 / n);
    const gb = tf.mul(tf.sum(r), 2 / n);
    const newB = tf.sub(b, tf.mul(gb, lr)) as unknown as number; // 其实是一个标量张量
    return { w: tf.sub(w, tf.mul(gw, lr)) as tf.Tensor1D, b: newB };
  });
}
