// 错误：把损失当成平方误差之和来求导，没有除以元素个数 n·k，梯度大了 n·k 倍。
import * as tf from '@tensorflow/tfjs';

/**
 * 两层网络 ŷ = relu(x·W1 + b1)·W2 + b2，损失 L = mean((ŷ − y)²)（对全部 n·k 个元素求平均）。
 * 手动反向传播，返回 L 对 W1、b1、W2、b2 的梯度。
 */
export function twoLayerBackprop(
  x: tf.Tensor2D,
  y: tf.Tensor2D,
  p: { w1: tf.Tensor2D; b1: tf.Tensor1D; w2: tf.Tensor2D; b2: tf.Tensor1D },
): { dw1: tf.Tensor2D; db1: tf.Tensor1D; dw2: tf.Tensor2D; db2: tf.Tensor1D } {
  return tf.tidy(() => {
    // 前向传播，保留反向传播需要的中间量
    const z = tf.add(tf.matMul(x, p.w1), p.b1); // [n, m]
    const h = tf.relu(z); // [n, m]
    const yHat = tf.add(tf.matMul(h, p.w2), p.b2); // [n, k]

    // L = Σ (ŷ − y)²  ⇒  ∂L/∂ŷ = 2(ŷ − y)
    const dYHat = tf.mul(tf.sub(yHat, y), 2); // [n, k]

    // 输出层：ŷ = h·W2 + b2
    const dw2 = tf.matMul(h, dYHat, true, false); // hᵀ·dŷ → [m, k]
    const db2 = tf.sum(dYHat, 0); // b2 被加到每个样本上，梯度沿 batch 求和 → [k]
    const dh = tf.matMul(dYHat, p.w2, false, true); // dŷ·W2ᵀ → [n, m]

    // ReLU：只有 z > 0 的位置让梯度通过
    const dz = tf.mul(dh, tf.cast(tf.greater(z, 0), 'float32')); // [n, m]

    // 隐藏层：z = x·W1 + b1
    const dw1 = tf.matMul(x, dz, true, false); // xᵀ·dz → [d, m]
    const db1 = tf.sum(dz, 0); // [m]

    return {
      dw1: dw1 as tf.Tensor2D,
      db1: db1 as tf.Tensor1D,
      dw2: dw2 as tf.Tensor2D,
      db2: db2 as tf.Tensor1D,
    };
  });
}
