// 错误：softmax 沿查询的维度（倒数第二维）归一化，而不是沿键的维度（最后一维）。
import * as tf from '@tensorflow/tfjs';

export function scaledDotProductAttention(
  q: tf.Tensor,
  k: tf.Tensor,
  v: tf.Tensor,
  mask?: tf.Tensor,
): tf.Tensor {
  return tf.tidy(() => {
    const d = q.shape[q.rank - 1] ?? 1;
    let scores = tf.div(tf.matMul(q, k, false, true), Math.sqrt(d));
    if (mask !== undefined) {
      scores = tf.add(scores, tf.mul(tf.sub(1, mask), -1e9));
    }
    // 用转置把倒数第二维换到最后，softmax 后再换回来
    const perm = [...Array(scores.rank).keys()];
    perm[scores.rank - 1] = scores.rank - 2;
    perm[scores.rank - 2] = scores.rank - 1;
    const weights = tf.transpose(tf.softmax(tf.transpose(scores, perm), -1), perm);
    return tf.matMul(weights, v);
  });
}
