import * as tf from '@tensorflow/tfjs';

/**
 * 倒置 dropout（训练时使用）。
 * x: 任意形状的 float32 张量；rate: 丢弃概率 p，0 ≤ p < 1；
 * u: 与 x 形状相同、取值在 [0, 1) 的均匀随机数。
 * u ≥ rate 的位置保留 x 并乘以 1/(1 − rate)，其余位置为 0。
 */
export function dropout(x: tf.Tensor, rate: number, u: tf.Tensor): tf.Tensor {
  // TODO: 1. 用 u 和 rate 做出保留掩码（u ≥ rate 的位置为 1，其余为 0）
  // TODO: 2. x 乘以掩码，再除以 1 − rate
  void rate;
  void u;
  return tf.clone(x);
}
