// 错误：直接用求导得到的 e^(−z) / (1 + e^(−z))²；z = −1000 时分子分母都是 Infinity，结果是 NaN。
import * as tf from '@tensorflow/tfjs';

export function sigmoidDerivative(z: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const e = tf.exp(tf.neg(z));
    return tf.div(e, tf.square(tf.add(1, e)));
  });
}
