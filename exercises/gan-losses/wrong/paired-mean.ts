// 错误：把真、假两项逐元素配对后再求一次平均：d = mean(softplus(−real) + softplus(fake))。
// 两批一样长时结果恰好相同，但两批的个数不同时就配不上对了（广播报错或结果不对）。
import * as tf from '@tensorflow/tfjs';

function softplus(x: tf.Tensor): tf.Tensor {
  return tf.add(tf.relu(x), tf.log1p(tf.exp(tf.neg(tf.abs(x)))));
}

export function ganLosses(realLogits: tf.Tensor1D, fakeLogits: tf.Tensor1D): { d: tf.Scalar; g: tf.Scalar } {
  return tf.tidy(() => {
    const d = tf.mean(tf.add(softplus(tf.neg(realLogits)), softplus(fakeLogits))) as tf.Scalar;
    const g = tf.mean(softplus(tf.neg(fakeLogits))) as tf.Scalar;
    return { d, g };
  });
}
