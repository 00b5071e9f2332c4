import * as tf from '@tensorflow/tfjs';

/**
 * 均方误差损失：MSE = mean((yPred − yTrue)²)，对所有元素求平均。
 * yTrue、yPred: 形状相同的 float32 张量；返回形状为 [] 的标量。
 */
export function mseLoss(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Scalar {
  // TODO: 1. 计算逐元素的误差 yPred − yTrue，并取平方
  // TODO: 2. 对所有元素求平均（不是求和），返回形状为 [] 的标量
  void yTrue;
  void yPred;
  return tf.scalar(0);
}
