// 错误：先把梯度除以全局范数再乘 min(‖g‖, maxNorm)。数学上没错，但梯度全为 0 时是 0/0 = NaN。
import * as tf from '@tensorflow/tfjs';

export function clipByGlobalNorm(grads: tf.Tensor[], maxNorm: number): tf.Tensor[] {
  return tf.tidy(() => {
    const norm = tf.sqrt(tf.addN(grads.map((g) => tf.sum(tf.square(g)))));
    const target = tf.minimum(norm, maxNorm);
    return grads.map((g) => tf.mul(tf.div(g, norm), target));
  });
}
