import * as tf from '@tensorflow/tfjs';

/**
 * 简单循环神经网络沿时间展开的前向传播。
 * x: [n, T, d]；wx: [d, h]；wh: [h, h]；b: [h]。
 * hₜ = tanh(xₜ·wx + hₜ₋₁·wh + b)，h₀ = 0。返回每一步的隐藏状态，形状 [n, T, h]。
 */
export function rnnForward(x: tf.Tensor3D, wx: tf.Tensor2D, wh: tf.Tensor2D, b: tf.Tensor1D): tf.Tensor3D {
  return tf.tidy(() => {
    const [n, T, d] = x.shape;
    const h = wh.shape[0];
    let state: tf.Tensor2D = tf.zeros([n, h]);
    const outputs: tf.Tensor2D[] = [];
    for (let t = 0; t < T; t++) {
      const xt = tf.reshape(tf.slice(x, [0, t, 0], [n, 1, d]), [n, d]) as tf.Tensor2D;
      // TODO: 这里还没有用上一步的隐藏状态 state 和循环权重 wh
      state = tf.tanh(tf.add(tf.matMul(xt, wx), b)) as tf.Tensor2D;
      outputs.push(state);
    }
    return tf.stack(outputs, 1) as tf.Tensor3D;
  });
}
