import * as tf from '@tensorflow/tfjs';

/**
 * 二分类 focal loss（Lin 等, 2017）：mean(−α_t · (1 − p_t)^γ · log p_t)。
 * yTrue: 0/1 标签；p: 与 yTrue 形状相同的概率（先裁剪到 [1e−7, 1 − 1e−7]）。
 * p_t = p（y = 1）或 1 − p（y = 0）；α_t = α（y = 1）或 1 − α（y = 0）。
 */
export function focalLoss(yTrue: tf.Tensor, p: tf.Tensor, gamma = 2, alpha = 0.25): tf.Scalar {
  // TODO: 1. 裁剪 p，算出 p_t 和 α_t
  // TODO: 2. 每个元素 −α_t · (1 − p_t)^γ · log p_t
  // TODO: 3. 对所有元素求平均
  void yTrue;
  void p;
  void gamma;
  void alpha;
  return tf.scalar(0);
}
