// 错误：忘了隐藏层的激活函数，整个网络塌缩成一个线性变换 x·(W1·W2…) + b′。
import * as tf from '@tensorflow/tfjs';

export function mlpForward(x: tf.Tensor2D, layers: { w: tf.Tensor2D; b: tf.Tensor1D }[]): tf.Tensor2D {
  return tf.tidy(() => {
    let h: tf.Tensor2D = x;
    for (const layer of layers) h = tf.add(tf.matMul(h, layer.w), layer.b);
    return h;
  });
}
