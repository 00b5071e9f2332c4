import * as tf from '@tensorflow/tfjs';

const EPS = 1e-7;

/**
 * 二分类 focal loss（Lin 等, 2017）：mean(−α_t · (1 − p_t)^γ · log p_t)。
 * yTrue: 0/1 标签；p: 与 yTrue 形状相同的概率（先裁剪到 [1e−7, 1 − 1e−7]）。
 * p_t = p（y = 1）或 1 − p（y = 0）；α_t = α（y = 1）或 1 − α（y = 0）。
 */
export function focalLoss(yTrue: tf.Tensor, p: tf.Tensor, gamma = 2, alpha = 0.25): tf.Scalar {
  return tf.tidy(() => {
    const pc = tf.clipByValue(p, EPS, 1 - EPS);
    const notY = tf.sub(1, yTrue);
    // 模型给正确类别的概率
    const pt = tf.add(tf.mul(yTrue, pc), tf.mul(notY, tf.sub(1, pc)));
    // 按标签选择的类别权重
    const alphaT = tf.add(tf.mul(yTrue, alpha), tf.mul(notY, 1 - alpha));
    // 调制因子：越容易（p_t 越接近 1）的样本，权重越小
    const modulator = tf.pow(tf.sub(1, pt), gamma);
    const perElement = tf.neg(tf.mul(tf.mul(alphaT, modulator), tf.log(pt)));
    return tf.mean(perElement) as tf.Scalar;
  });
}
