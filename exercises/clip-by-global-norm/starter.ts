import * as tf from '@tensorflow/tfjs';

/**
 * 按全局范数裁剪一组梯度。
 * 全局范数 ‖g‖ = √(Σ 每个张量的元素平方和)；‖g‖ > maxNorm 时每个张量都乘以 maxNorm / ‖g‖，否则不变。
 * 返回与 grads 等长的数组，形状逐个保持不变。maxNorm > 0。
 */
export function clipByGlobalNorm(grads: tf.Tensor[], maxNorm: number): tf.Tensor[] {
  return tf.tidy(() => {
    // TODO: 算出全局范数，超过 maxNorm 时把每个张量按同一个比例缩小
    void maxNorm;
    return grads.map((g) => tf.clone(g));
  });
}
