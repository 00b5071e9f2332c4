// 错误：ReLU 放错了位置，写在每层的矩阵乘法之前：输入 x 被截掉了负数，
// 而最后一层之前的那次 ReLU 恰好对了，于是只在输入有负数时出错。
import * as tf from '@tensorflow/tfjs';

export function mlpForward(x: tf.Tensor2D, layers: { w: tf.Tensor2D; b: tf.Tensor1D }[]): tf.Tensor2D {
  return tf.tidy(() => {
    let h: tf.Tensor2D = x;
    for (const layer of layers) h = tf.add(tf.matMul(tf.relu(h), layer.w), layer.b);
    return h;
  });
}
