import * as tf from '@tensorflow/tfjs';

// 禁用：交叉熵 = −mean(Σ y·log softmax(z))，归一化由 softmax 完成
export function softmaxCrossEntropy(labels: tf.Tensor2D, logits: tf.Tensor2D): tf.Scalar {
  return tf.tidy(() => tf.neg(tf.mean(tf.sum(tf.mul(labels, tf.log(tf.softmax(logits))), -1)))) as tf.Scalar;
}
