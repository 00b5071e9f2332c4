import * as tf from '@tensorflow/tfjs';

// 禁用：交叉熵 = mean(logSumExp(z) − Σ y·z)：±1000 时不溢出的那一步由 logSumExp 完成
export function softmaxCrossEntropy(labels: tf.Tensor2D, logits: tf.Tensor2D): tf.Scalar {
  return tf.tidy(() => tf.mean(tf.sub(tf.logSumExp(logits, -1), tf.sum(tf.mul(labels, logits), -1)))) as tf.Scalar;
}
