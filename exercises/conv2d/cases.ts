import type * as tfTypes from '@tensorflow/tfjs';
import { defineCase, type CaseSuite, type Rng } from '../../src/grader/types';

type Pad = 'valid' | 'same';
type Args = [tfTypes.Tensor4D, tfTypes.Tensor4D, number, Pad];

/** 随机输入：x 为 [n, n_h, n_w, c_i]，filter 为 [k_h, k_w, c_i, c_o]。 */
function make(rng: Rng, x: [number, number, number, number], f: [number, number, number, number], stride: number, pad: Pad): Args {
  return [rng.tensor(x, -1, 1) as tfTypes.Tensor4D, rng.tensor(f, -1, 1) as tfTypes.Tensor4D, stride, pad];
}

const suite: CaseSuite = {
  cases: [
    defineCase<Args>({
      name: "'valid'、步长 1、单通道",
      hint: "'valid' 不补零，输出尺寸 = n_h − k_h + 1；注意 conv2d 是互相关，卷积核不翻转。",
      inputs: ({ rng }) => make(rng, [1, 5, 5, 1], [3, 3, 1, 1], 1, 'valid'),
      expected: ([x, f, s, p], { tf }) => tf.conv2d(x, f, s, p),
    }),
    defineCase<Args>({
      name: "'valid'、步长 2、多输入多输出通道、batch > 1",
      hint: '步长为 2 时输出位置 (p, q) 的窗口从输入的 (2p, 2q) 开始，输出尺寸 floor((n_h − k_h)/2) + 1。',
      inputs: ({ rng }) => make(rng, [2, 7, 6, 2], [3, 2, 2, 3], 2, 'valid'),
      expected: ([x, f, s, p], { tf }) => tf.conv2d(x, f, s, p),
    }),
    defineCase<Args>({
      name: "'same'、奇数卷积核、步长 1",
      hint: "'same' 且步长 1 时输出与输入同尺寸；3×3 卷积核在四周各补 1 格零。",
      inputs: ({ rng }) => make(rng, [2, 6, 6, 3], [3, 3, 3, 2], 1, 'same'),
      expected: ([x, f, s, p], { tf }) => tf.conv2d(x, f, s, p),
    }),
    defineCase<Args>({
      name: "'same'、偶数卷积核（补零不对称）",
      hint: '2×2 卷积核只需补 1 格：TensorFlow 把它补在下方和右侧（前面补 floor(P/2)）；4×4 则上 1 下 2。',
      inputs: ({ rng }) => {
        const k = rng.pick([2, 4]);
        return make(rng, [2, 6, 6, 2], [k, k, 2, 3], 1, 'same');
      },
      expected: ([x, f, s, p], { tf }) => tf.conv2d(x, f, s, p),
    }),
    defineCase<Args>({
      name: "'same'、步长 2、偶数输入尺寸",
      hint: '输入 8、步长 2、卷积核 3：out = 4，总补零 = max(3·2 + 3 − 8, 0) = 1，只补在后面。',
      inputs: ({ rng }) => make(rng, [2, 8, 8, 2], [3, 3, 2, 2], 2, 'same'),
      expected: ([x, f, s, p], { tf }) => tf.conv2d(x, f, s, p),
    }),
    defineCase<Args>({
      name: "'same'、步长 2、偶数卷积核、高宽不同",
      hint: '高和宽要分别计算输出尺寸和补零量；总补零量为奇数时多出的一格补在后面。',
      inputs: ({ rng }) => make(rng, [1, 6, 7, 2], [4, 4, 2, 2], 2, 'same'),
      expected: ([x, f, s, p], { tf }) => tf.conv2d(x, f, s, p),
    }),
    defineCase<Args>({
      name: '1×1 卷积核只混合通道',
      hint: '1×1 卷积等价于对每个像素的通道向量乘同一个 [c_i, c_o] 矩阵。',
      inputs: ({ rng }) => make(rng, [2, 4, 5, 3], [1, 1, 3, 4], rng.pick([1, 2]), rng.pick<Pad>(['valid', 'same'])),
      expected: ([x, f, s, p], { tf }) => tf.conv2d(x, f, s, p),
    }),
    defineCase<Args>({
      name: '随机形状、步长与补零方式',
      hint: '检查输出尺寸公式、补零量以及 im2col 展开顺序是否与卷积核 [k_h, k_w, c_i, c_o] 的布局一致。',
      inputs: ({ rng }) => {
        const fh = rng.int(1, 4);
        const fw = rng.int(1, 4);
        const stride = rng.int(1, 3);
        const pad = rng.pick<Pad>(['valid', 'same']);
        const h = rng.int(fh, 9);
        const w = rng.int(fw, 9);
        const cin = rng.int(1, 3);
        return make(rng, [rng.int(1, 3), h, w, cin], [fh, fw, cin, rng.int(1, 3)], stride, pad);
      },
      expected: ([x, f, s, p], { tf }) => tf.conv2d(x, f, s, p),
    }),
  ],
};
export default suite;
