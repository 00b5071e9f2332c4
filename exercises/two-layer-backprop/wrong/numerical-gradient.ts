// 错误（方法不对）：用中心差分 (L(θ + ε) − L(θ − ε)) / 2ε 逐个参数地“数值求导”。
// 它在小网络上数值正确（float64，ε = 1e−6），但每个参数要做两次前向传播：P 个参数就是 2P 次。
// 测试里的大网络有 P = 68 362 个参数，一次前向约 436 万次乘加，2P 次前向约 6 × 10¹¹ 次乘加，
// 远远超出时间限制；反向传播只要大约三次前向的计算量。中心差分用来检查梯度，不用来计算梯度。
import * as tf from '@tensorflow/tfjs';

type Mat = number[][];

/** float64 的前向传播与损失 L = mean((relu(x·W1 + b1)·W2 + b2 − y)²)。 */
function loss(x: Mat, y: Mat, w1: Mat, b1: number[], w2: Mat, b2: number[]): number {
  const n = x.length;
  const d = w1.length;
  const m = b1.length;
  const k = b2.length;
  let sum = 0;
  const h = new Array<number>(m);
  for (let i = 0; i < n; i++) {
    const xi = x[i]!;
    for (let j = 0; j < m; j++) {
      let z = b1[j]!;
      for (let a = 0; a < d; a++) z += xi[a]! * w1[a]![j]!;
      h[j] = z > 0 ? z : 0;
    }
    for (let c = 0; c < k; c++) {
      let out = b2[c]!;
      for (let j = 0; j < m; j++) out += h[j]! * w2[j]![c]!;
      const e = out - y[i]![c]!;
      sum += e * e;
    }
  }
  return sum / (n * k);
}

export function twoLayerBackprop(
  x: tf.Tensor2D,
  y: tf.Tensor2D,
  p: { w1: tf.Tensor2D; b1: tf.Tensor1D; w2: tf.Tensor2D; b2: tf.Tensor1D },
): { dw1: tf.Tensor2D; db1: tf.Tensor1D; dw2: tf.Tensor2D; db2: tf.Tensor1D } {
  const X = x.arraySync();
  const Y = y.arraySync();
  const W1 = p.w1.arraySync();
  const B1 = p.b1.arraySync();
  const W2 = p.w2.arraySync();
  const B2 = p.b2.arraySync();
  const eps = 1e-6;
  const L = () => loss(X, Y, W1, B1, W2, B2);
  // 中心差分：把一个参数挪 ±ε，各做一次前向传播
  const central = (get: () => number, set: (v: number) => void): number => {
    const v = get();
    set(v + eps);
    const up = L();
    set(v - eps);
    const down = L();
    set(v);
    return (up - down) / (2 * eps);
  };
  const dW1 = W1.map((row, a) => row.map((_, j) => central(() => W1[a]![j]!, (v) => (W1[a]![j] = v))));
  const dB1 = B1.map((_, j) => central(() => B1[j]!, (v) => (B1[j] = v)));
  const dW2 = W2.map((row, j) => row.map((_, c) => central(() => W2[j]![c]!, (v) => (W2[j]![c] = v))));
  const dB2 = B2.map((_, c) => central(() => B2[c]!, (v) => (B2[c] = v)));
  return { dw1: tf.tensor2d(dW1), db1: tf.tensor1d(dB1), dw2: tf.tensor2d(dW2), db2: tf.tensor1d(dB2) };
}
