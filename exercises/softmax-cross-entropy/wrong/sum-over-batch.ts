// 错误：对 batch 求和而不是求平均，batch > 1 时损失被放大了 n 倍。
import * as tf from '@tensorflow/tfjs';

export function softmaxCrossEntropy(labels: tf.Tensor2D, logits: tf.Tensor2D): tf.Scalar {
  return tf.tidy(() => {
    const m = tf.max(logits, -1, true);
    const shifted = tf.sub(logits, m);
    const logProbs = tf.sub(shifted, tf.log(tf.sum(tf.exp(shifted), -1, true)));
    return tf.neg(tf.sum(tf.mul(labels, logProbs))) as tf.Scalar;
  });
}
