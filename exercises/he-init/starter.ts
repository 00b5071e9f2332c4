import * as tf from '@tensorflow/tfjs';

/**
 * He 初始化（He 等, 2015）：形状 [fanIn, fanOut] 的权重，每个元素独立地来自 N(0, 2/fanIn)。
 * fanIn：这一层的输入个数；fanOut：输出个数；seed：正整数种子，同一个种子给出同一个张量。
 */
export function heNormal(fanIn: number, fanOut: number, seed: number): tf.Tensor2D {
  // TODO: 1. 由方差 2/fanIn 算出标准差
  // TODO: 2. 用 tf.randomNormal 从 N(0, 标准差²) 采样，形状 [fanIn, fanOut]，并把 seed 传进去
  void seed;
  return tf.zeros([fanIn, fanOut]);
}
