import * as tf from '@tensorflow/tfjs';

// 允许：ReLU(z) = max(z, 0)：这正是本题要你认识的定义，所以允许
export function relu(z: tf.Tensor): tf.Tensor {
  return tf.maximum(z, 0);
}
