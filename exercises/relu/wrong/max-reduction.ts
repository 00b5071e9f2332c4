// 错误：把 tf.max（沿第 0 维求最大值的归约）当成了逐元素的 tf.maximum，输出形状变了。
import * as tf from '@tensorflow/tfjs';

export function relu(z: tf.Tensor): tf.Tensor {
  return tf.max(z, 0);
}
