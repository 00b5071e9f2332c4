import { defineCase, type CaseSuite, type Rng } from '../../src/grader/types';

type Args = [number[]];

/** 参考答案：Σ_l (n_{l−1} + 1)·n_l，普通 number。 */
function reference([sizes]: Args): number {
  let total = 0;
  for (let l = 1; l < sizes.length; l++) total += (sizes[l - 1]! + 1) * sizes[l]!;
  return total;
}

/** 随机层宽：layers 层，即 layers + 1 个数，每个在 [lo, hi]。 */
function randomSizes(rng: Rng, layers: number, lo: number, hi: number): number[] {
  return Array.from({ length: layers + 1 }, () => rng.int(lo, hi));
}

const suite: CaseSuite = {
  cases: [
    defineCase<Args>({
      name: 'MNIST 网络 [784, 128, 10]',
      hint: '第一层 (784 + 1)×128 = 100480，第二层 (128 + 1)×10 = 1290，合计 101770。',
      inputs: () => [[784, 128, 10]],
      expected: (args) => reference(args),
    }),
    defineCase<Args>({
      name: '只有一层 [3, 1]',
      hint: '[d, k] 只有一层：3 个权重加 1 个偏置，共 4 个参数。',
      inputs: () => [[3, 1]],
      expected: (args) => reference(args),
    }),
    defineCase<Args>({
      name: '第一章的小网络 [3, 3, 1]',
      hint: '第一层 3×3 个权重 + 3 个偏置，第二层 3 个权重 + 1 个偏置，共 16 个。',
      inputs: () => [[3, 3, 1]],
      expected: (args) => reference(args),
    }),
    defineCase<Args>({
      name: '随机宽度的单层网络',
      hint: '一层 [d, k] 有 d·k 个权重和 k 个偏置：(d + 1)·k。',
      inputs: ({ rng }) => [randomSizes(rng, 1, 2, 50)],
      expected: (args) => reference(args),
    }),
    defineCase<Args>({
      name: '随机的深层网络（3–6 层）',
      hint: '对每一对相邻宽度都加上 (n_{l−1} + 1)·n_l；输入层没有偏置。',
      inputs: ({ rng }) => [randomSizes(rng, rng.int(3, 6), 1, 300)],
      expected: (args) => reference(args),
    }),
    defineCase<Args>({
      name: '宽度为 1 的瓶颈层 [5, 1, 5]',
      hint: '第一层 (5 + 1)×1 = 6，第二层 (1 + 1)×5 = 10。',
      inputs: () => [[5, 1, 5]],
      expected: (args) => reference(args),
    }),
  ],
};
export default suite;
