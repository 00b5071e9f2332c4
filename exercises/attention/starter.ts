import * as tf from '@tensorflow/tfjs';

/**
 * 缩放点积注意力 softmax(Q·Kᵀ/√d + 掩码)·V。
 * q: [..., Lq, d]；k: [..., Lk, d]；v: [..., Lk, dv]。
 * mask（可选）可广播到 [..., Lq, Lk]：1 表示可以关注，0 表示屏蔽。
 * 返回 [..., Lq, dv]。
 */
export function scaledDotProductAttention(
  q: tf.Tensor,
  k: tf.Tensor,
  v: tf.Tensor,
  mask?: tf.Tensor,
): tf.Tensor {
  // TODO: 1. scores = Q·Kᵀ / √d（d 是 q 最后一维的长度）
  // TODO: 2. 若有 mask，在 softmax 之前给被屏蔽的位置加上 −1e9
  // TODO: 3. 沿最后一维做 softmax，再乘以 V
  void mask;
  // 目前只是把每个查询对所有键一视同仁（均匀权重），还没有用到 Q·Kᵀ 的得分
  const lk = k.shape[k.rank - 2] ?? 1;
  const uniform = tf.fill([...q.shape.slice(0, -1), lk], 1 / lk);
  return tf.matMul(uniform, v);
}
