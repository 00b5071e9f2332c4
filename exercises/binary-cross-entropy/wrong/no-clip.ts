// 错误：没有裁剪概率。p = 0 且 y = 1（或 p = 1 且 y = 0）时 log 得到 −Infinity，
// 另一项的 0 × (−Infinity) 又是 NaN，整个平均值变成 NaN。
import * as tf from '@tensorflow/tfjs';

export function binaryCrossEntropy(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    const a = tf.mul(yTrue, tf.log(yPred));
    const b = tf.mul(tf.sub(1, yTrue), tf.log(tf.sub(1, yPred)));
    return tf.neg(tf.mean(tf.add(a, b))) as tf.Scalar;
  });
}
