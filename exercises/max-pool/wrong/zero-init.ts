// 错误：最大值的“累加器”从 0 开始。窗口里全是负数时，结果应当是负数，这里却得到 0。
import * as tf from '@tensorflow/tfjs';

export function maxPool(x: tf.Tensor4D, size: number, stride: number): tf.Tensor4D {
  return tf.tidy(() => {
    const [n, inH, inW, c] = x.shape;
    const outH = Math.floor((inH - size) / stride) + 1;
    const outW = Math.floor((inW - size) / stride) + 1;
    let best: tf.Tensor4D = tf.zeros([n, outH, outW, c]);
    for (let i = 0; i < size; i++) {
      for (let j = 0; j < size; j++) {
        const s = tf.stridedSlice(x, [0, i, j, 0], [n, i + (outH - 1) * stride + 1, j + (outW - 1) * stride + 1, c], [1, stride, stride, 1]) as tf.Tensor4D;
        best = tf.maximum(best, s);
      }
    }
    return best;
  });
}
