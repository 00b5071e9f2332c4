// 错误：不管范数是否超过阈值都缩放到 maxNorm，范数小于阈值的梯度被放大了。
import * as tf from '@tensorflow/tfjs';

export function clipByGlobalNorm(grads: tf.Tensor[], maxNorm: number): tf.Tensor[] {
  return tf.tidy(() => {
    const norm = tf.sqrt(tf.addN(grads.map((g) => tf.sum(tf.square(g)))));
    const scale = tf.div(maxNorm, norm);
    return grads.map((g) => tf.mul(g, scale));
  });
}
