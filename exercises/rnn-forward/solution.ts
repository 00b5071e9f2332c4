import * as tf from '@tensorflow/tfjs';

/**
 * 简单循环神经网络（Elman 网络）沿时间展开的前向传播。
 * x: [n, T, d]；wx: [d, h]；wh: [h, h]；b: [h]。
 * hₜ = tanh(xₜ·wx + hₜ₋₁·wh + b)，h₀ = 0。返回每一步的隐藏状态，形状 [n, T, h]。
 */
export function rnnForward(x: tf.Tensor3D, wx: tf.Tensor2D, wh: tf.Tensor2D, b: tf.Tensor1D): tf.Tensor3D {
  return tf.tidy(() => {
    const [n] = x.shape;
    const h = wh.shape[0];
    // 一次把 x 沿时间维拆成 T 个 [n, d]
    const steps = tf.unstack(x, 1) as tf.Tensor2D[];
    let state: tf.Tensor2D = tf.zeros([n, h]);
    const outputs: tf.Tensor2D[] = [];
    for (const xt of steps) {
      // 同一组 wx、wh、b 用在每一个时间步
      state = tf.tanh(tf.add(tf.add(tf.matMul(xt, wx), tf.matMul(state, wh)), b)) as tf.Tensor2D;
      outputs.push(state);
    }
    // 沿第 1 维（时间）叠起来：[n, T, h]
    return tf.stack(outputs, 1) as tf.Tensor3D;
  });
}
