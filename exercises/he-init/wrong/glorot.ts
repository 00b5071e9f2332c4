// 错误：用了 Glorot（Xavier）初始化的方差 2/(fanIn + fanOut)。fanIn = fanOut 时它只有 He 初始化的一半。
import * as tf from '@tensorflow/tfjs';

export function heNormal(fanIn: number, fanOut: number, seed: number): tf.Tensor2D {
  return tf.randomNormal([fanIn, fanOut], 0, Math.sqrt(2 / (fanIn + fanOut)), 'float32', seed);
}
