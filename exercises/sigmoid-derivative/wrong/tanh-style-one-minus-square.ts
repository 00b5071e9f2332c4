// 错误：把 tanh 的导数形式 1 − f² 套到了 sigmoid 上，算成 1 − σ²；正确的是 σ·(1 − σ)。
import * as tf from '@tensorflow/tfjs';

export function sigmoidDerivative(z: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const e = tf.exp(tf.neg(tf.abs(z)));
    const s = tf.where(tf.greaterEqual(z, 0), tf.div(1, tf.add(1, e)), tf.div(e, tf.add(1, e)));
    return tf.sub(1, tf.square(s));
  });
}
