import * as tf from '@tensorflow/tfjs';

/**
 * 一个 sigmoid 神经元：a = σ(x·w + b)，对一批样本同时计算。
 * x: [n, d]，每行一个样本；w: [d]，权重；b: 偏置（普通数字）。返回 [n]，每个样本一个激活值。
 */
export function neuron(x: tf.Tensor2D, w: tf.Tensor1D, b: number): tf.Tensor1D {
  return tf.tidy(() => {
    // 加权和：[n, d]·[d] → [n]，再给每个样本加上同一个偏置
    const z = tf.add(tf.dot(x, w), b);
    // 稳定的 sigmoid：exp 的参数始终 ≤ 0，所以 e ∈ (0, 1]，不会上溢
    const e = tf.exp(tf.neg(tf.abs(z)));
    const onePlusE = tf.add(1, e);
    const positive = tf.div(1, onePlusE); // z ≥ 0：1 / (1 + e^(−z))
    const negative = tf.div(e, onePlusE); // z < 0：e^z / (1 + e^z)
    return tf.where(tf.greaterEqual(z, 0), positive, negative) as tf.Tensor1D;
  });
}
