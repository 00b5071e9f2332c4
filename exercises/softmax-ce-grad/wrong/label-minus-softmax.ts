// 错误：符号反了，写成 (y − softmax(z)) / n。这是“负梯度”，沿它走一步会让损失变大。
import * as tf from '@tensorflow/tfjs';

export function softmaxCrossEntropyGrad(labels: tf.Tensor2D, logits: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const n = logits.shape[0];
    const e = tf.exp(tf.sub(logits, tf.max(logits, -1, true)));
    const yHat = tf.div(e, tf.sum(e, -1, true));
    return tf.div(tf.sub(labels, yHat), n) as tf.Tensor2D;
  });
}
