import * as tf from '@tensorflow/tfjs';

/**
 * 两层网络 Ŷ = relu(X·W⁽¹⁾ + b⁽¹⁾)·W⁽²⁾ + b⁽²⁾，损失 L = mean((Ŷ − Y)²)（对全部 n·q 个元素求平均）。
 * 返回 L 对四个参数的梯度，形状与对应参数相同：dw1 [d, h]、db1 [h]、dw2 [h, q]、db2 [q]。
 */
export function twoLayerBackprop(
  x: tf.Tensor2D,
  y: tf.Tensor2D,
  p: { w1: tf.Tensor2D; b1: tf.Tensor1D; w2: tf.Tensor2D; b2: tf.Tensor1D },
): { dw1: tf.Tensor2D; db1: tf.Tensor1D; dw2: tf.Tensor2D; db2: tf.Tensor1D } {
  return tf.tidy(() => {
    // 前向传播（已经写好）
    const z = tf.add(tf.matMul(x, p.w1), p.b1); // Z: [n, h]
    const h = tf.relu(z); // H: [n, h]
    const yHat = tf.add(tf.matMul(h, p.w2), p.b2); // Ŷ: [n, q]
    const err = tf.sub(yHat, y); // [n, q]

    // TODO: 1. δ⁽²⁾ = 2(Ŷ − Y) / (n·q)
    // TODO: 2. dW⁽²⁾ = Hᵀ·δ⁽²⁾，db⁽²⁾ = δ⁽²⁾ 沿样本维求和，∂L/∂H = δ⁽²⁾·W⁽²⁾ᵀ
    // TODO: 3. δ⁽¹⁾ = ∂L/∂H ⊙ 𝟙[Z > 0]，dW⁽¹⁾ = Xᵀ·δ⁽¹⁾，db⁽¹⁾ = δ⁽¹⁾ 沿样本维求和
    void err;
    return {
      dw1: tf.zerosLike(p.w1),
      db1: tf.zerosLike(p.b1),
      dw2: tf.zerosLike(p.w2),
      db2: tf.zerosLike(p.b2),
    };
  });
}
