// 错误：直接计算 exp(logits) 再归一化，没有减去每行最大值；logits 为 ±1000 时 exp 溢出，得到 NaN / Infinity。
import * as tf from '@tensorflow/tfjs';

export function softmaxCrossEntropy(labels: tf.Tensor2D, logits: tf.Tensor2D): tf.Scalar {
  return tf.tidy(() => {
    const e = tf.exp(logits);
    const probs = tf.div(e, tf.sum(e, -1, true));
    const perExample = tf.neg(tf.sum(tf.mul(labels, tf.log(probs)), -1));
    return tf.mean(perExample) as tf.Scalar;
  });
}
