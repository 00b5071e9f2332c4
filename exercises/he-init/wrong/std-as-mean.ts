// 错误：以为 tf.randomNormal 的第二个参数是标准差，结果它被当成了均值，标准差用的是默认值 1。
import * as tf from '@tensorflow/tfjs';

export function heNormal(fanIn: number, fanOut: number, seed: number): tf.Tensor2D {
  return tf.randomNormal([fanIn, fanOut], Math.sqrt(2 / fanIn), undefined, 'float32', seed);
}
