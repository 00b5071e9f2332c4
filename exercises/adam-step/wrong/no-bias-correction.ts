// 错误：没有偏差修正，直接用 m / (√v + ε)。第一步时 m = 0.1g、√v ≈ 0.0316|g|，步长约为 3.16η 而不是 η。
import * as tf from '@tensorflow/tfjs';

export function adamStep(param: tf.Tensor, grad: tf.Tensor, state: { m: tf.Tensor; v: tf.Tensor; t: number }, lr = 0.001, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8) {
  const r = tf.tidy(() => {
    const m = tf.add(tf.mul(state.m, beta1), tf.mul(grad, 1 - beta1));
    const v = tf.add(tf.mul(state.v, beta2), tf.mul(tf.square(grad), 1 - beta2));
    const step = tf.div(m, tf.add(tf.sqrt(v), epsilon));
    return { param: tf.sub(param, tf.mul(step, lr)), m, v };
  });
  return { param: r.param, state: { m: r.m, v: r.v, t: state.t + 1 } };
}
