import * as tf from '@tensorflow/tfjs';

/**
 * L = batch 上的平均 softmax 交叉熵，L = −(1/n) Σᵢ Σₖ Yᵢₖ log softmax(Zᵢ)ₖ，标签是 one-hot。
 * 返回 ∂L/∂Z = (softmax(Z) − Y) / n，形状与 logits 相同 [n, q]。
 */
export function softmaxCrossEntropyGrad(labels: tf.Tensor2D, logits: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const n = logits.shape[0];
    // 稳定的 softmax：每一行减去自己的最大值，exp 的参数都 ≤ 0
    const m = tf.max(logits, -1, true); // [n, 1]
    const e = tf.exp(tf.sub(logits, m)); // [n, q]，每行最大的一项是 1
    const yHat = tf.div(e, tf.sum(e, -1, true)); // [n, q]
    // 第 4 章：一个样本 ∂ℓ/∂z = ŷ − y；L 是平均，再除以 n
    return tf.div(tf.sub(yHat, labels), n) as tf.Tensor2D;
  });
}
