import * as tf from '@tensorflow/tfjs';

/**
 * 正弦位置编码（Vaswani 等, 2017, §3.5），sin、cos 交替排列：
 * PE[pos, 2i] = sin(pos / 10000^(2i/dModel))，PE[pos, 2i+1] = cos(pos / 10000^(2i/dModel))。
 * 返回 [length, dModel] 的 float32 张量；dModel 为奇数时最后一列只有 sin。
 */
export function positionalEncoding(length: number, dModel: number): tf.Tensor2D {
  // 每一列的分母 10000^(2i/dModel)，i = ⌊j/2⌋：在 JavaScript 的双精度里算好
  const denom: number[] = [];
  const isSin: boolean[] = [];
  for (let j = 0; j < dModel; j++) {
    denom.push(Math.pow(10000, (2 * Math.floor(j / 2)) / dModel));
    isSin.push(j % 2 === 0);
  }
  return tf.tidy(() => {
    const pos = tf.reshape(tf.range(0, length), [length, 1]); // [length, 1]
    // 用位置除以分母（而不是乘以它的倒数），广播成 [length, dModel] 的角度
    const angle = tf.div(pos, tf.tensor1d(denom));
    // 偶数列取 sin，奇数列取 cos；[dModel] 的掩码广播到每一行
    return tf.where(tf.tensor1d(isSin, 'bool'), tf.sin(angle), tf.cos(angle)) as tf.Tensor2D;
  });
}
