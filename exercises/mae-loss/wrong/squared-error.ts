// 错误：照着 MSE 写成了平方，这是均方误差，不是平均绝对误差。
import * as tf from '@tensorflow/tfjs';

export function maeLoss(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Scalar {
  return tf.tidy(() => tf.mean(tf.square(tf.sub(yPred, yTrue))) as tf.Scalar);
}
