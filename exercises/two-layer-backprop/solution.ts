import * as tf from '@tensorflow/tfjs';

/**
 * 两层网络 Ŷ = relu(X·W⁽¹⁾ + b⁽¹⁾)·W⁽²⁾ + b⁽²⁾，损失 L = mean((Ŷ − Y)²)（对全部 n·q 个元素求平均）。
 * 手动反向传播，返回 L 对 W⁽¹⁾、b⁽¹⁾、W⁽²⁾、b⁽²⁾ 的梯度（形状 [d, h]、[h]、[h, q]、[q]）。
 */
export function twoLayerBackprop(
  x: tf.Tensor2D,
  y: tf.Tensor2D,
  p: { w1: tf.Tensor2D; b1: tf.Tensor1D; w2: tf.Tensor2D; b2: tf.Tensor1D },
): { dw1: tf.Tensor2D; db1: tf.Tensor1D; dw2: tf.Tensor2D; db2: tf.Tensor1D } {
  return tf.tidy(() => {
    // 前向传播，留下反向传播要用的中间量：Z（ReLU 的导数要看它的正负）和 H（算 dW⁽²⁾ 要用）
    const z = tf.add(tf.matMul(x, p.w1), p.b1); // Z: [n, h]
    const h = tf.relu(z); // H: [n, h]
    const yHat = tf.add(tf.matMul(h, p.w2), p.b2); // Ŷ: [n, q]

    // L = (1/(n·q)) Σ (Ŷ − Y)²  ⇒  δ⁽²⁾ = ∂L/∂Ŷ = 2(Ŷ − Y)/(n·q)
    const count = y.size; // n·q
    const delta2 = tf.mul(tf.sub(yHat, y), 2 / count); // [n, q]

    // 输出层：Ŷ = H·W⁽²⁾ + b⁽²⁾
    const dw2 = tf.matMul(h, delta2, true, false); // Hᵀ·δ⁽²⁾ → [h, q]
    const db2 = tf.sum(delta2, 0); // b⁽²⁾ 加到每个样本上，梯度沿样本维求和 → [q]
    const dH = tf.matMul(delta2, p.w2, false, true); // δ⁽²⁾·W⁽²⁾ᵀ → [n, h]

    // ReLU：只有 Z > 0 的位置让梯度通过
    const delta1 = tf.mul(dH, tf.cast(tf.greater(z, 0), 'float32')); // δ⁽¹⁾: [n, h]

    // 隐藏层：Z = X·W⁽¹⁾ + b⁽¹⁾
    const dw1 = tf.matMul(x, delta1, true, false); // Xᵀ·δ⁽¹⁾ → [d, h]
    const db1 = tf.sum(delta1, 0); // [h]

    return {
      dw1: dw1 as tf.Tensor2D,
      db1: db1 as tf.Tensor1D,
      dw2: dw2 as tf.Tensor2D,
      db2: db2 as tf.Tensor1D,
    };
  });
}
