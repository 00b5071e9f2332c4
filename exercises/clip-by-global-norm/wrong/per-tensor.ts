// 错误：按每个张量自己的范数分别裁剪（clip by norm），整个梯度的方向被改变了；应当用所有张量的全局范数。
import * as tf from '@tensorflow/tfjs';

export function clipByGlobalNorm(grads: tf.Tensor[], maxNorm: number): tf.Tensor[] {
  return tf.tidy(() =>
    grads.map((g) => {
      const norm = tf.sqrt(tf.sum(tf.square(g)));
      return tf.mul(g, tf.div(maxNorm, tf.maximum(norm, maxNorm)));
    }),
  );
}
