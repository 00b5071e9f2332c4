// 伪装：tf.initializers.heNormal 一步生成 He 初始化的权重（而且是截断正态）。tf.initializers 本题禁用，必须被判为禁用。
import * as tf from '@tensorflow/tfjs';

export function heNormal(fanIn: number, fanOut: number, seed: number): tf.Tensor2D {
  return tf.initializers.heNormal({ seed }).apply([fanIn, fanOut]) as tf.Tensor2D;
}
