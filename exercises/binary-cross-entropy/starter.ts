import * as tf from '@tensorflow/tfjs';

/**
 * 二元交叉熵：mean(−[y·log p + (1 − y)·log(1 − p)])，p 先裁剪到 [1e−7, 1 − 1e−7]。
 * yTrue: 0/1 标签；yPred: 与 yTrue 形状相同的概率。返回形状为 [] 的标量。
 */
export function binaryCrossEntropy(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Scalar {
  // TODO: 1. 把 yPred 裁剪到 [1e-7, 1 - 1e-7]
  // TODO: 2. 逐元素计算 −[y·log p + (1 − y)·log(1 − p)]
  // TODO: 3. 对所有元素求平均
  void yTrue;
  void yPred;
  return tf.scalar(0);
}
