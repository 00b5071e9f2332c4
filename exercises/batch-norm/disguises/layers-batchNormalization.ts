// 伪装：用 tf.layers.batchNormalization 在训练模式下一步算完（设好 ε、γ、β）。tf.layers 本题禁用，必须被判为禁用。
import * as tf from '@tensorflow/tfjs';

export function batchNorm(x: tf.Tensor2D, gamma: tf.Tensor1D, beta: tf.Tensor1D, eps = 1e-5): tf.Tensor2D {
  const layer = tf.layers.batchNormalization({ epsilon: eps });
  layer.apply(x, { training: true });
  layer.setWeights([gamma, beta, tf.zeros(gamma.shape), tf.ones(gamma.shape)]);
  return layer.apply(x, { training: true }) as tf.Tensor2D;
}
