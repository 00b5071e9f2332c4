import * as tf from '@tensorflow/tfjs';

/**
 * 两层网络 ŷ = relu(x·W1 + b1)·W2 + b2，损失 L = mean((ŷ − y)²)（对全部 n·k 个元素求平均）。
 * 返回 L 对四个参数的梯度，形状与对应参数相同。
 */
export function twoLayerBackprop(
  x: tf.Tensor2D,
  y: tf.Tensor2D,
  p: { w1: tf.Tensor2D; b1: tf.Tensor1D; w2: tf.Tensor2D; b2: tf.Tensor1D },
): { dw1: tf.Tensor2D; db1: tf.Tensor1D; dw2: tf.Tensor2D; db2: tf.Tensor1D } {
  return tf.tidy(() => {
    // 前向传播（已经写好）
    const z = tf.add(tf.matMul(x, p.w1), p.b1); // [n, m]
    const h = tf.relu(z); // [n, m]
    const yHat = tf.add(tf.matMul(h, p.w2), p.b2); // [n, k]
    const err = tf.sub(yHat, y); // [n, k]

    // TODO: 1. dŷ = 2(ŷ − y) / (n·k)
    // TODO: 2. dW2 = hᵀ·dŷ，db2 = Σ_batch dŷ，dh = dŷ·W2ᵀ
    // TODO: 3. dz = dh ⊙ [z > 0]，dW1 = xᵀ·dz，db1 = Σ_batch dz
    void err;
    return {
      dw1: tf.zerosLike(p.w1),
      db1: tf.zerosLike(p.b1),
      dw2: tf.zerosLike(p.w2),
      db2: tf.zerosLike(p.b2),
    };
  });
}
