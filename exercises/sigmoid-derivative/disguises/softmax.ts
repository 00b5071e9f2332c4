import * as tf from '@tensorflow/tfjs';

// 禁用：softmax([z, 0]) 的两个分量相乘就是 σ′(z) = σ(z)(1 − σ(z))
export function sigmoidDerivative(z: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const p = tf.softmax(tf.stack([z, tf.zerosLike(z)], -1));
    return tf.mul(p.gather(0, -1), p.gather(1, -1)); // σ′ = p₀·p₁
  });
}
