// 错误：把所有梯度拼成一个一维向量后裁剪并直接返回，每个张量原来的形状丢了。
import * as tf from '@tensorflow/tfjs';

export function clipByGlobalNorm(grads: tf.Tensor[], maxNorm: number): tf.Tensor[] {
  return tf.tidy(() =>
    grads.map((g) => {
      const flat = tf.concat(grads.map((t) => tf.reshape(t, [-1])));
      const norm = tf.norm(flat);
      return tf.mul(tf.reshape(g, [-1]), tf.div(maxNorm, tf.maximum(norm, maxNorm)));
    }),
  );
}
