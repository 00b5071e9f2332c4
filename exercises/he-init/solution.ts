import * as tf from '@tensorflow/tfjs';

/**
 * He 初始化（He 等, 2015）：形状 [fanIn, fanOut] 的权重，每个元素独立地来自 N(0, 2/fanIn)。
 * fanIn：这一层的输入个数；fanOut：输出个数；seed：正整数种子，同一个种子给出同一个张量。
 */
export function heNormal(fanIn: number, fanOut: number, seed: number): tf.Tensor2D {
  // 方差 2/fanIn，而 tf.randomNormal 要的是标准差
  const std = Math.sqrt(2 / fanIn);
  return tf.randomNormal([fanIn, fanOut], 0, std, 'float32', seed);
}
