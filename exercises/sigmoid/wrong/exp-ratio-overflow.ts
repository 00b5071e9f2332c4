// 错误：用 e^z / (1 + e^z) 计算；z = 1000 时 e^z 是 Infinity，Infinity / Infinity 得到 NaN。
import * as tf from '@tensorflow/tfjs';

export function sigmoid(z: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const ez = tf.exp(z);
    return tf.div(ez, tf.add(1, ez));
  });
}
