// 错误：用了截断正态分布（tf.initializers.heNormal 就是这样做的）：2 个标准差以外的值被丢掉重抽，
// 方差只剩约 0.774 × 2/fanIn，分布也不再是正态。
import * as tf from '@tensorflow/tfjs';

export function heNormal(fanIn: number, fanOut: number, seed: number): tf.Tensor2D {
  return tf.truncatedNormal([fanIn, fanOut], 0, Math.sqrt(2 / fanIn), 'float32', seed);
}
