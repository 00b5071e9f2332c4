import * as tf from '@tensorflow/tfjs';

/**
 * Softmax：沿最后一个维度把 logits 变成概率分布。
 * logits: 任意秩（≥ 1）的 float32 张量；返回形状相同的张量，最后一维上每组元素非负且和为 1。
 */
export function softmax(logits: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    // 沿最后一维的最大值；keepDims = true 让它的形状是 [..., 1]，可以和 logits 广播
    const m = tf.max(logits, -1, true);
    // 每组各减各的最大值：数学上结果不变，但 exp 的参数都 ≤ 0，不会上溢；
    // 每组至少有一个 exp(0) = 1，所以分母 ≥ 1，也不会出现 0 / 0
    const e = tf.exp(tf.sub(logits, m));
    // 沿最后一维归一化
    return tf.div(e, tf.sum(e, -1, true));
  });
}
