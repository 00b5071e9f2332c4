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
    // 一次算出四个门的预激活：[n, d]·[d, 4u] + [n, u]·[u, 4u] + [4u] → [n, 4u]
    const z = tf.add(tf.add(tf.matMul(x, kernel), tf.matMul(h, recurrent)), bias);
    const [zi, zf, zc, zo] = tf.split(z, 4, 1) as [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor2D];
    const i = tf.sigmoid(zi); // 输入门
    const f = tf.sigmoid(zf); // 遗忘门
    const candidate = tf.tanh(zc); // 候选值 c̃
    const o = tf.sigmoid(zo); // 输出门
    const cNext = tf.add(tf.mul(f, c), tf.mul(i, candidate)) as tf.Tensor2D;
    const hNext = tf.mul(o, tf.tanh(cNext)) as tf.Tensor2D;
    return { h: hNext, c: cNext };
  });
}
