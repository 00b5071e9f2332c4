// 错误：用 clipByValue(z, 0, 1) 截断，负数确实变成了 0，但大于 1 的正数也被截成了 1；ReLU 对正数没有上限。
import * as tf from '@tensorflow/tfjs';

export function relu(z: tf.Tensor): tf.Tensor {
  return tf.clipByValue(z, 0, 1);
}
