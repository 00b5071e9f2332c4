import * as tf from '@tensorflow/tfjs';

/**
 * Softmax：沿最后一个维度把 logits 变成概率分布。
 * logits: 任意秩（≥ 1）的 float32 张量；返回形状相同的张量，最后一维上每组元素非负且和为 1。
 */
export function softmax(logits: tf.Tensor): tf.Tensor {
  // TODO: 1. 沿最后一维求最大值 m（保留维度），用 logits − m 避免 exp 溢出
  // TODO: 2. 取 exp，再除以沿最后一维的和（同样保留维度）
  return tf.onesLike(logits);
}
