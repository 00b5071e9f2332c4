import type * as tfTypes from '@tensorflow/tfjs';
import { defineCase, type CaseContext, type CaseSuite, type TF } from '../../src/grader/types';

/** Adam's state between steps, as the learner receives and returns it. */
export interface AdamState {
  /** First moment estimate m (not bias-corrected). */
  m: tfTypes.Tensor;
  /** Second moment estimate v (not bias-corrected). */
  v: tfTypes.Tensor;
  /** Steps already taken. */
  t: number;
}

/** The hyperparameters, passed explicitly to tf.train.adam (its own default ε is the backend's, 1e-7 on CPU). */
export interface AdamHyper {
  lr: number;
  beta1: number;
  beta2: number;
  epsilon: number;
}

/** The exercise's defaults: Kingma & Ba's Algorithm 1 (ε = 1e-8, not tfjs's backend ε). */
export const ADAM_DEFAULTS: AdamHyper = { lr: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 };

type Args =
  | [tfTypes.Tensor, tfTypes.Tensor, AdamState]
  | [tfTypes.Tensor, tfTypes.Tensor, AdamState, number, number, number, number];

interface AdamPoint {
  param: tfTypes.Tensor;
  state: AdamState;
}

/**
 * The moments of a tfjs 4.22 AdamOptimizer: `accumulatedFirstMoment[i].variable` and
 * `accumulatedSecondMoment[i].variable`, indexed by the variable's position in the gradient list
 * (adam_optimizer.ts). TypeScript's `private` is compile-time only; if a tfjs upgrade renames
 * the fields, this throws instead of quietly grading against zeros.
 */
function momentsOf(opt: tfTypes.AdamOptimizer): { m: tfTypes.Variable; v: tfTypes.Variable } {
  const o = opt as unknown as { accumulatedFirstMoment?: { variable?: tfTypes.Variable }[]; accumulatedSecondMoment?: { variable?: tfTypes.Variable }[] };
  const m = o.accumulatedFirstMoment?.[0]?.variable;
  const v = o.accumulatedSecondMoment?.[0]?.variable;
  if (!m || !v) throw new Error('adam-step/cases.ts: tf.train.adam has no accumulatedFirstMoment/accumulatedSecondMoment (did tfjs rename its state?)');
  return { m, v };
}

/**
 * Runs the real `tf.train.adam(lr, β₁, β₂, ε)` on a variable that starts at `theta0`, feeding it
 * `grads` one per step, and returns the state after each of `at` steps (copies). After 0 steps
 * m = v = 0 and t = 0; t is the optimizer's own `iterations` count. Everything the run creates
 * is disposed.
 */
export function adamStates(tf: TF, theta0: tfTypes.Tensor, grads: tfTypes.Tensor[], h: AdamHyper, at: readonly number[]): AdamPoint[] {
  const copy = (x: tfTypes.Tensor) => tf.tensor(x.dataSync(), x.shape, 'float32');
  const param = tf.variable(copy(theta0), false);
  const opt = tf.train.adam(h.lr, h.beta1, h.beta2, h.epsilon);
  const points = new Map<number, AdamPoint>();
  const record = (k: number) => {
    if (!at.includes(k)) return;
    const { m, v } = k === 0 ? { m: tf.zerosLike(param), v: tf.zerosLike(param) } : momentsOf(opt);
    points.set(k, { param: copy(param), state: { m: copy(m), v: copy(v), t: opt.iterations } });
  };
  try {
    record(0);
    grads.forEach((g, i) => {
      opt.applyGradients([{ name: param.name, tensor: g }]);
      record(i + 1);
    });
  } finally {
    opt.dispose();
    param.dispose();
  }
  return at.map((k) => {
    const p = points.get(k);
    if (!p) throw new Error(`adam-step/cases.ts: no state after ${k} steps (only ${grads.length} gradients)`);
    return p;
  });
}

/** What expected() returns for each case, computed together with its inputs. */
const expectedFor = new WeakMap<Args, AdamPoint>();

interface Plan {
  theta0: tfTypes.Tensor;
  /** g₁ … g_{k+1}: the learner gets the state after k steps and g_{k+1}. */
  grads: tfTypes.Tensor[];
  /** Omitted: the learner's call leaves out the four optional arguments (defaults apply). */
  hyper?: AdamHyper;
}

/**
 * The learner gets tf.train.adam's state after k = grads.length − 1 steps (m, v and t = k) and
 * the last gradient; the expected answer is the optimizer's own state after step k + 1.
 */
function fromTrajectory({ theta0, grads, hyper }: Plan, tf: TF): Args {
  const k = grads.length - 1;
  const [before, after] = adamStates(tf, theta0, grads, hyper ?? ADAM_DEFAULTS, [k, k + 1]);
  const args: Args = hyper
    ? [before!.param, grads[k]!, before!.state, hyper.lr, hyper.beta1, hyper.beta2, hyper.epsilon]
    : [before!.param, grads[k]!, before!.state];
  expectedFor.set(args, after!);
  return args;
}

function expected(args: Args): AdamPoint {
  const e = expectedFor.get(args);
  if (!e) throw new Error('adam-step/cases.ts: expected() called with arguments that inputs() did not build');
  return e;
}

/** `count` random gradients of the given shape, uniform in [−scale, scale). */
function randomGrads({ rng }: CaseContext, shape: number[], count: number, scale = 1): tfTypes.Tensor[] {
  return Array.from({ length: count }, () => rng.tensor(shape, -scale, scale));
}

const EXAMPLE: AdamHyper = { lr: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 };

const suite: CaseSuite = {
  cases: [
    defineCase<Args>({
      name: 't = 0：第一步，偏差修正最大',
      hint: 't 是已经走过的步数，这一步是第 t + 1 步：m̂ = m / (1 − β₁^(t+1))，v̂ = v / (1 − β₂^(t+1))。第一步时 m̂ = g、v̂ = g²，每个分量大约移动 η。',
      inputs: ({ tf }) => fromTrajectory({ theta0: tf.tensor1d([1, -2, 0.5]), grads: [tf.tensor1d([0.1, -0.4, 2])], hyper: EXAMPLE }, tf),
      expected,
    }),
    defineCase<Args>({
      name: '第二步（题目里的例子）',
      hint: '先更新 m ← β₁m + (1 − β₁)g 和 v ← β₂v + (1 − β₂)g²，再做偏差修正；返回的 state 里是没有修正过的 m、v，以及 t + 1。',
      inputs: ({ tf }) => fromTrajectory({ theta0: tf.tensor1d([1, -2, 0.5]), grads: [tf.tensor1d([0.1, -0.4, 2]), tf.tensor1d([0.3, 0.4, -1])], hyper: EXAMPLE }, tf),
      expected,
    }),
    defineCase<Args>({
      name: '省略可选参数：用默认值',
      hint: '只传了 param、grad、state 三个参数：lr、beta1、beta2、epsilon 要取默认值 0.001、0.9、0.999、1e-8（在参数列表里写默认值，例如 lr = 0.001）。',
      inputs: (ctx) => {
        const d = ctx.rng.int(3, 7);
        return fromTrajectory({ theta0: ctx.rng.tensor([d], -1, 1), grads: randomGrads(ctx, [d], 6) }, ctx.tf);
      },
      expected,
    }),
    defineCase<Args>({
      name: '走了 20 步之后的矩阵参数',
      hint: 'Adam 逐元素计算：m、v 与参数形状相同；v 累积的是梯度的平方 g²，不是 g。',
      inputs: (ctx) => {
        const shape = [ctx.rng.int(2, 4), ctx.rng.int(2, 5)];
        return fromTrajectory({ theta0: ctx.rng.tensor(shape, -1, 1), grads: randomGrads(ctx, shape, 21, 2), hyper: { lr: 0.05, beta1: 0.9, beta2: 0.99, epsilon: 1e-8 } }, ctx.tf);
      },
      expected,
    }),
    defineCase<Args>({
      name: 't 很大（200 步之后）：修正因子接近 1',
      hint: 't 很大时 β^t 接近 0，m̂ ≈ m、v̂ ≈ v；用的是 β 的 (t + 1) 次方，t 来自传入的 state。',
      inputs: (ctx) => fromTrajectory({ theta0: ctx.rng.tensor([3], -1, 1), grads: randomGrads(ctx, [3], 201), hyper: { lr: 0.01, beta1: 0.8, beta2: 0.95, epsilon: 1e-8 } }, ctx.tf),
      expected,
    }),
    defineCase<Args>({
      name: 'ε 较大（ε = 0.1）：ε 加在根号外面',
      hint: '更新是 θ ← θ − η·m̂ / (√v̂ + ε)：先开方再加 ε，不是 √(v̂ + ε)。还要用传入的 epsilon，而不是默认值。',
      inputs: (ctx) => fromTrajectory({ theta0: ctx.rng.tensor([4], -1, 1), grads: randomGrads(ctx, [4], 6, 0.2), hyper: { lr: 0.1, beta1: 0.9, beta2: 0.999, epsilon: 0.1 } }, ctx.tf),
      expected,
    }),
    defineCase<Args>({
      name: '梯度很小（约 1e-7）：ε 起主要作用',
      hint: '梯度约 1e-7 时 √v̂ 也约是 1e-7，和 ε = 1e-8 相差不多；如果把 ε 放进根号里，√(v̂ + ε) ≈ 1e-4，步长会小上千倍。',
      inputs: (ctx) => fromTrajectory({ theta0: ctx.rng.tensor([5], -1, 1), grads: randomGrads(ctx, [5], 6, 2e-7), hyper: EXAMPLE }, ctx.tf),
      expected,
    }),
    defineCase<Args>({
      name: '梯度很小且省略参数：默认 ε = 1e-8',
      hint: '默认 ε 是 Kingma 与 Ba 论文里的 1e-8，不是 tf.train.adam 在 CPU 上自己用的 1e-7；梯度约 1e-6 时两者的步长相差约 10%，这个测试就会发现。',
      inputs: (ctx) => {
        // Each component keeps its sign, |g| in [2e-7, 1e-6): m̂ / √v̂ ≈ ±1, so ε = 1e-7 instead of 1e-8
        // changes every component's step by ≥ 8e-5 (η = 0.001), far outside the tolerance.
        const sign = Array.from({ length: 5 }, () => (ctx.rng.next() < 0.5 ? -1 : 1));
        const grads = Array.from({ length: 4 }, () => ctx.tf.tensor1d(sign.map((s) => s * ctx.rng.uniform(2e-7, 1e-6))));
        return fromTrajectory({ theta0: ctx.rng.tensor([5], -0.01, 0.01), grads }, ctx.tf);
      },
      expected,
    }),
    defineCase<Args>({
      name: '梯度全为 0 的一步',
      hint: '梯度为 0 时 m ← β₁m、v ← β₂v，参数仍然按 m̂ / (√v̂ + ε) 移动；t 照样加 1。',
      inputs: (ctx) => {
        const grads = randomGrads(ctx, [4], 5);
        grads.push(ctx.tf.zeros([4]));
        return fromTrajectory({ theta0: ctx.rng.tensor([4], -1, 1), grads, hyper: { lr: 0.02, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 } }, ctx.tf);
      },
      expected,
    }),
    defineCase<Args>({
      name: '标量参数',
      hint: '参数可以是形状为 [] 的标量张量；返回的 param、state.m、state.v 也必须是标量，state.t 是数字。',
      inputs: (ctx) => fromTrajectory({ theta0: ctx.tf.scalar(2), grads: randomGrads(ctx, [], 3), hyper: { lr: 0.1, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 } }, ctx.tf),
      expected,
    }),
  ],
};
export default suite;
