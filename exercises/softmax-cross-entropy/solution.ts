import * as tf from '@tensorflow/tfjs';

/**
 * Softmax 交叉熵损失（对 batch 求平均）。
 * labels: [n, c] 的 one-hot 标签；logits: [n, c] 的未归一化得分。
 */
export function softmaxCrossEntropy(labels: tf.Tensor2D, logits: tf.Tensor2D): tf.Scalar {
  return tf.tidy(() => {
    // 每一行的最大值，形状 [n, 1]；减去它之后 exp 的参数都 ≤ 0，不会上溢
    const m = tf.max(logits, -1, true);
    const shifted = tf.sub(logits, m);
    // log Σ exp(z − m)，形状 [n, 1]；其中至少有一项是 exp(0) = 1，所以 log 的参数 ≥ 1
    const logSumExp = tf.log(tf.sum(tf.exp(shifted), -1, true));
    // log softmax = (z − m) − log Σ exp(z − m)，始终是有限值
    const logProbs = tf.sub(shifted, logSumExp);
    // 每个样本的损失：−Σ_j y_j · log p_j，形状 [n]
    const perExample = tf.neg(tf.sum(tf.mul(labels, logProbs), -1));
    // 对 batch 求平均，得到形状 [] 的标量
    return tf.mean(perExample) as tf.Scalar;
  });
}
