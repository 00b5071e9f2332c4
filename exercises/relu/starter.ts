import * as tf from '@tensorflow/tfjs';

/**
 * ReLU 激活函数：relu(z) = max(z, 0)，逐元素计算。
 * z: 任意形状的 float32 张量；返回形状相同的张量。
 */
export function relu(z: tf.Tensor): tf.Tensor {
  // TODO: 正数原样保留，负数变成 0
  // 提示：找一个“逐元素取两者中较大值”的运算（注意它不是沿某一维求最大值的归约）
  return tf.clone(z);
}
