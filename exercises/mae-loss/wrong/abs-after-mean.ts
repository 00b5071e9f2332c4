// 错误：先求平均再取绝对值，|mean(yPred − yTrue)|。正负误差先相互抵消，
// 预测有时偏高、有时偏低的模型会得到接近 0 的“损失”。
import * as tf from '@tensorflow/tfjs';

export function maeLoss(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Scalar {
  return tf.tidy(() => tf.abs(tf.mean(tf.sub(yPred, yTrue))) as tf.Scalar);
}
