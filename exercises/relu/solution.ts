import * as tf from '@tensorflow/tfjs';

/**
 * ReLU 激活函数：relu(z) = max(z, 0)，逐元素计算。
 * z: 任意形状的 float32 张量；返回形状相同的张量。
 */
export function relu(z: tf.Tensor): tf.Tensor {
  // tf.maximum 逐元素取较大值，数字 0 会被广播成 z 的形状；
  // 注意不要和 tf.max（沿某一维求最大值的归约）混淆
  return tf.maximum(z, 0);
}
