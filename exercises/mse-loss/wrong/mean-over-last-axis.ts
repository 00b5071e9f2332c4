// 错误：只沿最后一维求平均，二维输入得到的是每个样本的损失（形状 [n]），而不是形状为 [] 的标量。
import * as tf from '@tensorflow/tfjs';

export function mseLoss(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Scalar {
  return tf.tidy(() => tf.mean(tf.square(tf.sub(yPred, yTrue)), -1) as tf.Scalar);
}
