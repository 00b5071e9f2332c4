// 错误：门用了 tfjs 的默认 hardSigmoid = clip(0.2z + 0.5, 0, 1)，题目要求的是标准 sigmoid。
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
    const hard = (t: tf.Tensor) => tf.clipByValue(tf.add(tf.mul(t, 0.2), 0.5), 0, 1);
    const [zi, zf, zc, zo] = tf.split(z, 4, 1);
    const cNext = tf.add(tf.mul(hard(zf!), c), tf.mul(hard(zi!), tf.tanh(zc!)));
    const hNext = tf.mul(hard(zo!), tf.tanh(cNext));
    return { h: hNext as tf.Tensor2D, c: cNext as tf.Tensor2D };
  });
}
