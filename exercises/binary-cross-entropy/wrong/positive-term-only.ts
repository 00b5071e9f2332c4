// 错误：只写了 −y·log p，漏掉了 −(1 − y)·log(1 − p)。标签为 0 的样本对损失毫无贡献，
// 模型把所有 p 都推向 1 也不会受罚。
import * as tf from '@tensorflow/tfjs';

export function binaryCrossEntropy(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    const p = tf.clipByValue(yPred, 1e-7, 1 - 1e-7);
    return tf.neg(tf.mean(tf.mul(yTrue, tf.log(p)))) as tf.Scalar;
  });
}
