// 错误：写成了 Nesterov 动量（tf.train.momentum 的 useNesterov = true）：θ ← θ − η(g + μv)。
import * as tf from '@tensorflow/tfjs';

export function momentumStep(param: tf.Tensor, grad: tf.Tensor, velocity: tf.Tensor, lr: number, momentum: number): { param: tf.Tensor; velocity: tf.Tensor } {
  return tf.tidy(() => {
    const v = tf.add(tf.mul(velocity, momentum), grad);
    const step = tf.add(grad, tf.mul(v, momentum));
    return { param: tf.sub(param, tf.mul(step, lr)), velocity: v };
  });
}
