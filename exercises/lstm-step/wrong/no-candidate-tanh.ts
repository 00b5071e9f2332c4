// 错误：候选值没有过 tanh：c' = f ⊙ c + i ⊙ z_c，应当是 i ⊙ tanh(z_c)。
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
    const cNext = tf.add(tf.mul(tf.sigmoid(zf!), c), tf.mul(tf.sigmoid(zi!), zc!));
    const hNext = tf.mul(tf.sigmoid(zo!), tf.tanh(cNext));
    return { h: hNext as tf.Tensor2D, c: cNext as tf.Tensor2D };
  });
}
