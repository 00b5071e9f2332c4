import * as tf from '@tensorflow/tfjs';

/**
 * 平均绝对误差：MAE = mean(|yPred − yTrue|)，对所有元素求平均。
 * yTrue、yPred: 形状相同的 float32 张量；返回形状为 [] 的标量。
 */
export function maeLoss(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    // 逐元素误差的绝对值：正负误差都按大小计
    const absErr = tf.abs(tf.sub(yPred, yTrue));
    // 不传 axis：对所有元素求平均，得到标量
    return tf.mean(absErr) as tf.Scalar;
  });
}
