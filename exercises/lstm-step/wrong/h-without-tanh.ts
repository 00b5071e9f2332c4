// 错误：新隐藏状态写成了 h' = o ⊙ c'，少了 tanh：应当是 o ⊙ tanh(c')。
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
    const [zi, zf, zc, zo] = tf.split(z, 4, 1);
    const cNext = tf.add(tf.mul(tf.sigmoid(zf!), c), tf.mul(tf.sigmoid(zi!), tf.tanh(zc!)));
    const hNext = tf.mul(tf.sigmoid(zo!), cNext);
    return { h: hNext as tf.Tensor2D, c: cNext as tf.Tensor2D };
  });
}
