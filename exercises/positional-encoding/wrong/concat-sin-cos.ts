// 错误：把 sin 和 cos 拼成前后两半 [sin | sin | … | cos | cos | …]（tensor2tensor 的写法），
// 而不是论文里的交替排列 [sin, cos, sin, cos, …]。两种编码含的信息一样，但逐元素对不上本题的约定。
import * as tf from '@tensorflow/tfjs';

export function positionalEncoding(length: number, dModel: number): tf.Tensor2D {
  const nSin = Math.ceil(dModel / 2);
  const nCos = dModel - nSin;
  const denom = (n: number) => Array.from({ length: n }, (_, i) => Math.pow(10000, (2 * i) / dModel));
  return tf.tidy(() => {
    const pos = tf.reshape(tf.range(0, length), [length, 1]);
    const sin = tf.sin(tf.div(pos, tf.tensor1d(denom(nSin))));
    if (nCos === 0) return sin as tf.Tensor2D;
    const cos = tf.cos(tf.div(pos, tf.tensor1d(denom(nCos))));
    return tf.concat([sin, cos], 1) as tf.Tensor2D;
  });
}
