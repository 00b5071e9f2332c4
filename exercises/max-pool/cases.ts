import type * as tfTypes from '@tensorflow/tfjs';
import { defineCase, type CaseSuite, type Rng } from '../../src/grader/types';

type Args = [tfTypes.Tensor4D, number, number];

/** 随机输入 x：[n, n_h, n_w, c]，元素在 [lo, hi) 中均匀分布。 */
function make(rng: Rng, shape: [number, number, number, number], size: number, stride: number, lo = -3, hi = 3): Args {
  return [rng.tensor(shape, lo, hi) as tfTypes.Tensor4D, size, stride];
}

const reference = ([x, size, stride]: Args, { tf }: { tf: typeof tfTypes }) => tf.maxPool(x, size, stride, 'valid');

const suite: CaseSuite = {
  cases: [
    defineCase<Args>({
      name: '4×4 单通道，窗口 2、步长 2',
      hint: '输出 2×2：每个互不重叠的 2×2 窗口取最大值。例如 [[1,2],[5,6]] 这个窗口的结果是 6。',
      inputs: ({ tf }) => [tf.tensor4d([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16], [1, 4, 4, 1]), 2, 2],
      expected: reference,
    }),
    defineCase<Args>({
      name: '全是负数（最大值也是负数）',
      hint: '窗口里全是负数时最大值是负数，不是 0：比较要从窗口里的第一个元素开始，不能从 0 开始。',
      inputs: ({ rng }) => make(rng, [2, 6, 6, 2], 2, 2, -9, -1),
      expected: reference,
    }),
    defineCase<Args>({
      name: '步长小于窗口：窗口互相重叠',
      hint: '窗口 3、步长 2：相邻窗口共享一行（一列）。输出位置 (p, q) 的窗口从输入的 (2p, 2q) 开始，out = floor((7 − 3) / 2) + 1 = 3。',
      inputs: ({ rng }) => make(rng, [2, 7, 7, 3], 3, 2),
      expected: reference,
    }),
    defineCase<Args>({
      name: '步长大于窗口：窗口之间有间隔',
      hint: '窗口 2、步长 3：每隔 3 个像素取一个 2×2 窗口，中间的像素不参与。out = floor((8 − 2) / 3) + 1 = 3。',
      inputs: ({ rng }) => make(rng, [1, 8, 8, 2], 2, 3),
      expected: reference,
    }),
    defineCase<Args>({
      name: '高宽不同的输入',
      hint: '高和宽要分别计算输出尺寸：[2, 5, 9, 3] 用窗口 2、步长 2 得到 [2, 2, 4, 3]。',
      inputs: ({ rng }) => make(rng, [2, 5, 9, 3], 2, 2),
      expected: reference,
    }),
    defineCase<Args>({
      name: '尺寸不能整除：丢掉多出的行和列',
      hint: "'valid' 不补零：高 8、窗口 3、步长 2 时 out = floor(5/2) + 1 = 3，最后一行不在任何窗口里；不要向上取整，也不要补 −∞ 凑一个不完整的窗口。",
      inputs: ({ rng }) => make(rng, [1, 8, 6, 2], 3, 2),
      expected: reference,
    }),
    defineCase<Args>({
      name: '多个通道、batch > 1：各自独立',
      hint: '池化只在高和宽上进行：每个样本、每个通道各自取最大值，输出的通道数和输入相同。',
      inputs: ({ rng }) => make(rng, [3, 6, 6, 4], 3, 3),
      expected: reference,
    }),
    defineCase<Args>({
      name: '窗口大小 1',
      hint: '窗口 1、步长 1 时输出就是输入；窗口 1、步长 2 时是隔一个取一个的下采样。',
      inputs: ({ rng }) => make(rng, [2, 5, 4, 3], 1, rng.pick([1, 2])),
      expected: reference,
    }),
    defineCase<Args>({
      name: '窗口覆盖整张图（全局最大池化）',
      hint: '窗口大小等于高和宽时，输出是 [n, 1, 1, c]：每个通道整张图的最大值。',
      inputs: ({ rng }) => make(rng, [2, 4, 4, 3], 4, rng.pick([1, 2, 4])),
      expected: reference,
    }),
    defineCase<Args>({
      name: '随机形状、窗口与步长',
      hint: '检查输出尺寸公式 floor((in − size) / stride) + 1（高、宽分别算），以及每个窗口的起点 (p·stride, q·stride)。',
      inputs: ({ rng }) => {
        const size = rng.int(1, 4);
        const stride = rng.int(1, 4);
        return make(rng, [rng.int(1, 3), rng.int(size, 10), rng.int(size, 10), rng.int(1, 4)], size, stride);
      },
      expected: reference,
    }),
  ],
};
export default suite;
