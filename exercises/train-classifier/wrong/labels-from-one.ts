import * as tf from '@tensorflow/tfjs';

// 错误：以为类别从 1 开始数，把 argMax 的结果加了 1（差一错误）。
// 模型本身没有问题（这里是一个小的 softmax 回归，小批量训练 20 步），但每个预测都差了一位。
export function fitAndPredict(xTrain: tf.Tensor2D, yTrain: tf.Tensor1D, xTest: tf.Tensor2D, numClasses: number): tf.Tensor1D {
  const [X, Xt] = tf.tidy(() => {
    const { mean, variance } = tf.moments(xTrain, 0);
    const std = tf.sqrt(variance).add(1e-3);
    return [xTrain.sub(mean).div(std), xTest.sub(mean).div(std)];
  });
  const Y = tf.tidy(() => tf.oneHot(yTrain, numClasses).toFloat());
  const W = tf.variable(tf.zeros([X.shape[1]!, numClasses]));
  const b = tf.variable(tf.zeros([numClasses]));
  const optimizer = tf.train.adam(0.05);
  const batch = Math.min(100, X.shape[0]!);
  for (let step = 0; step < 20; step++) {
    const start = (step * batch) % (X.shape[0]! - batch + 1);
    tf.tidy(() => {
      optimizer.minimize(() => tf.losses.softmaxCrossEntropy(Y.slice([start, 0], [batch, numClasses]), X.slice([start, 0], [batch, -1]).matMul(W).add(b)));
    });
  }
  const predicted = tf.tidy(() => Xt.matMul(W).add(b).argMax(1).add(1)) as tf.Tensor1D; // 错：类别本来就从 0 开始
  optimizer.dispose();
  tf.dispose([X, Xt, Y, W, b]);
  return predicted;
}
