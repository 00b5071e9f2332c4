import * as tf from '@tensorflow/tfjs';

const EPS = 1e-7;

/**
 * 二元交叉熵：mean(−[y·log p + (1 − y)·log(1 − p)])，p 先裁剪到 [1e−7, 1 − 1e−7]。
 * yTrue: 0/1 标签；yPred: 与 yTrue 形状相同的概率。返回形状为 [] 的标量。
 */
export function binaryCrossEntropy(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    // 裁剪 p 本身，log p 和 log(1 − p) 都保持有限
    const p = tf.clipByValue(yPred, EPS, 1 - EPS);
    const logP = tf.log(p);
    const log1mP = tf.log(tf.sub(1, p));
    // 每个元素：y = 1 时取 −log p，y = 0 时取 −log(1 − p)
    const perElement = tf.neg(tf.add(tf.mul(yTrue, logP), tf.mul(tf.sub(1, yTrue), log1mP)));
    return tf.mean(perElement) as tf.Scalar;
  });
}
