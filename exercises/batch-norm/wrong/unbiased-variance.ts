// 错误：方差用了无偏估计，除以 n − 1 而不是 n。批归一化（论文的算法 1、tfjs 的实现）在训练时用的是
// 有偏方差 mean((x − μ)²)。批越小差得越多：n = 2 时方差大了一倍；n = 1 时除以 0 得到 NaN。
import * as tf from '@tensorflow/tfjs';

export function batchNorm(x: tf.Tensor2D, gamma: tf.Tensor1D, beta: tf.Tensor1D, eps = 1e-5): tf.Tensor2D {
  return tf.tidy(() => {
    const n = x.shape[0];
    const mu = tf.mean(x, 0, true);
    const centered = tf.sub(x, mu);
    const variance = tf.div(tf.sum(tf.square(centered), 0, true), n - 1);
    return tf.add(tf.mul(tf.div(centered, tf.sqrt(tf.add(variance, eps))), gamma), beta) as tf.Tensor2D;
  });
}
