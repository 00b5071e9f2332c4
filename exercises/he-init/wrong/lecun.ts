// 错误：用了 LeCun 初始化的方差 1/fanIn。它保持线性（或 tanh 在 0 附近）网络的方差不变，
// 但 ReLU 把一半的输入变成 0，每层输出的方差会减半，所以 He 等人把方差加倍成 2/fanIn。
import * as tf from '@tensorflow/tfjs';

export function heNormal(fanIn: number, fanOut: number, seed: number): tf.Tensor2D {
  return tf.randomNormal([fanIn, fanOut], 0, Math.sqrt(1 / fanIn), 'float32', seed);
}
