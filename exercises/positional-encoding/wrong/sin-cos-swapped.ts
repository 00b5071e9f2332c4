// 错误：偶数列用了 cos、奇数列用了 sin，正好反了。位置 0 的编码变成 [1, 0, 1, 0, …]。
import * as tf from '@tensorflow/tfjs';

export function positionalEncoding(length: number, dModel: number): tf.Tensor2D {
  const denom: number[] = [];
  const isSin: boolean[] = [];
  for (let j = 0; j < dModel; j++) {
    denom.push(Math.pow(10000, (2 * Math.floor(j / 2)) / dModel));
    isSin.push(j % 2 === 1);
  }
  return tf.tidy(() => {
    const pos = tf.reshape(tf.range(0, length), [length, 1]);
    const angle = tf.div(pos, tf.tensor1d(denom));
    return tf.where(tf.tensor1d(isSin, 'bool'), tf.sin(angle), tf.cos(angle)) as tf.Tensor2D;
  });
}
