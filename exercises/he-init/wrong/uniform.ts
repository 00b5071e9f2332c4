// 错误：用了方差相同的均匀分布 U(−√(6/fanIn), √(6/fanIn))（He uniform）。均值和方差都对，但分布的形状不是正态。
import * as tf from '@tensorflow/tfjs';

export function heNormal(fanIn: number, fanOut: number, seed: number): tf.Tensor2D {
  const limit = Math.sqrt(6 / fanIn);
  return tf.randomUniform([fanIn, fanOut], -limit, limit, 'float32', seed);
}
