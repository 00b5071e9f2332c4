import * as tf from '@tensorflow/tfjs';

/**
 * Sigmoid 的导数：σ′(z) = σ(z)·(1 − σ(z))，逐元素计算。
 * z: 任意形状的 float32 张量；返回形状相同的张量，每个元素在 [0, 0.25] 之间。
 */
export function sigmoidDerivative(z: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    // σ′ 是偶函数，σ′(z) = σ′(|z|)。令 e = e^(−|z|) ∈ (0, 1]，永远不会上溢：
    // σ(|z|) = 1 / (1 + e)，1 − σ(|z|) = e / (1 + e)，两者相乘得 e / (1 + e)²
    const e = tf.exp(tf.neg(tf.abs(z)));
    return tf.div(e, tf.square(tf.add(1, e)));
  });
}
