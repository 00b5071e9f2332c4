// 错误：指数直接用列号 j / dModel。偶数列 j = 2i 恰好是对的，但奇数列 j = 2i + 1 的 cos
// 用了 10000^((2i+1)/dModel)，不再与左边的 sin 共用同一个角度。
import * as tf from '@tensorflow/tfjs';

export function positionalEncoding(length: number, dModel: number): tf.Tensor2D {
  const denom: number[] = [];
  const isSin: boolean[] = [];
  for (let j = 0; j < dModel; j++) {
    denom.push(Math.pow(10000, j / dModel));
    isSin.push(j % 2 === 0);
  }
  return tf.tidy(() => {
    const pos = tf.reshape(tf.range(0, length), [length, 1]);
    const angle = tf.div(pos, tf.tensor1d(denom));
    return tf.where(tf.tensor1d(isSin, 'bool'), tf.sin(angle), tf.cos(angle)) as tf.Tensor2D;
  });
}
