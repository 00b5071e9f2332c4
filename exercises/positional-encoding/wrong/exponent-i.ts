// 错误：指数里写成了 i / dModel（i = ⌊j/2⌋ 是第几对），少了因子 2。频率下降得只有应有的一半快。
import * as tf from '@tensorflow/tfjs';

export function positionalEncoding(length: number, dModel: number): tf.Tensor2D {
  const denom: number[] = [];
  const isSin: boolean[] = [];
  for (let j = 0; j < dModel; j++) {
    denom.push(Math.pow(10000, Math.floor(j / 2) / dModel));
    isSin.push(j % 2 === 0);
  }
  return tf.tidy(() => {
    const pos = tf.reshape(tf.range(0, length), [length, 1]);
    const angle = tf.div(pos, tf.tensor1d(denom));
    return tf.where(tf.tensor1d(isSin, 'bool'), tf.sin(angle), tf.cos(angle)) as tf.Tensor2D;
  });
}
