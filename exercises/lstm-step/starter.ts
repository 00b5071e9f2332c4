import * as tf from '@tensorflow/tfjs';

/**
 * LSTM 单元的一个时间步（与 tf.layers.lstm 的 recurrentActivation: 'sigmoid' 一致）。
 * x: [n, d]；h、c: [n, u]；kernel: [d, 4u]；recurrent: [u, 4u]；bias: [4u]。
 * 四个门的列块顺序是 i, f, c, o。返回新的 { h, c }，形状都是 [n, u]。
 */
export function lstmStep(
  x: tf.Tensor2D,
  h: tf.Tensor2D,
  c: tf.Tensor2D,
  kernel: tf.Tensor2D,
  recurrent: tf.Tensor2D,
  bias: tf.Tensor1D,
): { h: tf.Tensor2D; c: tf.Tensor2D } {
  return tf.tidy(() => {
    const z = tf.add(tf.add(tf.matMul(x, kernel), tf.matMul(h, recurrent)), bias);
    const [zi, zf, zc, zo] = tf.split(z, 4, 1) as [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor2D];
    // TODO: 用 sigmoid 算出 i、f、o，用 tanh 算出候选值，再更新 c 和 h
    void zi;
    void zf;
    void zc;
    void zo;
    return { h: tf.clone(h), c: tf.clone(c) };
  });
}
