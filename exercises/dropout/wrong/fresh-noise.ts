// 错误：不用给定的 u，而是自己再抽一次随机数。丢弃的位置和测试给的 u 对不上，
// 而且同样的输入每次运行结果都不同，无法复现。
import * as tf from '@tensorflow/tfjs';

export function dropout(x: tf.Tensor, rate: number, u: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const fresh = tf.randomUniform(u.shape, 0, 1);
    return tf.div(tf.mul(x, tf.cast(tf.greaterEqual(fresh, rate), 'float32')), 1 - rate);
  });
}
