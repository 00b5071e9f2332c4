// 错误：把第一个输入当成了初始状态，h₀ = tanh(x₁·wx + b) 而不是 0，于是第 1 步被算了两次。
import * as tf from '@tensorflow/tfjs';

export function rnnForward(x: tf.Tensor3D, wx: tf.Tensor2D, wh: tf.Tensor2D, b: tf.Tensor1D): tf.Tensor3D {
  return tf.tidy(() => {
    const steps = tf.unstack(x, 1) as tf.Tensor2D[];
    let state = tf.tanh(tf.add(tf.matMul(steps[0]!, wx), b)) as tf.Tensor2D;
    const outputs: tf.Tensor2D[] = [];
    for (const xt of steps) {
      state = tf.tanh(tf.add(tf.add(tf.matMul(xt, wx), tf.matMul(state, wh)), b)) as tf.Tensor2D;
      outputs.push(state);
    }
    return tf.stack(outputs, 1) as tf.Tensor3D;
  });
}
