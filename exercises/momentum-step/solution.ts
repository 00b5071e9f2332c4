import * as tf from '@tensorflow/tfjs';

/**
 * 动量法（tf.train.momentum 的约定）的一步更新：
 *   v ← μ·v + g        （速度：梯度的累加，不含学习率）
 *   θ ← θ − η·v        （用更新后的速度移动参数）
 * param、grad、velocity 形状相同；返回新的参数和新的速度。
 */
export function momentumStep(
  param: tf.Tensor,
  grad: tf.Tensor,
  velocity: tf.Tensor,
  lr: number,
  momentum: number,
): { param: tf.Tensor; velocity: tf.Tensor } {
  return tf.tidy(() => {
    const v = tf.add(tf.mul(velocity, momentum), grad); // v ← μv + g
    const next = tf.sub(param, tf.mul(v, lr)); // θ ← θ − ηv
    return { param: next, velocity: v };
  });
}
