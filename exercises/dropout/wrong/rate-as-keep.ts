// 错误：把 rate 当成了“保留概率”（Srivastava 等人论文里的 p 就是保留概率）：u < rate 时保留、放大 1/rate 倍。
// tfjs 和本课程的 rate（p）都是“丢弃概率”。
import * as tf from '@tensorflow/tfjs';

export function dropout(x: tf.Tensor, rate: number, u: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    if (rate === 0) return tf.clone(x);
    return tf.div(tf.mul(x, tf.cast(tf.less(u, rate), 'float32')), rate);
  });
}
