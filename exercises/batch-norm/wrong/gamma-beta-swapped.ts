// 错误：把 γ 和 β 的角色弄反了，算成 β · x̂ + γ。γ 是缩放（scale），β 是平移（shift）。
import * as tf from '@tensorflow/tfjs';

export function batchNorm(x: tf.Tensor2D, gamma: tf.Tensor1D, beta: tf.Tensor1D, eps = 1e-5): tf.Tensor2D {
  return tf.tidy(() => {
    const mu = tf.mean(x, 0, true);
    const centered = tf.sub(x, mu);
    const variance = tf.mean(tf.square(centered), 0, true);
    return tf.add(tf.mul(tf.div(centered, tf.sqrt(tf.add(variance, eps))), beta), gamma) as tf.Tensor2D;
  });
}
