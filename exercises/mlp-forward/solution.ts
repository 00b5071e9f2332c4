import * as tf from '@tensorflow/tfjs';

/**
 * 多层感知机的前向传播。
 * x: [n, d0]；layers[i] = { w: [d_i, d_{i+1}], b: [d_{i+1}] }，共 1–4 层。
 * 每层先算 h·W + b，除最后一层外再接 ReLU。返回 [n, d_L]。
 */
export function mlpForward(x: tf.Tensor2D, layers: { w: tf.Tensor2D; b: tf.Tensor1D }[]): tf.Tensor2D {
  return tf.tidy(() => {
    let h: tf.Tensor2D = x;
    layers.forEach((layer, i) => {
      // [n, d_i]·[d_i, d_{i+1}] + [d_{i+1}] → [n, d_{i+1}]（偏置沿 batch 维广播）
      h = tf.add(tf.matMul(h, layer.w), layer.b);
      // 隐藏层接 ReLU；最后一层保持线性，输出可以是任意实数
      if (i < layers.length - 1) h = tf.relu(h);
    });
    return h;
  });
}
