// 错误：在 softmax 之后才乘以 mask，被屏蔽的权重虽然变成 0，但剩下的权重之和不再是 1。
import * as tf from '@tensorflow/tfjs';

export function scaledDotProductAttention(
  q: tf.Tensor,
  k: tf.Tensor,
  v: tf.Tensor,
  mask?: tf.Tensor,
): tf.Tensor {
  return tf.tidy(() => {
    const d = q.shape[q.rank - 1] ?? 1;
    const scores = tf.div(tf.matMul(q, k, false, true), Math.sqrt(d));
    let weights = tf.softmax(scores, -1);
    if (mask !== undefined) {
      weights = tf.mul(weights, mask);
    }
    return tf.matMul(weights, v);
  });
}
