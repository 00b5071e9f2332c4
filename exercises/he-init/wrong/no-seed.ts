// 错误：没有把 seed 传给随机数生成器，每次调用结果都不同，无法复现。
import * as tf from '@tensorflow/tfjs';

export function heNormal(fanIn: number, fanOut: number, seed: number): tf.Tensor2D {
  void seed;
  return tf.randomNormal([fanIn, fanOut], 0, Math.sqrt(2 / fanIn));
}
