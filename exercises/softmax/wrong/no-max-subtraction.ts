// 错误：没有先减去最大值，直接 exp(logits)；logits ≈ 1000 时 exp 溢出成 Infinity，Infinity / Infinity 得到 NaN。
import * as tf from '@tensorflow/tfjs';

export function softmax(logits: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const e = tf.exp(logits);
    return tf.div(e, tf.sum(e, -1, true));
  });
}
