import * as tf from '@tensorflow/tfjs';

// 允许：ReLU(z) = clip(z, 0, ∞)：同一个定义的另一种写法，允许
export function relu(z: tf.Tensor): tf.Tensor {
  return tf.clipByValue(z, 0, Infinity);
}
