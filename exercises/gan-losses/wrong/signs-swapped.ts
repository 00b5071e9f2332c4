// 错误：判别器损失里两项的符号弄反了：d = mean(softplus(real)) + mean(softplus(−fake))。
// 这会奖励判别器把真样本判成假的、把假样本判成真的。
import * as tf from '@tensorflow/tfjs';

function softplus(x: tf.Tensor): tf.Tensor {
  return tf.add(tf.relu(x), tf.log1p(tf.exp(tf.neg(tf.abs(x)))));
}

export function ganLosses(realLogits: tf.Tensor1D, fakeLogits: tf.Tensor1D): { d: tf.Scalar; g: tf.Scalar } {
  return tf.tidy(() => {
    const d = tf.add(tf.mean(softplus(realLogits)), tf.mean(softplus(tf.neg(fakeLogits)))) as tf.Scalar;
    const g = tf.mean(softplus(tf.neg(fakeLogits))) as tf.Scalar;
    return { d, g };
  });
}
