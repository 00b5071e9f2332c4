import type * as tfTypes from '@tensorflow/tfjs';
import { defineCase, type CaseSuite, type TF } from '../../src/grader/types';

type Args = [tfTypes.Tensor1D, tfTypes.Tensor1D];

/**
 * 参考答案（由 logit 计算，用 tfjs 自己的稳定 softplus）：
 * d = mean(softplus(−real)) + mean(softplus(fake))，g = mean(softplus(−fake))。
 */
function reference([real, fake]: Args, { tf }: { tf: TF }): { d: tfTypes.Scalar; g: tfTypes.Scalar } {
  return tf.tidy(() => ({
    d: tf.add(tf.mean(tf.softplus(tf.neg(real))), tf.mean(tf.softplus(fake))) as tfTypes.Scalar,
    g: tf.mean(tf.softplus(tf.neg(fake))) as tfTypes.Scalar,
  }));
}

const suite: CaseSuite = {
  cases: [
    defineCase<Args>({
      name: '题目里的例子：real = [2, 0]，fake = [−1, −2]',
      hint: 'd ≈ (0.1269 + 0.6931)/2 + (0.3133 + 0.1269)/2 ≈ 0.6301，g ≈ (1.3133 + 2.1269)/2 ≈ 1.7201。g 是正数：它是 softplus(−fake) 的平均，不是 −softplus(fake) 的平均（那是会饱和的原始写法）。',
      inputs: ({ tf }) => [tf.tensor1d([2, 0]), tf.tensor1d([-1, -2])],
      expected: reference,
    }),
    defineCase<Args>({
      name: '随机的中等 logit',
      hint: '返回 { d, g }，两个都是标量（形状 []）。判别器希望真样本的 logit 大、假样本的 logit 小：d = mean(softplus(−real)) + mean(softplus(fake))。',
      inputs: ({ rng }) => {
        const n = rng.int(4, 12);
        return [rng.tensor([n], -4, 4) as tfTypes.Tensor1D, rng.tensor([n], -4, 4) as tfTypes.Tensor1D];
      },
      expected: reference,
    }),
    defineCase<Args>({
      name: '真、假两批的个数不同',
      hint: '两项各自对自己那一批求平均（tf.mean），再相加；不要逐元素地把 real 和 fake 配对，也不要用 sum 代替 mean。',
      inputs: ({ rng }) => {
        const nReal = rng.int(2, 5);
        const nFake = nReal + rng.int(2, 6);
        return [rng.tensor([nReal], -3, 3) as tfTypes.Tensor1D, rng.tensor([nFake], -3, 3) as tfTypes.Tensor1D];
      },
      expected: reference,
    }),
    defineCase<Args>({
      name: 'logit = ±1000 时不溢出',
      hint: 'float32 里 exp(1000) 是 Infinity，σ(−1000) 是 0、log 0 = −Infinity。不要先算 σ 再取对数：softplus(x) = max(x, 0) + log1p(exp(−|x|))，exp 的参数 ≤ 0。这里 d = 1000、g = 500。',
      inputs: ({ tf }) => [tf.tensor1d([1000, -1000]), tf.tensor1d([1000, -1000])],
      expected: reference,
    }),
    defineCase<Args>({
      name: '判别器完全分得清（真 logit ≈ 40，假 logit ≈ −40）',
      hint: '这时 D(G(z)) ≈ 0：非饱和损失 g = mean(softplus(−fake)) ≈ 40，梯度仍然很大；会饱和的写法 −softplus(fake) ≈ 0，几乎没有梯度。d 应接近 0 但是正数。',
      inputs: ({ tf, rng }) => {
        const n = rng.int(3, 8);
        return [tf.add(rng.tensor([n], -3, 3), 40) as tfTypes.Tensor1D, tf.sub(rng.tensor([n], -3, 3), 40) as tfTypes.Tensor1D];
      },
      expected: reference,
    }),
    defineCase<Args>({
      name: '各只有一个样本，logit 很大',
      hint: '一个样本时平均就是它自己；logit 为 ±200 这类大数时 exp 会溢出，用稳定的 softplus。',
      inputs: ({ tf, rng }) => [tf.tensor1d([rng.pick([-200, -90, 90, 200])]), tf.tensor1d([rng.pick([-200, -90, 90, 200])])],
      expected: reference,
    }),
  ],
};
export default suite;
