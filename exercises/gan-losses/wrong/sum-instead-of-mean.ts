// 错误：用 sum 代替 mean。损失随批大小变大，学习率的含义也跟着变了。
import * as tf from '@tensorflow/tfjs';

function softplus(x: tf.Tensor): tf.Tensor {
  return tf.add(tf.relu(x), tf.log1p(tf.exp(tf.neg(tf.abs(x)))));
}

export function ganLosses(realLogits: tf.Tensor1D, fakeLogits: tf.Tensor1D): { d: tf.Scalar; g: tf.Scalar } {
  return tf.tidy(() => {
    const d = tf.add(tf.sum(softplus(tf.neg(realLogits))), tf.sum(softplus(fakeLogits))) as tf.Scalar;
    const g = tf.sum(softplus(tf.neg(fakeLogits))) as tf.Scalar;
    return { d, g };
  });
}
