// 错误：matMul 得到 [n, 1] 后用 squeeze 去掉多余的维度。n > 1 时没问题，
// 但 n = 1 时 squeeze 把 [1, 1] 压成了标量 []，输出不再是形状 [1] 的向量。
import * as tf from '@tensorflow/tfjs';

export function linearModel(x: tf.Tensor2D, w: tf.Tensor1D, b: number): tf.Tensor1D {
  return tf.tidy(() => {
    const z = tf.matMul(x, tf.reshape(w, [-1, 1]));
    return tf.squeeze(tf.add(z, b)) as tf.Tensor1D;
  });
}
