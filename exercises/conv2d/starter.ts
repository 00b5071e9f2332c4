import * as tf from '@tensorflow/tfjs';

/**
 * 二维卷积（互相关），NHWC 格式。
 * x: [n, n_h, n_w, c_i]；filter: [k_h, k_w, c_i, c_o]；stride 同时用于高和宽。
 * pad: 'valid' 不补零；'same' 按 TensorFlow 的规则补零（多出来的一格补在后面）。
 * 返回 [n, out_h, out_w, c_o]。
 */
export function conv2d(
  x: tf.Tensor4D,
  filter: tf.Tensor4D,
  stride: number,
  pad: 'valid' | 'same',
): tf.Tensor4D {
  const [n, inH, inW] = x.shape;
  const [fh, fw, , cout] = filter.shape;
  // TODO: 1. 根据 pad 和 stride 算出 outH、outW 以及上下左右的补零量
  const outH = pad === 'same' ? Math.ceil(inH / stride) : Math.floor((inH - fh) / stride) + 1;
  const outW = pad === 'same' ? Math.ceil(inW / stride) : Math.floor((inW - fw) / stride) + 1;
  // TODO: 2. tf.pad 补零，然后对卷积核的每个位置 (i, j) 取一块跨步切片
  // TODO: 3. 拼成 im2col 矩阵，与 reshape 后的卷积核做 tf.matMul，再 reshape 成输出形状
  return tf.zeros([n, outH, outW, cout]);
}
