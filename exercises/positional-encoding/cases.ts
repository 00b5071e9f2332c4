import type * as tfTypes from '@tensorflow/tfjs';
import { defineCase, type CaseSuite, type TF } from '../../src/grader/types';

type Args = [number, number];

/**
 * 参考答案：在双精度（JavaScript 的 Math.sin / Math.cos）里算，再舍入成 float32。
 * 用 float32 的 tfjs 运算算参考值，长度 512 时自己就会偏离精确值约 3e−5，会冤枉正确的代码。
 * PE[pos, 2i] = sin(pos / 10000^(2i/d))，PE[pos, 2i+1] = cos(同一个角度)：sin、cos 交替排列。
 */
function reference([length, dModel]: Args, { tf }: { tf: TF }): tfTypes.Tensor {
  const values = new Float32Array(length * dModel);
  for (let pos = 0; pos < length; pos++) {
    for (let j = 0; j < dModel; j++) {
      const i = Math.floor(j / 2);
      const angle = pos / Math.pow(10000, (2 * i) / dModel);
      values[pos * dModel + j] = j % 2 === 0 ? Math.sin(angle) : Math.cos(angle);
    }
  }
  return tf.tensor(values, [length, dModel], 'float32');
}

const suite: CaseSuite = {
  cases: [
    defineCase<Args>({
      name: '题目里的例子：length = 3、dModel = 4',
      hint: '第 1 行应是 [sin 1, cos 1, sin 0.01, cos 0.01] ≈ [0.8415, 0.5403, 0.0100, 0.99995]：第 0、1 列的角度是 pos / 10000⁰ = pos，第 2、3 列是 pos / 10000^(2/4) = pos / 100。sin 在偶数列、cos 在奇数列，交替排列。',
      inputs: () => [3, 4],
      expected: reference,
    }),
    defineCase<Args>({
      name: '只有一个位置（length = 1）',
      hint: '位置 0 的角度全是 0，所以编码是 [sin 0, cos 0, …] = [0, 1, 0, 1, …]；输出形状仍是 [1, dModel]，不要把第一维去掉。',
      inputs: ({ rng }) => [1, 2 * rng.int(2, 5)],
      expected: reference,
    }),
    defineCase<Args>({
      name: 'dModel = 2：只有一对 sin、cos',
      hint: 'dModel = 2 时只有 i = 0 一对：第 0 列 sin(pos)，第 1 列 cos(pos)，分母 10000⁰ = 1。',
      inputs: ({ rng }) => [rng.int(4, 9), 2],
      expected: reference,
    }),
    defineCase<Args>({
      name: 'dModel 为奇数（如 5、7）',
      hint: 'dModel 为奇数时，最后一列 j = dModel − 1 是偶数，只有 sin、没有配对的 cos。先算出 ⌈dModel / 2⌉ 对再截取、或者按列用掩码选 sin/cos，都不会少一列。',
      inputs: ({ rng }) => [rng.int(5, 12), rng.pick([3, 5, 7, 9])],
      expected: reference,
    }),
    defineCase<Args>({
      name: '随机的 length 与偶数 dModel',
      hint: '第 j 列的角度是 pos / 10000^(2⌊j/2⌋ / dModel)：偶数列和它右边的奇数列用同一个角度，一个取 sin、一个取 cos。',
      inputs: ({ rng }) => [rng.int(6, 30), 2 * rng.int(3, 10)],
      expected: reference,
    }),
    defineCase<Args>({
      name: '长序列：length = 512、dModel = 64（容差 1e−4）',
      hint: 'pos 接近 512 时，float32 角度本身的舍入误差约 3e−5，所以这个用例的容差放宽到约 1e−4 + 1e−3·|参考值|；更大的差说明公式不对：检查指数是 2i / dModel、底数是 10000，以及 sin/cos 的排列。',
      inputs: () => [512, 64],
      expected: reference,
      tolerance: 'loose',
    }),
    defineCase<Args>({
      name: '长序列、奇数 dModel：length = 200、dModel = 33',
      hint: '奇数 dModel 的最后一列只有 sin；长序列的容差同样放宽到约 1e−4。',
      inputs: () => [200, 33],
      expected: reference,
      tolerance: 'loose',
    }),
  ],
};
export default suite;
