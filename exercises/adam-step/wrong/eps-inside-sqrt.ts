// 错误：把 ε 放进了根号里：θ ← θ − η·m̂ / √(v̂ + ε)。梯度很小或 ε 较大时步长完全不同。
import * as tf from '@tensorflow/tfjs';

export function adamStep(param: tf.Tensor, grad: tf.Tensor, state: { m: tf.Tensor; v: tf.Tensor; t: number }, lr = 0.001, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8) {
  const t = state.t + 1;
  const r = tf.tidy(() => {
    const m = tf.add(tf.mul(state.m, beta1), tf.mul(grad, 1 - beta1));
    const v = tf.add(tf.mul(state.v, beta2), tf.mul(tf.square(grad), 1 - beta2));
    const mHat = tf.div(m, 1 - Math.pow(beta1, t));
    const vHat = tf.div(v, 1 - Math.pow(beta2, t));
    const step = tf.div(mHat, tf.sqrt(tf.add(vHat, epsilon)));
    return { param: tf.sub(param, tf.mul(step, lr)), m, v };
  });
  return { param: r.param, state: { m: r.m, v: r.v, t } };
}
