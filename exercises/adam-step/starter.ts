import * as tf from '@tensorflow/tfjs';

/**
 * Adam 的一步更新。state.t 是已经走过的步数，这一步是第 t + 1 步：
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
  const t = state.t + 1;
  const result = tf.tidy(() => {
    // TODO: 1. 更新 m 和 v（v 用的是梯度的平方）
    const m = tf.add(tf.mul(state.m, beta1), tf.mul(grad, 1 - beta1));
    const v = tf.clone(state.v); // ← 还没有更新
    // TODO: 2. 偏差修正 m̂、v̂
    // TODO: 3. θ ← θ − η·m̂ / (√v̂ + ε)
    void beta2;
    void epsilon;
    return { param: tf.sub(param, tf.mul(m, lr)), m, v };
  });
  return { param: result.param, state: { m: result.m, v: result.v, t } };
}
