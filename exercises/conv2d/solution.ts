import * as tf from '@tensorflow/tfjs';

/** 一个空间维度上的输出尺寸和补零量（TensorFlow 的规则）。 */
function padding1d(size: number, k: number, stride: number, pad: 'valid' | 'same') {
  if (pad === 'valid') {
    return { out: Math.floor((size - k) / stride) + 1, before: 0, after: 0 };
  }
  const out = Math.ceil(size / stride);
  const total = Math.max((out - 1) * stride + k - size, 0);
  const before = Math.floor(total / 2);
  // 总量为奇数时，多出来的一格补在后面（下方 / 右侧）
  return { out, before, after: total - before };
}

/**
 * 二维卷积（互相关），NHWC 格式，用 im2col + 矩阵乘法实现。
 * x: [n, n_h, n_w, c_i]；filter: [k_h, k_w, c_i, c_o]。
 */
export function conv2d(
  x: tf.Tensor4D,
  filter: tf.Tensor4D,
  stride: number,
  pad: 'valid' | 'same',
): tf.Tensor4D {
  return tf.tidy(() => {
    const [n, inH, inW, cin] = x.shape;
    const [fh, fw, , cout] = filter.shape;
    const ph = padding1d(inH, fh, stride, pad);
    const pw = padding1d(inW, fw, stride, pad);

    // 1. 补零：只在高、宽两个维度上补
    const xp = tf.pad(x, [
      [0, 0],
      [ph.before, ph.after],
      [pw.before, pw.after],
      [0, 0],
    ]);

    // 2. 卷积核的每个位置 (i, j) 对应一块跨步切片 [n, outH, outW, cin]：
    //    输出位置 (oh, ow) 取的是补零后输入的 (oh·stride + i, ow·stride + j)
    const columns: tf.Tensor[] = [];
    for (let i = 0; i < fh; i++) {
      for (let j = 0; j < fw; j++) {
        columns.push(
          tf.stridedSlice(
            xp,
            [0, i, j, 0],
            [n, i + (ph.out - 1) * stride + 1, j + (pw.out - 1) * stride + 1, cin],
            [1, stride, stride, 1],
          ),
        );
      }
    }

    // 3. im2col：最后一维按 (i, j, c) 排列，与 filter 展平后的行顺序一致
    const k = fh * fw * cin;
    const patches = tf.reshape(tf.concat(columns, 3), [n * ph.out * pw.out, k]);
    const w = tf.reshape(filter, [k, cout]);

    // 4. 一次矩阵乘法完成所有位置、所有输出通道的加权求和
    const out = tf.matMul(patches, w);
    return tf.reshape(out, [n, ph.out, pw.out, cout]) as tf.Tensor4D;
  });
}
