// 错误：偏置加在 sigmoid 之后，算成了 σ(x·w) + b；偏置应当先加进加权和，再一起经过激活函数。
import * as tf from '@tensorflow/tfjs';

export function neuron(x: tf.Tensor2D, w: tf.Tensor1D, b: number): tf.Tensor1D {
  return tf.tidy(() => {
    const z = tf.dot(x, w);
    const e = tf.exp(tf.neg(tf.abs(z)));
    const s = tf.where(tf.greaterEqual(z, 0), tf.div(1, tf.add(1, e)), tf.div(e, tf.add(1, e)));
    return tf.add(s, b) as tf.Tensor1D;
  });
}
