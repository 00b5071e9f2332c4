// 错误：把通道也一起取了最大值（每个窗口只剩一个数，再复制到每个通道）。
// 池化只在高和宽上进行，每个通道各自独立。
import * as tf from '@tensorflow/tfjs';

export function maxPool(x: tf.Tensor4D, size: number, stride: number): tf.Tensor4D {
  return tf.tidy(() => {
    const [n, inH, inW, c] = x.shape;
    const outH = Math.floor((inH - size) / stride) + 1;
    const outW = Math.floor((inW - size) / stride) + 1;
    const slices: tf.Tensor[] = [];
    for (let i = 0; i < size; i++) {
      for (let j = 0; j < size; j++) {
        slices.push(tf.stridedSlice(x, [0, i, j, 0], [n, i + (outH - 1) * stride + 1, j + (outW - 1) * stride + 1, c], [1, stride, stride, 1]));
      }
    }
    const m = tf.max(tf.stack(slices), [0, 4]); // [n, outH, outW]：通道也被归约掉了
    return tf.tile(tf.expandDims(m, 3), [1, 1, 1, c]) as tf.Tensor4D;
  });
}
