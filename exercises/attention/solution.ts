import * as tf from '@tensorflow/tfjs';

/**
 * 缩放点积注意力 softmax(Q·Kᵀ/√d_k + 掩码)·V。
 * q: [..., Lq, d_k]；k: [..., Lk, d_k]；v: [..., Lk, dv]；
 * mask（可选）可广播到 [..., Lq, Lk]，1 = 可以关注，0 = 屏蔽。
 */
export function scaledDotProductAttention(
  q: tf.Tensor,
  k: tf.Tensor,
  v: tf.Tensor,
  mask?: tf.Tensor,
): tf.Tensor {
  return tf.tidy(() => {
    const d = q.shape[q.rank - 1] ?? 1;
    // 得分 [..., Lq, Lk]：transposeB = true 只转置 k 的最后两维，前面的 batch / head 维度自动对齐
    let scores = tf.div(tf.matMul(q, k, false, true), Math.sqrt(d));
    if (mask !== undefined) {
      // 被屏蔽处 (mask = 0) 加上 −1e9，softmax 之后权重为 0；tf.add 负责广播 mask 的形状
      scores = tf.add(scores, tf.mul(tf.sub(1, mask), -1e9));
    }
    // 对每个查询，沿键的维度（最后一维）归一化
    const weights = tf.softmax(scores, -1);
    // 加权求和得到 [..., Lq, dv]
    return tf.matMul(weights, v);
  });
}
