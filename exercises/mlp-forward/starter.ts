import * as tf from '@tensorflow/tfjs';

/**
 * 多层感知机的前向传播。
 * x: [n, d0]；layers[i] = { w: [d_i, d_{i+1}], b: [d_{i+1}] }，共 1–4 层。
 * 每层先算 h·W + b，除最后一层外再接 ReLU。返回 [n, d_L]。
 */
export function mlpForward(x: tf.Tensor2D, layers: { w: tf.Tensor2D; b: tf.Tensor1D }[]): tf.Tensor2D {
  return tf.tidy(() => {
    let h: tf.Tensor2D = x;
    // 目前只算了第一层的线性部分
    const first = layers[0]!;
    h = tf.add(tf.matMul(h, first.w), first.b);
    // TODO: 依次经过每一层；除最后一层外，每层之后接 ReLU
    return h;
  });
}
