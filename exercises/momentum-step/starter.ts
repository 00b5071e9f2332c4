import * as tf from '@tensorflow/tfjs';

/**
 * 动量法（tf.train.momentum 的约定）的一步更新：
 *   v ← μ·v + g
 *   θ ← θ − η·v
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
    // TODO: 1. 新的速度 v ← μ·velocity + grad
    // TODO: 2. 新的参数 θ ← param − lr·v（用第 1 步算出的新速度）
    // 下面只是一步普通的梯度下降，没有用到速度：
    void velocity;
    void momentum;
    return { param: tf.sub(param, tf.mul(grad, lr)), velocity: tf.clone(grad) };
  });
}
