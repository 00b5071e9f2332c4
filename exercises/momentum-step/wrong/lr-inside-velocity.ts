// 错误：把学习率乘进了速度（v ← μv + ηg，θ ← θ − v）。η 固定时参数轨迹和 tf.train.momentum 相同，
// 但速度差了 η 倍；而这里的速度来自 tf.train.momentum，所以这一步的参数和速度都不对。
import * as tf from '@tensorflow/tfjs';

export function momentumStep(param: tf.Tensor, grad: tf.Tensor, velocity: tf.Tensor, lr: number, momentum: number): { param: tf.Tensor; velocity: tf.Tensor } {
  return tf.tidy(() => {
    const v = tf.add(tf.mul(velocity, momentum), tf.mul(grad, lr));
    return { param: tf.sub(param, v), velocity: v };
  });
}
