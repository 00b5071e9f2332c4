// 错误：减去整个张量的最大值、再除以所有元素的总和，相当于把整个张量当成一个分布；应当对最后一维上的每一组分别归一化。
import * as tf from '@tensorflow/tfjs';

export function softmax(logits: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const e = tf.exp(tf.sub(logits, tf.max(logits)));
    return tf.div(e, tf.sum(e));
  });
}
