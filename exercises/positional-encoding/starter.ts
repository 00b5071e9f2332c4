import * as tf from '@tensorflow/tfjs';

/**
 * 正弦位置编码（Vaswani 等, 2017, §3.5），sin、cos 交替排列：
 * PE[pos, 2i] = sin(pos / 10000^(2i/dModel))，PE[pos, 2i+1] = cos(pos / 10000^(2i/dModel))。
 * 返回 [length, dModel] 的 float32 张量；dModel 为奇数时最后一列只有 sin。
 */
export function positionalEncoding(length: number, dModel: number): tf.Tensor2D {
  // TODO: 1. 位置 pos = 0, 1, …, length − 1，做成 [length, 1] 的一列
  // TODO: 2. 第 j 列的角度 = pos / 10000^(2⌊j/2⌋ / dModel)
  // TODO: 3. 偶数列取 sin，奇数列取 cos
  // 目前只是每一列都用 sin(pos)：第 0 列对了，其余都不对
  return tf.tidy(() => {
    const pos = tf.reshape(tf.range(0, length), [length, 1]);
    return tf.tile(tf.sin(pos), [1, dModel]) as tf.Tensor2D;
  });
}
