// 错误：方差用了 2/fanOut（He 等人论文里保持反向传播方差的另一种选择），本题要的是 2/fanIn。
// fanIn = fanOut 时看不出区别。
import * as tf from '@tensorflow/tfjs';

export function heNormal(fanIn: number, fanOut: number, seed: number): tf.Tensor2D {
  return tf.randomNormal([fanIn, fanOut], 0, Math.sqrt(2 / fanOut), 'float32', seed);
}
