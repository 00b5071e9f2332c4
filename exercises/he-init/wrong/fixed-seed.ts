// 错误：种子写死成 42，调用者给的 seed 被忽略：换了种子，得到的还是同一个张量。
import * as tf from '@tensorflow/tfjs';

export function heNormal(fanIn: number, fanOut: number, seed: number): tf.Tensor2D {
  void seed;
  return tf.randomNormal([fanIn, fanOut], 0, Math.sqrt(2 / fanIn), 'float32', 42);
}
