// 错误：直接 exp(z) / Σ exp(z)，logit 为 1000 时 exp 溢出成 Infinity，Infinity/Infinity = NaN。
import * as tf from '@tensorflow/tfjs';

export function softmaxCrossEntropyGrad(labels: tf.Tensor2D, logits: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const n = logits.shape[0];
    const e = tf.exp(logits);
    const yHat = tf.div(e, tf.sum(e, -1, true));
    return tf.div(tf.sub(yHat, labels), n) as tf.Tensor2D;
  });
}
