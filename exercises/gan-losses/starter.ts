import * as tf from '@tensorflow/tfjs';

/**
 * GAN 的两个损失，由判别器的 logit 计算（D(x) = σ(logit)）：
 * d = mean(softplus(−real)) + mean(softplus(fake))；
 * g = mean(softplus(−fake))（非饱和的生成器损失）。
 * tf.softplus、tf.sigmoid、tf.logSigmoid 不能用：自己写一个稳定的 softplus。
 */
export function ganLosses(realLogits: tf.Tensor1D, fakeLogits: tf.Tensor1D): { d: tf.Scalar; g: tf.Scalar } {
  return tf.tidy(() => {
    // TODO: 1. 写一个稳定的 softplus(x) = max(x, 0) + log1p(exp(−|x|))
    // TODO: 2. d = mean(softplus(−real)) + mean(softplus(fake))
    // TODO: 3. g = mean(softplus(−fake))
    // 目前：softplus 直接写成 log(1 + exp(x))，x = 1000 时 exp 溢出成 Infinity；
    // g 还是原始极小极大目标里的 log(1 − D(G(z))) = −softplus(fake)，它会饱和
    const softplus = (x: tf.Tensor) => tf.log(tf.add(1, tf.exp(x)));
    const d = tf.add(tf.mean(softplus(tf.neg(realLogits))), tf.mean(softplus(fakeLogits))) as tf.Scalar;
    const g = tf.neg(tf.mean(softplus(fakeLogits))) as tf.Scalar;
    return { d, g };
  });
}
