import * as tf from '@tensorflow/tfjs';

/**
 * 最大池化，NHWC，'valid'（不补零）。
 * x: [n, n_h, n_w, c]；窗口 size × size，步长 stride（高、宽相同）。
 * 返回 [n, out_h, out_w, c]，其中 out_h = floor((n_h − size) / stride) + 1，out_w 同理。
 */
export function maxPool(x: tf.Tensor4D, size: number, stride: number): tf.Tensor4D {
  const [n, inH, inW, c] = x.shape;
  const outH = Math.floor((inH - size) / stride) + 1;
  const outW = Math.floor((inW - size) / stride) + 1;
  // TODO: 对窗口里的每个位置 (i, j)，用 tf.stridedSlice 取出一块 [n, outH, outW, c] 的跨步切片
  // TODO: 在这些切片之间逐元素取最大值（tf.stack + tf.max，或 tf.maximum）
  return tf.zeros([n, outH, outW, c]);
}
