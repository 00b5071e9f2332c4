// 错误：默认步长等于窗口大小，用 reshape 把图切成互不重叠的 size × size 小块。
// stride = size 且尺寸能整除时它是对的（也是最快的做法），但窗口重叠（stride < size）、
// 窗口之间有间隔（stride > size）或尺寸不能整除时就错了。
import * as tf from '@tensorflow/tfjs';

export function maxPool(x: tf.Tensor4D, size: number, _stride: number): tf.Tensor4D {
  return tf.tidy(() => {
    const [n, inH, inW, c] = x.shape;
    const outH = Math.floor(inH / size);
    const outW = Math.floor(inW / size);
    const cropped = tf.slice(x, [0, 0, 0, 0], [n, outH * size, outW * size, c]);
    const blocks = tf.reshape(cropped, [n, outH, size, outW, size, c]);
    return tf.max(blocks, [2, 4]) as tf.Tensor4D;
  });
}
