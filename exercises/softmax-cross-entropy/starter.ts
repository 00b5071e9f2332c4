import * as tf from '@tensorflow/tfjs';

/**
 * Softmax 交叉熵损失。
 * labels: [n, c] 的 one-hot 标签；logits: [n, c] 的未归一化得分。
 * 返回所有样本损失的平均值（形状为 [] 的标量）。
 */
export function softmaxCrossEntropy(labels: tf.Tensor2D, logits: tf.Tensor2D): tf.Scalar {
  // TODO: 1. 每一行减去该行最大值（log-sum-exp 技巧），避免 exp 溢出
  // TODO: 2. 计算 log softmax = (z − m) − log(Σ exp(z − m))
  // TODO: 3. 每个样本的损失 = −Σ labels · log softmax，再对 batch 求平均
  void labels;
  void logits;
  return tf.scalar(0);
}
