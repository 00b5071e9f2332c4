// 错误：没有把状态传下去，每一步都从 h = 0 重新开始，循环权重 wh 实际上从未起作用。
import * as tf from '@tensorflow/tfjs';

export function rnnForward(x: tf.Tensor3D, wx: tf.Tensor2D, wh: tf.Tensor2D, b: tf.Tensor1D): tf.Tensor3D {
  return tf.tidy(() => {
    const [n] = x.shape;
    const steps = tf.unstack(x, 1) as tf.Tensor2D[];
    const outputs = steps.map((xt) => {
      const state = tf.zeros([n, wh.shape[0]]);
      return tf.tanh(tf.add(tf.add(tf.matMul(xt, wx), tf.matMul(state, wh)), b));
    });
    return tf.stack(outputs, 1) as tf.Tensor3D;
  });
}
