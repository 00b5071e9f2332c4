import type * as tfTypes from '@tensorflow/tfjs';
import { defineCase, type CaseSuite, type Rng, type TF } from '../../src/grader/types';

type Args = [tfTypes.Tensor2D, tfTypes.Tensor2D, tfTypes.Tensor2D, tfTypes.Tensor2D, tfTypes.Tensor2D, tfTypes.Tensor1D];

/**
 * 参考答案：tfjs 自己的 tf.layers.lstm，recurrentActivation: 'sigmoid'（tfjs 的默认是 hardSigmoid），
 * 装上同样的权重，对长度为 1 的序列 x.reshape([n, 1, d]) 以 initialState [h, c] 跑一步，
 * returnState: true 取回新的 h 和 c。
 */
function reference([x, h, c, kernel, recurrent, bias]: Args, tf: TF): { h: tfTypes.Tensor; c: tfTypes.Tensor } {
  const [n, d] = x.shape;
  const layer = tf.layers.lstm({ units: h.shape[1], recurrentActivation: 'sigmoid', returnState: true });
  const seq = x.reshape([n, 1, d]);
  for (const t of layer.apply(seq, { initialState: [h, c] }) as tfTypes.Tensor[]) t.dispose(); // 建好权重
  layer.setWeights([kernel, recurrent, bias]);
  // returnSequences 为 false 时，第一个输出就是新的 h（同一个张量），不能单独 dispose
  const [, hNext, cNext] = layer.apply(seq, { initialState: [h, c] }) as tfTypes.Tensor[];
  seq.dispose();
  layer.dispose();
  return { h: hNext!, c: cNext! };
}

/** 随机的一步：x [n, d]，h、c [n, u]，kernel [d, 4u]，recurrent [u, 4u]，bias [4u]。 */
function random(rng: Rng, n: number, d: number, u: number, w: number, cRange = 1): Args {
  return [
    rng.tensor([n, d], -1, 1) as tfTypes.Tensor2D,
    rng.tensor([n, u], -1, 1) as tfTypes.Tensor2D,
    rng.tensor([n, u], -cRange, cRange) as tfTypes.Tensor2D,
    rng.tensor([d, 4 * u], -w, w) as tfTypes.Tensor2D,
    rng.tensor([u, 4 * u], -w, w) as tfTypes.Tensor2D,
    rng.tensor([4 * u], -w, w) as tfTypes.Tensor1D,
  ];
}

const suite: CaseSuite = {
  cases: [
    defineCase<Args>({
      name: '正文的例子：一个单元',
      hint: 'x = 1，h = 0.5，c = 1 时四个预激活是 (z_i, z_f, z_c, z_o) = (0, 2, 1, −1)：i = σ(0) = 0.5，f = σ(2) ≈ 0.8808，c̃ = tanh 1 ≈ 0.7616，o = σ(−1) ≈ 0.2689，c′ ≈ 1.2616，h′ = o·tanh(c′) ≈ 0.2290。',
      inputs: ({ tf }) => [
        tf.tensor2d([[1]]),
        tf.tensor2d([[0.5]]),
        tf.tensor2d([[1]]),
        tf.tensor2d([[0.5, 1, 1, -0.5]]),
        tf.tensor2d([[-1, 2, 0, -1]]),
        tf.tensor1d([0, 0, 0, 0]),
      ],
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '每个门的预激活都为负',
      hint: '门用标准 sigmoid：σ(−1) ≈ 0.269，而 tfjs 默认的 hardSigmoid 给出 0.2·(−1) + 0.5 = 0.3，预激活 ≤ −2.5 时它干脆是 0。',
      inputs: ({ rng }) => {
        const n = 3;
        const d = 2;
        const u = 3;
        // x、h 为正，权重和偏置都为负：z = x·kernel + h·recurrent + bias 的每个元素都 < 0
        return [
          rng.tensor([n, d], 0.2, 1) as tfTypes.Tensor2D,
          rng.tensor([n, u], 0.1, 1) as tfTypes.Tensor2D,
          rng.tensor([n, u], -2, 2) as tfTypes.Tensor2D,
          rng.tensor([d, 4 * u], -1.5, -0.1) as tfTypes.Tensor2D,
          rng.tensor([u, 4 * u], -1.5, -0.1) as tfTypes.Tensor2D,
          rng.tensor([4 * u], -1, -0.1) as tfTypes.Tensor1D,
        ];
      },
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '只有偏置：按 i, f, c, o 的顺序切块',
      hint: '权重全为 0 时四个门只由偏置的四个列块决定，这四块依次是 i、f、c̃、o（tf.layers.lstm 的顺序）。i, f, o, c 或 i, c, f, o 的顺序在这里会得到不同的结果。',
      inputs: ({ tf, rng }) => {
        const n = 2;
        const d = 3;
        const u = 2;
        const block = (v: number) => new Array<number>(u).fill(v);
        return [
          rng.tensor([n, d], -1, 1) as tfTypes.Tensor2D,
          rng.tensor([n, u], -1, 1) as tfTypes.Tensor2D,
          tf.ones([n, u]) as tfTypes.Tensor2D,
          tf.zeros([d, 4 * u]) as tfTypes.Tensor2D,
          tf.zeros([u, 4 * u]) as tfTypes.Tensor2D,
          tf.tensor1d([...block(1), ...block(-2), ...block(0.5), ...block(3)]),
        ];
      },
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '零状态 h = c = 0',
      hint: 'c = 0 时 c′ = i ⊙ tanh(z_c)：候选值要先过 tanh 再乘输入门；然后 h′ = o ⊙ tanh(c′)。',
      inputs: ({ tf, rng }) => {
        const [x, , , kernel, recurrent, bias] = random(rng, 3, 4, 3, 1.5);
        return [x, tf.zeros([3, 3]) as tfTypes.Tensor2D, tf.zeros([3, 3]) as tfTypes.Tensor2D, kernel, recurrent, bias];
      },
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '较大的细胞状态（|c| 可达 3）',
      hint: '细胞状态本身不受 [−1, 1] 的限制，但输出要再过一次 tanh：h′ = o ⊙ tanh(c′)，不是 o ⊙ c′。',
      inputs: ({ rng }) => random(rng, 4, 2, 3, 1, 3),
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: 'batch 为 5、d ≠ u',
      hint: 'kernel 是 [d, 4u]，recurrent 是 [u, 4u]：x·kernel 与 h·recurrent 都是 [n, 4u]，相加后再加 bias；然后沿第 1 维切成四块。',
      inputs: ({ rng }) => random(rng, 5, 6, 4, 1),
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '较大的权重：门接近 0 或 1',
      hint: '预激活很大时 sigmoid 接近 0 或 1、tanh 接近 ±1；公式不变，不需要任何裁剪。',
      inputs: ({ rng }) => random(rng, 3, 3, 2, 4, 2),
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '随机形状',
      hint: 'n、d、u 都可能不同：u 从 h.shape[1] 或 recurrent.shape[0] 读，tf.split(z, 4, 1) 会自动切成四个 [n, u]。',
      inputs: ({ rng }) => random(rng, rng.int(1, 4), rng.int(1, 5), rng.int(1, 6), 1.5, 2),
      expected: (args, { tf }) => reference(args, tf),
    }),
  ],
};
export default suite;
