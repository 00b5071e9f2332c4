import type * as tfTypes from '@tensorflow/tfjs';
import { defineCase, type CaseSuite, type Rng, type TF } from '../../src/grader/types';

type Layer = { w: tfTypes.Tensor2D; b: tfTypes.Tensor1D };
type Args = [tfTypes.Tensor2D, Layer[]];

/** 参考答案：h ← h·W + b，除最后一层外接 ReLU。 */
function reference([x, layers]: Args, tf: TF): tfTypes.Tensor {
  return tf.tidy(() => {
    let h: tfTypes.Tensor = x;
    layers.forEach((l, i) => {
      h = tf.add(tf.matMul(h, l.w), l.b);
      if (i < layers.length - 1) h = tf.relu(h);
    });
    return h;
  });
}

/** 随机网络：x [n, sizes[0]]，取值在 [−1, 1)；每层 W 在 [−1, 1)、b 在 [−0.5, 0.5)。 */
function randomNet(rng: Rng, n: number, sizes: number[]): Args {
  const layers: Layer[] = [];
  for (let i = 1; i < sizes.length; i++) {
    layers.push({
      w: rng.tensor([sizes[i - 1]!, sizes[i]!], -1, 1) as tfTypes.Tensor2D,
      b: rng.tensor([sizes[i]!], -0.5, 0.5) as tfTypes.Tensor1D,
    });
  }
  return [rng.tensor([n, sizes[0]!], -1, 1) as tfTypes.Tensor2D, layers];
}

const suite: CaseSuite = {
  cases: [
    defineCase<Args>({
      name: '只有一层：没有 ReLU',
      hint: '只有一层时它就是输出层，结果是 x·W + b，负数要原样保留。',
      inputs: ({ tf }) => [
        tf.tensor2d([
          [1, 2],
          [-1, 0.5],
        ]),
        [
          {
            w: tf.tensor2d([
              [1, -1, 0.5],
              [-2, 1, 0],
            ]),
            b: tf.tensor1d([0.5, -1, 0]),
          },
        ],
      ],
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '两层的小例子（有负的预激活）',
      hint: '隐藏层的预激活 [2, −1] 经 ReLU 变成 [2, 0]；输出层 2·1 + 0·3 − 3 = −1，输出层不接 ReLU，所以是 −1。',
      inputs: ({ tf }) => [
        tf.tensor2d([[1, 1]]),
        [
          {
            w: tf.tensor2d([
              [1, -1],
              [1, 0.5],
            ]),
            b: tf.tensor1d([0, -0.5]),
          },
          { w: tf.tensor2d([[1], [3]]), b: tf.tensor1d([-3]) },
        ],
      ],
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '隐藏单元全部关闭',
      hint: '隐藏层的偏置很负时，ReLU 把所有隐藏单元都变成 0，输出就只剩最后一层的偏置。',
      inputs: ({ tf, rng }) => {
        const [x, layers] = randomNet(rng, 4, [3, 5, 2]);
        layers[0]!.b.dispose();
        layers[0]!.b = tf.fill([5], -10) as tfTypes.Tensor1D;
        return [x, layers];
      },
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '三层网络，输入含负数',
      hint: 'ReLU 作用在每个隐藏层的 h·W + b 上，不作用在输入 x 上，也不作用在最后一层。',
      inputs: ({ rng }) => randomNet(rng, rng.int(3, 8), [rng.int(2, 5), rng.int(3, 8), rng.int(3, 8), rng.int(1, 4)]),
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '四层网络',
      hint: '层数可以是 1 到 4：用循环处理 layers 数组，而不是写死两层。',
      inputs: ({ rng }) => randomNet(rng, rng.int(2, 6), [4, 6, 5, 4, 3]),
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: 'MNIST 形状的两层网络 [784, 32, 10]',
      hint: '形状：[n, 784]·[784, 32] + [32] → [n, 32]，再 [n, 32]·[32, 10] + [10] → [n, 10]。',
      inputs: ({ rng }) => randomNet(rng, rng.int(2, 5), [784, 32, 10]),
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '随机层数与宽度',
      hint: '检查输出形状 [n, 最后一层的宽度]，以及 ReLU 的个数是层数减一。',
      inputs: ({ rng }) => {
        const depth = rng.int(1, 4);
        const sizes = Array.from({ length: depth + 1 }, () => rng.int(1, 7));
        return randomNet(rng, rng.int(1, 6), sizes);
      },
      expected: (args, { tf }) => reference(args, tf),
    }),
  ],
};
export default suite;
