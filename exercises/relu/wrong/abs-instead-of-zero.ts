// 错误：用 tf.abs 把负数“变成正数”，但 ReLU 应该把负数变成 0，而不是取绝对值。
import * as tf from '@tensorflow/tfjs';

export function relu(z: tf.Tensor): tf.Tensor {
  return tf.abs(z);
}
