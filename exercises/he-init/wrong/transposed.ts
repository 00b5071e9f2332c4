// 错误：形状写成了 [fanOut, fanIn]（有些框架把全连接层的权重存成 [输出, 输入]）。
// 本课程按行约定 Z = XW，W 的形状是 [fanIn, fanOut]，和 tfjs 的 kernel [inDim, units] 一致。
import * as tf from '@tensorflow/tfjs';

export function heNormal(fanIn: number, fanOut: number, seed: number): tf.Tensor2D {
  return tf.randomNormal([fanOut, fanIn], 0, Math.sqrt(2 / fanIn), 'float32', seed);
}
