// 错误：没有裁剪 p。p 恰为 0 且 y = 1（或 p 恰为 1 且 y = 0）时 p_t = 0，
// log p_t = −Infinity，这个“完全猜错”的样本让整个平均值变成 Infinity。
import * as tf from '@tensorflow/tfjs';

export function focalLoss(yTrue: tf.Tensor, p: tf.Tensor, gamma = 2, alpha = 0.25): tf.Scalar {
  return tf.tidy(() => {
    const notY = tf.sub(1, yTrue);
    const pt = tf.add(tf.mul(yTrue, p), tf.mul(notY, tf.sub(1, p)));
    const alphaT = tf.add(tf.mul(yTrue, alpha), tf.mul(notY, 1 - alpha));
    const per = tf.mul(tf.mul(alphaT, tf.pow(tf.sub(1, pt), gamma)), tf.log(pt));
    return tf.neg(tf.mean(per)) as tf.Scalar;
  });
}
