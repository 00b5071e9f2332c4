// 错误：只沿最后一维求平均，二维、三维输入得到的是张量而不是形状为 [] 的标量。
import * as tf from '@tensorflow/tfjs';

export function maeLoss(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Scalar {
  return tf.tidy(() => tf.mean(tf.abs(tf.sub(yPred, yTrue)), -1) as tf.Scalar);
}
