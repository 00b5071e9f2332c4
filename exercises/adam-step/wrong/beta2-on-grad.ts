// 错误：二阶矩累积的是梯度本身而不是它的平方：v ← β₂v + (1 − β₂)g。v 可能变成负数，√v 得到 NaN。
import * as tf from '@tensorflow/tfjs';

export function adamStep(param: tf.Tensor, grad: tf.Tensor, state: { m: tf.Tensor; v: tf.Tensor; t: number }, lr = 0.001, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8) {
  const t = state.t + 1;
  const r = tf.tidy(() => {
    const m = tf.add(tf.mul(state.m, beta1), tf.mul(grad, 1 - beta1));
    const v = tf.add(tf.mul(state.v, beta2), tf.mul(grad, 1 - beta2));
    const mHat = tf.div(m, 1 - Math.pow(beta1, t));
    const vHat = tf.div(v, 1 - Math.pow(beta2, t));
    const step = tf.div(mHat, tf.add(tf.sqrt(vHat), epsilon));
    return { param: tf.sub(param, tf.mul(step, lr)), m, v };
  });
  return { param: r.param, state: { m: r.m, v: r.v, t } };
}
