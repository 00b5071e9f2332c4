// 伪装：tf.logSumExp 沿 [l, 0] 这一维求 log(eˡ + e⁰) = softplus(l)：一次调用替你算出了稳定的 softplus。
import * as tf from '@tensorflow/tfjs';

const softplus = (l: tf.Tensor) => tf.logSumExp(tf.stack([l, tf.zerosLike(l)], 1), 1);

export function ganLosses(realLogits: tf.Tensor1D, fakeLogits: tf.Tensor1D): { d: tf.Scalar; g: tf.Scalar } {
  return tf.tidy(() => {
    const d = tf.add(tf.mean(softplus(tf.neg(realLogits))), tf.mean(softplus(fakeLogits))) as tf.Scalar;
    const g = tf.mean(softplus(tf.neg(fakeLogits))) as tf.Scalar;
    return { d, g };
  });
}
