import * as tf from '@tensorflow/tfjs';

/**
 * 均方误差损失：MSE = mean((yPred − yTrue)²)，对所有元素求平均。
 * yTrue、yPred: 形状相同的 float32 张量；返回形状为 [] 的标量。
 */
export function mseLoss(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    // 逐元素的误差，形状与输入相同
    const diff = tf.sub(yPred, yTrue);
    // 平方：正负误差都变成正数，大误差受到更重的惩罚
    const squared = tf.square(diff);
    // 不传 axis 的 tf.mean 对所有元素求平均，得到形状为 [] 的标量
    return tf.mean(squared) as tf.Scalar;
  });
}
