// 错误：减去整个张量的最大值，而不是每一行各自的最大值；某一行远小于最大值时，exp 全部下溢成 0，得到 0/0 = NaN。
import * as tf from '@tensorflow/tfjs';

export function softmaxCrossEntropyGrad(labels: tf.Tensor2D, logits: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const n = logits.shape[0];
    const e = tf.exp(tf.sub(logits, tf.max(logits)));
    const yHat = tf.div(e, tf.sum(e, -1, true));
    return tf.div(tf.sub(yHat, labels), n) as tf.Tensor2D;
  });
}
