import type * as tfTypes from '@tensorflow/tfjs';
import { defineCase, type CaseSuite, type Rng, type TF } from '../../src/grader/types';

type Args = [tfTypes.Tensor, tfTypes.Tensor, tfTypes.Tensor] | [tfTypes.Tensor, tfTypes.Tensor, tfTypes.Tensor, tfTypes.Tensor];

/** 参考答案：softmax(Q·Kᵀ/√d + (1 − mask)·(−1e9))·V。 */
function reference(args: Args, tf: TF): tfTypes.Tensor {
  const [q, k, v, mask] = args;
  return tf.tidy(() => {
    const d = q.shape[q.rank - 1] ?? 1;
    let scores = tf.div(tf.matMul(q, k, false, true), Math.sqrt(d));
    if (mask !== undefined) scores = tf.add(scores, tf.mul(tf.sub(1, mask), -1e9));
    return tf.matMul(tf.softmax(scores, -1), v);
  });
}

/** q、k、v：[...batch, Lq, d]、[...batch, Lk, d]、[...batch, Lk, dv]，取值在 [-2, 2)。 */
function qkv(rng: Rng, batch: number[], lq: number, lk: number, d: number, dv: number): [tfTypes.Tensor, tfTypes.Tensor, tfTypes.Tensor] {
  return [rng.tensor([...batch, lq, d], -2, 2), rng.tensor([...batch, lk, d], -2, 2), rng.tensor([...batch, lk, dv], -2, 2)];
}

/** 下三角因果掩码 [L, L]：第 i 个查询只能看到第 0…i 个键。 */
function causal(tf: TF, l: number): tfTypes.Tensor {
  const rows = Array.from({ length: l }, (_, i) => Array.from({ length: l }, (_, j) => (j <= i ? 1 : 0)));
  return tf.tensor2d(rows, [l, l], 'float32');
}

/** 随机 0/1 掩码，最后一维长 lk；每一行至少有一个 1（不会整行被屏蔽）。 */
function randomMask(tf: TF, rng: Rng, shape: number[]): tfTypes.Tensor {
  const lk = shape[shape.length - 1] ?? 1;
  const rows = shape.slice(0, -1).reduce((a, b) => a * b, 1);
  const values: number[] = [];
  for (let r = 0; r < rows; r++) {
    const row = Array.from({ length: lk }, () => (rng.next() < 0.6 ? 1 : 0));
    row[rng.int(0, lk - 1)] = 1;
    values.push(...row);
  }
  return tf.tensor(values, shape, 'float32');
}

/** padding 掩码 [B, 1, Lk]（或在前面再加 1 维）：每个样本的最后若干个键是补齐用的，被屏蔽。 */
function paddingMask(tf: TF, rng: Rng, b: number, lk: number, extraOnes: number): tfTypes.Tensor {
  const values: number[] = [];
  for (let i = 0; i < b; i++) {
    const valid = rng.int(1, lk);
    for (let j = 0; j < lk; j++) values.push(j < valid ? 1 : 0);
  }
  return tf.tensor(values, [b, ...new Array<number>(extraOnes).fill(1), lk], 'float32');
}

const suite: CaseSuite = {
  cases: [
    defineCase<Args>({
      name: '单个序列（rank 2）的小例子',
      hint: '得分 = Q·Kᵀ / √d，沿最后一维做 softmax，再乘以 V。',
      inputs: ({ tf }) => [
        tf.tensor2d([[1, 1]]),
        tf.tensor2d([
          [1, 0],
          [0, 1],
          [0, 0],
        ]),
        tf.tensor2d([[1], [2], [3]]),
      ],
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: 'rank 3、无掩码、Lq ≠ Lk、d ≠ dv',
      hint: '输出形状是 [batch, Lq, dv]；softmax 沿长度为 Lk 的最后一维做，并且别忘了除以 √d。',
      inputs: ({ rng }) => qkv(rng, [2], 3, 5, 4, 6),
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: 'rank 4（多头）、无掩码',
      hint: 'tf.matMul 会对前面的 [batch, heads] 维度逐个做矩阵乘法；transposeB 只转置最后两维。',
      inputs: ({ rng }) => qkv(rng, [2, 3], 4, 6, 8, 5),
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '因果掩码 [L, L] 广播到整个 batch',
      hint: 'mask 为 0 的位置要在 softmax 之前加上 −1e9，这样剩下的权重之和仍为 1；mask 形状 [L, L] 会自动广播。',
      inputs: ({ tf, rng }) => [...qkv(rng, [2], 5, 5, 4, 3), causal(tf, 5)],
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: 'padding 掩码 [B, 1, Lk]（rank 3）',
      hint: '形状 [B, 1, Lk] 的掩码对同一样本的所有查询相同，广播到 [B, Lq, Lk]；屏蔽要在 softmax 之前做。',
      inputs: ({ tf, rng }) => [...qkv(rng, [3], 3, 6, 4, 2), paddingMask(tf, rng, 3, 6, 1)],
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: 'rank 4 + 掩码 [B, 1, 1, Lk]',
      hint: '多头输入的掩码通常是 [B, 1, 1, Lk]，靠广播作用到每个头、每个查询。',
      inputs: ({ tf, rng }) => [...qkv(rng, [2, 2], 3, 5, 6, 4), paddingMask(tf, rng, 2, 5, 2)],
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: 'rank 3 + 随机掩码 [1, Lq, Lk]',
      hint: '掩码的第一维是 1，要广播到整个 batch；每一行被屏蔽的位置在 softmax 之后权重都应为 0。',
      inputs: ({ tf, rng }) => {
        const lq = rng.int(2, 5);
        const lk = rng.int(lq + 1, 7);
        return [...qkv(rng, [rng.int(2, 4)], lq, lk, rng.int(2, 6), rng.int(1, 5)), randomMask(tf, rng, [1, lq, lk])];
      },
      expected: (args, { tf }) => reference(args, tf),
    }),
    defineCase<Args>({
      name: '随机形状的 rank 4 输入与完整掩码',
      hint: '检查缩放因子 √d 用的是 q 的最后一维，softmax 沿最后一维，掩码在 softmax 之前加入。',
      inputs: ({ tf, rng }) => {
        const b = rng.int(1, 3);
        const h = rng.int(1, 3);
        const lq = rng.int(1, 5);
        const lk = rng.int(2, 6);
        return [...qkv(rng, [b, h], lq, lk, rng.int(3, 8), rng.int(1, 4)), randomMask(tf, rng, [b, h, lq, lk])];
      },
      expected: (args, { tf }) => reference(args, tf),
    }),
  ],
};
export default suite;
