// 错误：忘了除以 √d，得分过大，softmax 过于尖锐，结果与参考不同。
import * as tf from '@tensorflow/tfjs';

export function scaledDotProductAttention(
  q: tf.Tensor,
  k: tf.Tensor,
  v: tf.Tensor,
  mask?: tf.Tensor,
): tf.Tensor {
  return tf.tidy(() => {
    let scores = tf.matMul(q, k, false, true);
    if (mask !== undefined) {
      scores = tf.add(scores, tf.mul(tf.sub(1, mask), -1e9));
    }
    return tf.matMul(tf.softmax(scores, -1), v);
  });
}
