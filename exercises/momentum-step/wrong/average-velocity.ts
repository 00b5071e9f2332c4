// 错误：把速度写成了梯度的指数滑动平均 v ← μv + (1 − μ)g（那是 Adam 的一阶矩 m），tf.train.momentum 没有 1 − μ。
import * as tf from '@tensorflow/tfjs';

export function momentumStep(param: tf.Tensor, grad: tf.Tensor, velocity: tf.Tensor, lr: number, momentum: number): { param: tf.Tensor; velocity: tf.Tensor } {
  return tf.tidy(() => {
    const v = tf.add(tf.mul(velocity, momentum), tf.mul(grad, 1 - momentum));
    return { param: tf.sub(param, tf.mul(v, lr)), velocity: v };
  });
}
