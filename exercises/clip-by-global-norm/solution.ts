import * as tf from '@tensorflow/tfjs';

/**
 * 按全局范数裁剪一组梯度。
 * 全局范数 ‖g‖ = √(Σ 每个张量的元素平方和)；‖g‖ > maxNorm 时每个张量都乘以 maxNorm / ‖g‖，否则不变。
 * 返回与 grads 等长的数组，形状逐个保持不变。maxNorm > 0。
 */
export function clipByGlobalNorm(grads: tf.Tensor[], maxNorm: number): tf.Tensor[] {
  return tf.tidy(() => {
    const squares = grads.map((g) => tf.sum(tf.square(g)));
    const globalNorm = tf.sqrt(tf.addN(squares));
    // s = maxNorm / max(‖g‖, maxNorm)：超过阈值时 < 1，否则恰好为 1；分母至少是 maxNorm，不会 0/0
    const scale = tf.div(maxNorm, tf.maximum(globalNorm, maxNorm));
    return grads.map((g) => tf.mul(g, scale));
  });
}
