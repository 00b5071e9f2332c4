import * as tf from '@tensorflow/tfjs';

/**
 * L = batch 上的平均 softmax 交叉熵，标签是 one-hot。返回 ∂L/∂Z，形状与 logits 相同 [n, q]。
 */
export function softmaxCrossEntropyGrad(labels: tf.Tensor2D, logits: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    // TODO: 1. 每一行先减去这一行的最大值（tf.max(logits, -1, true)），再取 exp、除以这一行的和：ŷ = softmax(Z)
    // TODO: 2. 一个样本的梯度是 ŷ − y；L 是 n 个样本的平均，所以再除以 n = logits.shape[0]
    void labels;
    return tf.zerosLike(logits) as tf.Tensor2D;
  });
}
