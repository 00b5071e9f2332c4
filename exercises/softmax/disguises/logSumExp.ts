import * as tf from '@tensorflow/tfjs';

// 禁用：softmax(z) = exp(z − logSumExp(z))，减去最大值的稳定技巧由 logSumExp 完成
export function softmax(logits: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tf.exp(tf.sub(logits, tf.logSumExp(logits, -1, true))));
}
