// 错误：对 labels·logProbs 的全部 n×c 个元素求平均，多除了一个类别数 c（应先沿类别求和，再对 batch 求平均）。
import * as tf from '@tensorflow/tfjs';

export function softmaxCrossEntropy(labels: tf.Tensor2D, logits: tf.Tensor2D): tf.Scalar {
  return tf.tidy(() => {
    const m = tf.max(logits, -1, true);
    const shifted = tf.sub(logits, m);
    const logProbs = tf.sub(shifted, tf.log(tf.sum(tf.exp(shifted), -1, true)));
    return tf.neg(tf.mean(tf.mul(labels, logProbs))) as tf.Scalar;
  });
}
