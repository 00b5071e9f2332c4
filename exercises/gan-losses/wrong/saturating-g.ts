// 错误：生成器用原始极小极大目标里的 log(1 − D(G(z)))，即 g = mean(log(1 − σ(fake))) = −mean(softplus(fake))。
// 判别器把假样本分得很清楚时（fake ≪ 0），它接近 0、梯度也接近 0：这就是"饱和"。
import * as tf from '@tensorflow/tfjs';

function softplus(x: tf.Tensor): tf.Tensor {
  return tf.add(tf.relu(x), tf.log1p(tf.exp(tf.neg(tf.abs(x)))));
}

export function ganLosses(realLogits: tf.Tensor1D, fakeLogits: tf.Tensor1D): { d: tf.Scalar; g: tf.Scalar } {
  return tf.tidy(() => {
    const d = tf.add(tf.mean(softplus(tf.neg(realLogits))), tf.mean(softplus(fakeLogits))) as tf.Scalar;
    const g = tf.neg(tf.mean(softplus(fakeLogits))) as tf.Scalar;
    return { d, g };
  });
}
