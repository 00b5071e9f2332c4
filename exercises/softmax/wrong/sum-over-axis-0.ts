// 错误：沿第 0 维（按列）求最大值和归一化，而不是沿最后一维；一维输入碰巧正确，二维、三维输入就错了。
import * as tf from '@tensorflow/tfjs';

export function softmax(logits: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const m = tf.max(logits, 0, true);
    const e = tf.exp(tf.sub(logits, m));
    return tf.div(e, tf.sum(e, 0, true));
  });
}
