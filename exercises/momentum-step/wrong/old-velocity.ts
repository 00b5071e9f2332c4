// 错误：用传进来的旧速度更新参数（θ ← θ − η·v_old），再更新速度；顺序反了。
import * as tf from '@tensorflow/tfjs';

export function momentumStep(param: tf.Tensor, grad: tf.Tensor, velocity: tf.Tensor, lr: number, momentum: number): { param: tf.Tensor; velocity: tf.Tensor } {
  return tf.tidy(() => {
    const next = tf.sub(param, tf.mul(velocity, lr));
    const v = tf.add(tf.mul(velocity, momentum), grad);
    return { param: next, velocity: v };
  });
}
