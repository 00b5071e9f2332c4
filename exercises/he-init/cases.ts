import { defineCase, type CaseSuite, type Plain, type Rng } from '../../src/grader/types';

/** heNormal(fanIn, fanOut, seed)。 */
type Args = [number, number, number];
type TensorPlain = Extract<Plain, { t: 'tensor' }>;

/*
 * 统计检验与误判率（正确的实现被判错的概率）。
 *
 * 每个统计用例取 N = 16384 个样本 x₁ … x_N，目标分布 N(0, σ²)，σ² = 2/fanIn。若样本真的独立地来自这个分布：
 *
 * 1. 均值：x̄ ~ N(0, σ²/N) 精确成立。要求 |x̄| ≤ K_MEAN · σ/√N，K_MEAN = 5.5，
 *    误判率 P(|Z| > 5.5) = 3.8e-8。
 * 2. 方差（均值已知为 0）：S = Σ xᵢ²/σ² ~ χ²_N 精确成立。用 Laurent 与 Massart (2000, Lemma 1) 的不等式
 *    P(S − N ≥ 2√(N·a) + 2a) ≤ e^(−a)，P(N − S ≥ 2√(N·a)) ≤ e^(−a)，取 a = ln(1e8)，两侧各 ≤ 1e-8，合计 2e-8。
 *    N = 16384 时允许的 S/N 约为 [0.933, 1.069]：LeCun（1/fanIn，比值 0.5）、Glorot（2/(fanIn+fanOut)）、
 *    截断正态（比值 0.774）、标准差与方差混淆都落在区间外很远。
 * 3. 正态性：Kolmogorov–Smirnov 统计量 D = sup|F_N(x) − Φ(x/σ)|，用 Dvoretzky–Kiefer–Wolfowitz 不等式的
 *    Massart (1990) 常数：对任何 N，P(√N·D > t) ≤ 2e^(−2t²)。取 2e^(−2t²) = 5e-8，t ≈ 2.958。
 *    方差相同的均匀分布 U(−√3σ, √3σ) 与 N(0, σ²) 的分布函数最大相差约 0.057，√N·D ≈ 7.3，远超 2.958；
 *    在 ±2σ 处截断的正态分布最大相差约 0.023（√N·D ≈ 2.9，接近临界值），它由方差检验判错（比值 0.774）。
 *
 * 一次评分的误判率（并集上界，每个检验最多用一次）：
 *   方差用例 3 个 × (3.8e-8 + 2e-8) + 正态性用例 1 个 × 5e-8 ≈ 2.2e-7 < 1e-6。
 * 形状用例和种子用例没有随机性（两个不同种子恰好给出完全相同的 64 个 float32 的概率可以忽略）。
 * FALSE_FAILURE_BOUND 由下面的常数算出，tests/unit/he-init-stats.test.ts 检查它小于 1e-6。
 */
export const N_SAMPLES = 16384;
export const K_MEAN = 5.5;
export const P_MEAN = 3.8e-8; // 2·(1 − Φ(5.5)) = 3.7978e-8，取上整
export const VAR_TAIL_A = Math.log(1e8);
export const P_VAR = 2 * Math.exp(-VAR_TAIL_A);
export const P_KS = 5e-8;
export const KS_T = Math.sqrt(Math.log(2 / P_KS) / 2);
export const VARIANCE_CASES = 3;
export const NORMALITY_CASES = 1;
export const FALSE_FAILURE_BOUND = VARIANCE_CASES * (P_MEAN + P_VAR) + NORMALITY_CASES * P_KS;

/** S/N 的允许区间（S = Σxᵢ²/σ²）。 */
export function varianceRatioBounds(n: number, a = VAR_TAIL_A): [number, number] {
  return [1 - (2 * Math.sqrt(n * a)) / n, 1 + (2 * Math.sqrt(n * a) + 2 * a) / n];
}

/** 互补误差函数，Numerical Recipes 的 Chebyshev 拟合（erfcc），相对误差 < 1.2e-7。 */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z - 1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** 标准正态分布函数 Φ。 */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

/** Kolmogorov–Smirnov 统计量：样本的经验分布函数与 N(0, σ²) 的最大距离。 */
export function ksStatistic(values: readonly number[], sigma: number): number {
  const xs = Float64Array.from(values).sort();
  const n = xs.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = normalCdf(xs[i]! / sigma);
    d = Math.max(d, (i + 1) / n - f, f - i / n);
  }
  return d;
}

/** 样本峰度 m₄/m₂²（正态分布为 3，均匀分布为 1.8）：只写进失败信息，不参与判定。 */
function kurtosis(values: readonly number[]): number {
  const n = values.length;
  const mean = values.reduce((s, x) => s + x, 0) / n;
  let m2 = 0;
  let m4 = 0;
  for (const x of values) {
    const c = (x - mean) ** 2;
    m2 += c;
    m4 += c * c;
  }
  return m4 / n / (m2 / n) ** 2;
}

const fmt = (x: number, digits = 4) => Number(x.toPrecision(digits)).toString();

/** 形状 [fanIn, fanOut]、float32、全部有限：不满足时返回中文说明。 */
function checkTensor(actual: Plain, fanIn: number, fanOut: number): string | null {
  if (actual.t !== 'tensor') return `应当返回张量，实际返回的是${actual.t === 'array' ? '数组' : actual.t === 'number' ? '数字' : '其他值'}。`;
  if (actual.shape.length !== 2 || actual.shape[0] !== fanIn || actual.shape[1] !== fanOut) {
    return `形状应当是 [fanIn, fanOut] = [${fanIn}, ${fanOut}]，实际是 [${actual.shape.join(', ')}]。`;
  }
  if (actual.dtype !== 'float32') return `dtype 应当是 float32，实际是 ${actual.dtype}。`;
  if (actual.values.some((x) => !Number.isFinite(x))) return '结果里有 NaN 或 Infinity。';
  return null;
}

/** 均值与方差检验（见文件开头）。 */
function checkMoments(actual: Plain, [fanIn, fanOut]: Args): string | null {
  const bad = checkTensor(actual, fanIn, fanOut);
  if (bad) return bad;
  const v = (actual as TensorPlain).values;
  const n = v.length;
  const variance = 2 / fanIn;
  const sigma = Math.sqrt(variance);
  const mean = v.reduce((s, x) => s + x, 0) / n;
  const meanLimit = (K_MEAN * sigma) / Math.sqrt(n);
  if (Math.abs(mean) > meanLimit) {
    return `${n} 个数的平均值是 ${fmt(mean)}，离 0 太远（允许 ±${fmt(meanLimit, 3)}）。均值应当是 0：tf.randomNormal 的第二个参数是均值，第三个才是标准差。`;
  }
  const ratio = v.reduce((s, x) => s + x * x, 0) / n / variance;
  const [lo, hi] = varianceRatioBounds(n);
  if (ratio < lo || ratio > hi) {
    return `${n} 个数的方差（均值按 0 计）是 ${fmt(ratio * variance)}，应当约为 2/fanIn = 2/${fanIn} = ${fmt(variance)}；实际是目标的 ${fmt(ratio, 3)} 倍（允许 ${fmt(lo, 3)} 到 ${fmt(hi, 3)} 倍）。`;
  }
  return null;
}

/** 正态性检验（见文件开头）。 */
function checkNormal(actual: Plain, [fanIn, fanOut]: Args): string | null {
  const bad = checkTensor(actual, fanIn, fanOut);
  if (bad) return bad;
  const v = (actual as TensorPlain).values;
  const d = ksStatistic(v, Math.sqrt(2 / fanIn));
  const stat = Math.sqrt(v.length) * d;
  if (stat <= KS_T) return null;
  return `数值的分布不像 N(0, 2/fanIn)：经验分布函数与正态分布函数最大相差 D = ${fmt(d, 3)}，√N·D = ${fmt(stat, 3)}，超过临界值 ${fmt(KS_T, 3)}。样本峰度是 ${fmt(kurtosis(v), 3)}（正态分布为 3，均匀分布为 1.8，在 ±2σ 处截断的正态分布约为 2.4）。`;
}

/** 统计用例的“期望值”只给报告看：一句话说明目标分布。 */
const describe = ([fanIn, fanOut]: Args) => `形状 [${fanIn}, ${fanOut}]、服从 N(0, 2/${fanIn}) 的张量`;

/** 种子是正整数：tfjs 把种子 0 当作“没有种子”，改用 Math.random()。 */
const seedOf = (rng: Rng) => rng.int(1, 2 ** 31 - 1);

const suite: CaseSuite = {
  cases: [
    defineCase<Args>({
      name: '形状是 [fanIn, fanOut]',
      hint: '输出形状是 [fanIn, fanOut]：第一维是输入个数，第二维是输出个数，和 tf.layers.dense 的 kernel [inDim, units] 一样。dtype 是 float32。',
      inputs: ({ rng }) => [rng.int(3, 9), rng.int(10, 20), seedOf(rng)],
      expected: describe,
      check: (actual, [fanIn, fanOut]) => checkTensor(actual, fanIn, fanOut),
    }),
    defineCase<Args>({
      name: '方差是 2/fanIn（fanIn = fanOut = 128）',
      hint: 'He 初始化：方差 2/fanIn，也就是标准差 √(2/fanIn)。tf.randomNormal(shape, mean, stdDev, dtype, seed) 的第三个参数是标准差，不是方差；LeCun 的 1/fanIn 和 Glorot 的 2/(fanIn + fanOut) 都不是这道题要的。',
      inputs: ({ rng }) => [128, 128, seedOf(rng)],
      expected: describe,
      check: checkMoments,
    }),
    defineCase<Args>({
      name: 'fanIn < fanOut 时方差只由 fanIn 决定',
      hint: 'He 初始化的方差是 2/fanIn，与 fanOut 无关。用 fanOut 或 (fanIn + fanOut)/2 代替 fanIn，这里方差会小好几倍。',
      inputs: ({ rng }) => [...rng.pick<[number, number]>([[32, 512], [64, 256]]), seedOf(rng)],
      expected: describe,
      check: checkMoments,
    }),
    defineCase<Args>({
      name: 'fanIn > fanOut 时方差只由 fanIn 决定',
      hint: 'fanIn = 512 时方差是 2/512；用 fanOut 算出来会大很多倍。',
      inputs: ({ rng }) => [...rng.pick<[number, number]>([[512, 32], [256, 64]]), seedOf(rng)],
      expected: describe,
      check: checkMoments,
    }),
    defineCase<Args>({
      name: '服从正态分布（不是均匀分布，也不是截断正态分布）',
      hint: '要用 tf.randomNormal。方差相同的均匀分布（He uniform：U(−√(6/fanIn), √(6/fanIn))）均值、方差都对，但形状不对；tf.truncatedNormal 丢掉 2 个标准差以外的值，方差只剩约 0.774 倍。',
      inputs: ({ rng }) => [...rng.pick<[number, number]>([[128, 128], [256, 64]]), seedOf(rng)],
      expected: describe,
      check: checkNormal,
    }),
    defineCase<Args>({
      name: '同一个种子得到同一个张量，不同的种子得到不同的张量',
      hint: '把 seed 作为最后一个参数传给 tf.randomNormal：tf.randomNormal([fanIn, fanOut], 0, std, \'float32\', seed)。不传种子，每次结果都不一样；把种子写死，换了种子结果却不变。',
      inputs: ({ rng }) => [8, 8, seedOf(rng)],
      moreCalls: (_ctx, [fanIn, fanOut, seed]) => [
        [fanIn, fanOut, seed],
        [fanIn, fanOut, seed === 2 ** 31 - 1 ? seed - 1 : seed + 1],
      ],
      expected: (args) => [describe(args), describe(args), describe(args)],
      check: (actual, [fanIn, fanOut, seed]) => {
        if (actual.t !== 'array' || actual.items.length !== 3) return '内部错误：应当有三次调用的结果。';
        for (const item of actual.items) {
          const bad = checkTensor(item, fanIn, fanOut);
          if (bad) return bad;
        }
        const [a, b, c] = actual.items.map((p) => (p as TensorPlain).values);
        if (a!.some((x, i) => x !== b![i])) return `用同一个种子 ${seed} 调用两次，得到了不同的张量：种子没有传给随机数生成器。`;
        if (a!.every((x, i) => x === c![i])) return '换了一个种子，得到的张量却完全相同：种子被忽略了（或者写死了）。';
        return null;
      },
    }),
  ],
};
export default suite;
