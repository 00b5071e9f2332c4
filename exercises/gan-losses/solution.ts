import * as tf from '@tensorflow/tfjs';

/** 稳定的 softplus(x) = log(1 + eˣ) = max(x, 0) + log1p(e^(−|x|))：exp 的参数总是 ≤ 0。 */
function softplus(x: tf.Tensor): tf.Tensor {
  return tf.add(tf.relu(x), tf.log1p(tf.exp(tf.neg(tf.abs(x)))));
}

/**
 * GAN 的两个损失，由判别器的 logit 计算（D(x) = σ(logit)）：
 * d = −mean(log D(x)) − mean(log(1 − D(G(z)))) = mean(softplus(−real)) + mean(softplus(fake))；
 * g = −mean(log D(G(z))) = mean(softplus(−fake))（非饱和的生成器损失）。
 */
export function ganLosses(realLogits: tf.Tensor1D, fakeLogits: tf.Tensor1D): { d: tf.Scalar; g: tf.Scalar } {
  return tf.tidy(() => {
    const d = tf.add(tf.mean(softplus(tf.neg(realLogits))), tf.mean(softplus(fakeLogits))) as tf.Scalar;
    const g = tf.mean(softplus(tf.neg(fakeLogits))) as tf.Scalar;
    return { d, g };
  });
}
