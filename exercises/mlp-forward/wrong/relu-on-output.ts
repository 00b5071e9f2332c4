// 错误：最后一层也接了 ReLU，输出再也不能是负数；回归值和分类 logit 都需要负数。
import * as tf from '@tensorflow/tfjs';

export function mlpForward(x: tf.Tensor2D, layers: { w: tf.Tensor2D; b: tf.Tensor1D }[]): tf.Tensor2D {
  return tf.tidy(() => {
    let h: tf.Tensor2D = x;
    for (const layer of layers) h = tf.relu(tf.add(tf.matMul(h, layer.w), layer.b)) as tf.Tensor2D;
    return h;
  });
}
