// 错误：输出尺寸用了向上取整（像 'same' 那样），在右边和下边补 −∞ 让最后一个不完整的窗口也算一次。
// 'valid' 池化不补任何东西：放不下一整个窗口的行和列直接丢掉。
import * as tf from '@tensorflow/tfjs';

export function maxPool(x: tf.Tensor4D, size: number, stride: number): tf.Tensor4D {
  return tf.tidy(() => {
    const [n, inH, inW, c] = x.shape;
    const outH = Math.ceil((inH - size) / stride) + 1;
    const outW = Math.ceil((inW - size) / stride) + 1;
    const padH = (outH - 1) * stride + size - inH;
    const padW = (outW - 1) * stride + size - inW;
    const xp = tf.pad(x, [[0, 0], [0, padH], [0, padW], [0, 0]], -Infinity);
    const slices: tf.Tensor[] = [];
    for (let i = 0; i < size; i++) {
      for (let j = 0; j < size; j++) {
        slices.push(tf.stridedSlice(xp, [0, i, j, 0], [n, i + (outH - 1) * stride + 1, j + (outW - 1) * stride + 1, c], [1, stride, stride, 1]));
      }
    }
    return tf.max(tf.stack(slices), 0) as tf.Tensor4D;
  });
}
