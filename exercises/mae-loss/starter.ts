import * as tf from '@tensorflow/tfjs';

/**
 * 平均绝对误差：MAE = mean(|yPred − yTrue|)，对所有元素求平均。
 * yTrue、yPred: 形状相同的 float32 张量；返回形状为 [] 的标量。
 */
export function maeLoss(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Scalar {
  // TODO: 1. 计算逐元素的误差 yPred − yTrue，并取绝对值
  // TODO: 2. 对所有元素求平均，返回形状为 [] 的标量
  void yTrue;
  void yPred;
  return tf.scalar(0);
}
