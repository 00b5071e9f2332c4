// 错误：用绝对值代替平方，算成了平均绝对误差（MAE），而不是均方误差（MSE）。
import * as tf from '@tensorflow/tfjs';

export function mseLoss(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Scalar {
  return tf.tidy(() => tf.mean(tf.abs(tf.sub(yPred, yTrue))) as tf.Scalar);
}
