import * as tf from '@tensorflow/tfjs';

/**
 * Sigmoid 激活函数：σ(z) = 1 / (1 + e^(−z))，逐元素计算。
 * z: 任意形状的 float32 张量；返回形状相同的张量，每个元素在 (0, 1) 之间。
 */
export function sigmoid(z: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    // e = exp(−|z|) 的参数始终 ≤ 0，所以 e 在 (0, 1] 之间，永远不会上溢
    const e = tf.exp(tf.neg(tf.abs(z)));
    const onePlusE = tf.add(1, e);
    // z ≥ 0：σ(z) = 1 / (1 + e^(−z)) = 1 / (1 + e)
    const positive = tf.div(1, onePlusE);
    // z < 0：σ(z) = e^z / (1 + e^z) = e / (1 + e)
    const negative = tf.div(e, onePlusE);
    // 按 z 的正负逐元素选择两种等价写法
    return tf.where(tf.greaterEqual(z, 0), positive, negative);
  });
}
