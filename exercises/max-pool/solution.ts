import * as tf from '@tensorflow/tfjs';

/**
 * 最大池化，NHWC，'valid'（不补零）。
 * x: [n, n_h, n_w, c]；窗口 size × size，步长 stride（高、宽相同）。
 * 返回 [n, out_h, out_w, c]，out = floor((in − size) / stride) + 1。
 */
export function maxPool(x: tf.Tensor4D, size: number, stride: number): tf.Tensor4D {
  return tf.tidy(() => {
    const [n, inH, inW, c] = x.shape;
    const outH = Math.floor((inH - size) / stride) + 1;
    const outW = Math.floor((inW - size) / stride) + 1;
    // 窗口里的每个位置 (i, j) 对应一块跨步切片 [n, outH, outW, c]：
    // 输出位置 (p, q) 取的是输入的 (p·stride + i, q·stride + j)
    const slices: tf.Tensor[] = [];
    for (let i = 0; i < size; i++) {
      for (let j = 0; j < size; j++) {
        slices.push(
          tf.stridedSlice(x, [0, i, j, 0], [n, i + (outH - 1) * stride + 1, j + (outW - 1) * stride + 1, c], [1, stride, stride, 1]),
        );
      }
    }
    // 叠成 [size·size, n, outH, outW, c]，沿第 0 维取最大值：每个窗口、每个通道各自比较
    return tf.max(tf.stack(slices), 0) as tf.Tensor4D;
  });
}
