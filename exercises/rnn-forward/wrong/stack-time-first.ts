// 错误：沿第 0 维把各步叠起来，得到 [T, n, h]，而不是 [n, T, h]。
import * as tf from '@tensorflow/tfjs';

export function rnnForward(x: tf.Tensor3D, wx: tf.Tensor2D, wh: tf.Tensor2D, b: tf.Tensor1D): tf.Tensor3D {
  return tf.tidy(() => {
    const [n] = x.shape;
    const steps = tf.unstack(x, 1) as tf.Tensor2D[];
    let state: tf.Tensor2D = tf.zeros([n, wh.shape[0]]);
    const outputs: tf.Tensor2D[] = [];
    for (const xt of steps) {
      state = tf.tanh(tf.add(tf.add(tf.matMul(xt, wx), tf.matMul(state, wh)), b)) as tf.Tensor2D;
      outputs.push(state);
    }
    return tf.stack(outputs, 0) as tf.Tensor3D;
  });
}
