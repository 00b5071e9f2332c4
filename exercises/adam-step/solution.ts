import * as tf from '@tensorflow/tfjs';

/**
 * Adam（Kingma 与 Ba 的算法 1，ε 在根号外）的一步更新。state.t 是已经走过的步数，这一步是第 t + 1 步：
 *   m ← β₁·m + (1 − β₁)·g
 *   v ← β₂·v + (1 − β₂)·g²
 *   m̂ = m / (1 − β₁^(t+1))，v̂ = v / (1 − β₂^(t+1))
 *   θ ← θ − η·m̂ / (√v̂ + ε)
 * 返回新的参数和新的状态 { m, v, t: t + 1 }（m、v 是没有修正过的）。
 */
export function adamStep(
  param: tf.Tensor,
  grad: tf.Tensor,
  state: { m: tf.Tensor; v: tf.Tensor; t: number },
  lr = 0.001,
  beta1 = 0.9,
  beta2 = 0.999,
  epsilon = 1e-8,
): { param: tf.Tensor; state: { m: tf.Tensor; v: tf.Tensor; t: number } } {
  const t = state.t + 1; // 这一步的编号
  const result = tf.tidy(() => {
    const m = tf.add(tf.mul(state.m, beta1), tf.mul(grad, 1 - beta1)); // 一阶矩：梯度的滑动平均
    const v = tf.add(tf.mul(state.v, beta2), tf.mul(tf.square(grad), 1 - beta2)); // 二阶矩：梯度平方的滑动平均
    const mHat = tf.div(m, 1 - Math.pow(beta1, t)); // 偏差修正
    const vHat = tf.div(v, 1 - Math.pow(beta2, t));
    const step = tf.div(mHat, tf.add(tf.sqrt(vHat), epsilon)); // ε 加在根号外
    return { param: tf.sub(param, tf.mul(step, lr)), m, v };
  });
  return { param: result.param, state: { m: result.m, v: result.v, t } };
}
