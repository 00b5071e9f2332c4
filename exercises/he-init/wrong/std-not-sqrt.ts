// 错误：把方差 2/fanIn 直接当成了标准差传给 tf.randomNormal（忘了开平方）。
// 实际方差变成 (2/fanIn)²，fanIn = 128 时小了 64 倍。
import * as tf from '@tensorflow/tfjs';

export function heNormal(fanIn: number, fanOut: number, seed: number): tf.Tensor2D {
  return tf.randomNormal([fanIn, fanOut], 0, 2 / fanIn, 'float32', seed);
}
