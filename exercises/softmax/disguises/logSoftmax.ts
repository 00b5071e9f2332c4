import * as tf from '@tensorflow/tfjs';

// 禁用：softmax(z) = exp(logSoftmax(z))
export function softmax(logits: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tf.exp(tf.logSoftmax(logits)));
}
