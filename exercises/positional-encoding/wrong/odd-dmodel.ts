// 错误：先算 ⌊dModel / 2⌋ 对 (sin, cos)，stack 成 [length, 对数, 2] 再 reshape。
// dModel 为偶数时完全正确；dModel 为奇数时少了最后那一列 sin，形状变成 [length, dModel − 1]。
import * as tf from '@tensorflow/tfjs';

export function positionalEncoding(length: number, dModel: number): tf.Tensor2D {
  const pairs = Math.floor(dModel / 2);
  const denom = Array.from({ length: pairs }, (_, i) => Math.pow(10000, (2 * i) / dModel));
  return tf.tidy(() => {
    const pos = tf.reshape(tf.range(0, length), [length, 1]);
    const angle = tf.div(pos, tf.tensor1d(denom)); // [length, pairs]
    const interleaved = tf.stack([tf.sin(angle), tf.cos(angle)], 2); // [length, pairs, 2]
    return tf.reshape(interleaved, [length, 2 * pairs]) as tf.Tensor2D;
  });
}
