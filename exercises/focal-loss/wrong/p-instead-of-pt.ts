// 错误：调制因子写成 (1 − p)^γ 而不是 (1 − p_t)^γ。对 y = 0 的样本，
// 本来“容易”（p 很小）的负样本反而得到接近 1 的权重，难易关系完全反了。
import * as tf from '@tensorflow/tfjs';

export function focalLoss(yTrue: tf.Tensor, p: tf.Tensor, gamma = 2, alpha = 0.25): tf.Scalar {
  return tf.tidy(() => {
    const pc = tf.clipByValue(p, 1e-7, 1 - 1e-7);
    const notY = tf.sub(1, yTrue);
    const pt = tf.add(tf.mul(yTrue, pc), tf.mul(notY, tf.sub(1, pc)));
    const alphaT = tf.add(tf.mul(yTrue, alpha), tf.mul(notY, 1 - alpha));
    const per = tf.mul(tf.mul(alphaT, tf.pow(tf.sub(1, pc), gamma)), tf.log(pt));
    return tf.neg(tf.mean(per)) as tf.Scalar;
  });
}
