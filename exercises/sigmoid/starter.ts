import * as tf from '@tensorflow/tfjs';

/**
 * Sigmoid 激活函数：σ(z) = 1 / (1 + e^(−z))，逐元素计算。
 * z: 任意形状的 float32 张量；返回形状相同的张量，每个元素在 (0, 1) 之间。
 */
export function sigmoid(z: tf.Tensor): tf.Tensor {
  // TODO: 用 tf.exp、tf.neg、tf.add、tf.div 等基础运算实现 σ(z)
  // TODO: 注意 z = ±1000 时 exp 会溢出成 Infinity，结果不能出现 NaN
  return tf.zerosLike(z);
}
