// 错误：只把元素置零，忘了把保留下来的元素放大 1/(1 − rate) 倍（这是原始的、非倒置的 dropout）。
// 训练时输出的期望变成了 (1 − rate)·x，推理时就必须再乘 1 − rate 才能对上。
import * as tf from '@tensorflow/tfjs';

export function dropout(x: tf.Tensor, rate: number, u: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tf.mul(x, tf.cast(tf.greaterEqual(u, rate), 'float32')));
}
