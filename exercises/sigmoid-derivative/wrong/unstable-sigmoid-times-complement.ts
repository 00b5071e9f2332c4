// 错误：公式 σ·(1 − σ) 是对的，但 σ 写成了 e^z / (1 + e^z)；z = 1000 时 Infinity / Infinity = NaN，NaN 会一直传到导数里。
import * as tf from '@tensorflow/tfjs';

export function sigmoidDerivative(z: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const ez = tf.exp(z);
    const s = tf.div(ez, tf.add(1, ez));
    return tf.mul(s, tf.sub(1, s));
  });
}
