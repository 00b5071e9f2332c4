// 错误：把 w 变成 [d, 1] 列向量做 matMul，结果是 [n, 1]，忘了变回每个样本一个数的 [n]。
import * as tf from '@tensorflow/tfjs';

export function neuron(x: tf.Tensor2D, w: tf.Tensor1D, b: number): tf.Tensor1D {
  return tf.tidy(() => {
    const z = tf.add(tf.matMul(x, tf.reshape(w, [-1, 1])), b);
    const e = tf.exp(tf.neg(tf.abs(z)));
    return tf.where(tf.greaterEqual(z, 0), tf.div(1, tf.add(1, e)), tf.div(e, tf.add(1, e))) as unknown as tf.Tensor1D;
  });
}
