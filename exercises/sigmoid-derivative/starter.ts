import * as tf from '@tensorflow/tfjs';

/**
 * Sigmoid 的导数：σ′(z) = σ(z)·(1 − σ(z))，逐元素计算。
 * z: 任意形状的 float32 张量；返回形状相同的张量，每个元素在 [0, 0.25] 之间。
 */
export function sigmoidDerivative(z: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    // TODO: 先用基础运算算出 σ(z)（tf.sigmoid 被禁用了），再用它表示 σ′(z)
    // TODO: z = ±1000 时结果应当是 0，不能出现 NaN
    return tf.fill(z.shape, 0.25);
  });
}
