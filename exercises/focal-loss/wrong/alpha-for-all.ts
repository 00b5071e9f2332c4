// 错误：所有样本都乘 α，没有按标签换成 α_t（负样本应乘 1 − α）。
// 这样 α 只是把整个损失缩放了一个常数，起不到平衡正负样本的作用。
import * as tf from '@tensorflow/tfjs';

export function focalLoss(yTrue: tf.Tensor, p: tf.Tensor, gamma = 2, alpha = 0.25): tf.Scalar {
  return tf.tidy(() => {
    const pc = tf.clipByValue(p, 1e-7, 1 - 1e-7);
    const pt = tf.add(tf.mul(yTrue, pc), tf.mul(tf.sub(1, yTrue), tf.sub(1, pc)));
    const per = tf.mul(tf.mul(alpha, tf.pow(tf.sub(1, pt), gamma)), tf.log(pt));
    return tf.neg(tf.mean(per)) as tf.Scalar;
  });
}
