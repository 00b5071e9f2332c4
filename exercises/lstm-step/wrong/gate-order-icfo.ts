// 错误：按 tf.basicLSTMCell 的 i, c, f, o（TensorFlow 1 的 i, j, f, o）顺序切块，tf.layers.lstm 的顺序是 i, f, c, o。
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
    const z = tf.add(tf.add(tf.matMul(x, kernel), tf.matMul(h, recurrent)), bias);
    const [zi, zc, zf, zo] = tf.split(z, 4, 1);
    const cNext = tf.add(tf.mul(tf.sigmoid(zf!), c), tf.mul(tf.sigmoid(zi!), tf.tanh(zc!)));
    const hNext = tf.mul(tf.sigmoid(zo!), tf.tanh(cNext));
    return { h: hNext as tf.Tensor2D, c: cNext as tf.Tensor2D };
  });
}
