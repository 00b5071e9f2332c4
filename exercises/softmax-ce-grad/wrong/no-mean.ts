// 错误：忘了 L 是 batch 上的平均，梯度没有除以 n（n > 1 时大了 n 倍）。
import * as tf from '@tensorflow/tfjs';

export function softmaxCrossEntropyGrad(labels: tf.Tensor2D, logits: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const e = tf.exp(tf.sub(logits, tf.max(logits, -1, true)));
    const yHat = tf.div(e, tf.sum(e, -1, true));
    return tf.sub(yHat, labels) as tf.Tensor2D;
  });
}
