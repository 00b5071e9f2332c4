import * as tf from '@tensorflow/tfjs';

/**
 * 倒置 dropout（训练时使用）。
 * x: 任意形状的 float32 张量；rate: 丢弃概率 p，0 ≤ p < 1；
 * u: 与 x 形状相同、取值在 [0, 1) 的均匀随机数。
 * u ≥ rate 的位置保留 x 并乘以 1/(1 − rate)，其余位置为 0。
 */
export function dropout(x: tf.Tensor, rate: number, u: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    // 保留掩码：u ≥ p 的概率正好是 1 − p（u 恰好等于 p 时也保留）
    const keep = tf.cast(tf.greaterEqual(u, rate), 'float32');
    // 训练时就放大 1/(1 − p)：E[y] = (1 − p) · x / (1 − p) = x，推理时不必再缩放
    return tf.div(tf.mul(x, keep), 1 - rate);
  });
}
