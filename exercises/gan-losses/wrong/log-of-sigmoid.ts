// 错误：先算 D = σ(logit) 再取对数。数学上没错，但 float32 里 σ(−1000) = 0、log 0 = −Infinity，
// 1 − σ(1000) = 0 也一样：logit 很大时损失变成 Infinity 或 NaN。
import * as tf from '@tensorflow/tfjs';

const sigma = (x: tf.Tensor) => tf.div(1, tf.add(1, tf.exp(tf.neg(x))));

export function ganLosses(realLogits: tf.Tensor1D, fakeLogits: tf.Tensor1D): { d: tf.Scalar; g: tf.Scalar } {
  return tf.tidy(() => {
    const dReal = sigma(realLogits);
    const dFake = sigma(fakeLogits);
    const d = tf.neg(tf.add(tf.mean(tf.log(dReal)), tf.mean(tf.log(tf.sub(1, dFake))))) as tf.Scalar;
    const g = tf.neg(tf.mean(tf.log(dFake))) as tf.Scalar;
    return { d, g };
  });
}
