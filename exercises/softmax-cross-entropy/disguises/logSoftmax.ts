import * as tf from '@tensorflow/tfjs';

// 禁用：交叉熵 = −mean(Σ y·logSoftmax(z))
export function softmaxCrossEntropy(labels: tf.Tensor2D, logits: tf.Tensor2D): tf.Scalar {
  return tf.tidy(() => tf.neg(tf.mean(tf.sum(tf.mul(labels, tf.logSoftmax(logits)), -1)))) as tf.Scalar;
}
