// 错误：对平方误差求和而不是求平均，结果放大了“元素个数”倍（这是 SSE，不是 MSE）。
import * as tf from '@tensorflow/tfjs';

export function mseLoss(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Scalar {
  return tf.tidy(() => tf.sum(tf.square(tf.sub(yPred, yTrue))) as tf.Scalar);
}
