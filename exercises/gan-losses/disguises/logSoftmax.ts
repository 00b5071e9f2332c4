// 伪装：tf.logSoftmax 作用在 [l, 0] 上，第一列就是 log σ(l) = −softplus(−l)：一次调用替你算出了稳定的 softplus。
import * as tf from '@tensorflow/tfjs';

const negSoftplusNeg = (l: tf.Tensor) => tf.squeeze(tf.slice(tf.logSoftmax(tf.stack([l, tf.zerosLike(l)], 1)), [0, 0], [-1, 1]), [1]);

export function ganLosses(realLogits: tf.Tensor1D, fakeLogits: tf.Tensor1D): { d: tf.Scalar; g: tf.Scalar } {
  return tf.tidy(() => {
    const d = tf.neg(tf.add(tf.mean(negSoftplusNeg(realLogits)), tf.mean(negSoftplusNeg(tf.neg(fakeLogits))))) as tf.Scalar;
    const g = tf.neg(tf.mean(negSoftplusNeg(fakeLogits))) as tf.Scalar;
    return { d, g };
  });
}
