// 错误：照 tf.losses.logLoss 的写法给 log 的参数加 ε，而不是把 p 裁剪到 [ε, 1 − ε]。
// p = 1、y = 0 时得到 −log(1e−7) ≈ 16.12，而裁剪约定得到 −log(1 − (1 − 1e−7)) ≈ 15.94（float32）。
import * as tf from '@tensorflow/tfjs';

export function binaryCrossEntropy(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    const a = tf.mul(yTrue, tf.log(tf.add(yPred, 1e-7)));
    const b = tf.mul(tf.sub(1, yTrue), tf.log(tf.add(tf.sub(1, yPred), 1e-7)));
    return tf.neg(tf.mean(tf.add(a, b))) as tf.Scalar;
  });
}
