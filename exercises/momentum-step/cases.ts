import type * as tfTypes from '@tensorflow/tfjs';
import { defineCase, type CaseContext, type CaseSuite, type TF } from '../../src/grader/types';

type Args = [tfTypes.Tensor, tfTypes.Tensor, tfTypes.Tensor, number, number];

/** One point of a momentum trajectory: the parameter and the optimizer's velocity after some steps. */
export interface MomentumState {
  param: tfTypes.Tensor;
  velocity: tfTypes.Tensor;
}

/**
 * The velocity of a tfjs 4.22 MomentumOptimizer: `accumulations[i].variable`, indexed by the
 * position of the variable in the gradient list (momentum_optimizer.ts). TypeScript's `private`
 * is compile-time only, so the field is there at run time; if a tfjs upgrade renames it, this
 * throws instead of quietly grading against zeros.
 */
function velocityOf(opt: tfTypes.MomentumOptimizer): tfTypes.Variable {
  const acc = (opt as unknown as { accumulations?: { variable?: tfTypes.Variable }[] }).accumulations;
  const v = acc?.[0]?.variable;
  if (!v) throw new Error('momentum-step/cases.ts: tf.train.momentum has no accumulations[0].variable (did tfjs rename its state?)');
  return v;
}

/**
 * Runs the real `tf.train.momentum(lr, momentum)` on a variable that starts at `theta0`, feeding it
 * `grads` one per step, and returns the state after each of `at` steps (copies, so later steps
 * don't change them). After 0 steps the velocity is zero, as the optimizer starts it.
 * Everything the run creates is disposed, the optimizer's own learning-rate scalar included.
 */
export function momentumStates(tf: TF, theta0: tfTypes.Tensor, grads: tfTypes.Tensor[], lr: number, momentum: number, at: readonly number[]): MomentumState[] {
  const copy = (t: tfTypes.Tensor) => tf.tensor(t.dataSync(), t.shape, 'float32');
  const param = tf.variable(copy(theta0), false);
  const opt = tf.train.momentum(lr, momentum);
  const states = new Map<number, MomentumState>();
  const record = (k: number) => {
    if (at.includes(k)) states.set(k, { param: copy(param), velocity: k === 0 ? tf.zerosLike(param) : copy(velocityOf(opt)) });
  };
  try {
    record(0);
    grads.forEach((g, i) => {
      opt.applyGradients([{ name: param.name, tensor: g }]);
      record(i + 1);
    });
  } finally {
    opt.dispose();
    // tfjs 4.22's MomentumOptimizer.dispose() forgets the −lr scalar it inherits from SGDOptimizer.
    (opt as unknown as { c?: tfTypes.Tensor }).c?.dispose();
    param.dispose();
  }
  return at.map((k) => {
    const s = states.get(k);
    if (!s) throw new Error(`momentum-step/cases.ts: no state after ${k} steps (only ${grads.length} gradients)`);
    return s;
  });
}

/** What expected() returns for each case, computed together with its inputs. */
const expectedFor = new WeakMap<Args, MomentumState>();

interface Plan {
  /** Initial parameter θ₀. */
  theta0: tfTypes.Tensor;
  /** g₁ … g_{k+1}: the learner gets the state after k steps and g_{k+1}. */
  grads: tfTypes.Tensor[];
  lr: number;
  momentum: number;
}

/**
 * The learner gets tf.train.momentum's state after k = grads.length − 1 steps and the last
 * gradient; the expected answer is the optimizer's own state after the (k+1)-th step.
 */
function fromTrajectory({ theta0, grads, lr, momentum }: Plan, tf: TF): Args {
  const k = grads.length - 1;
  const [before, after] = momentumStates(tf, theta0, grads, lr, momentum, [k, k + 1]);
  const args: Args = [before!.param, grads[k]!, before!.velocity, lr, momentum];
  expectedFor.set(args, after!);
  return args;
}

function expected(args: Args): MomentumState {
  const e = expectedFor.get(args);
  if (!e) throw new Error('momentum-step/cases.ts: expected() called with arguments that inputs() did not build');
  return e;
}

/** k + 1 random gradients of the given shape, uniform in [−scale, scale). */
function randomGrads({ rng }: CaseContext, shape: number[], count: number, scale = 1): tfTypes.Tensor[] {
  return Array.from({ length: count }, () => rng.tensor(shape, -scale, scale));
}

const suite: CaseSuite = {
  cases: [
    defineCase<Args>({
      name: '第一步：速度从 0 开始',
      hint: '速度为 0 时，v ← μ·0 + g = g，θ ← θ − η·g：第一步就是一步普通梯度下降。',
      inputs: ({ tf }) => fromTrajectory({ theta0: tf.tensor1d([1, -2]), grads: [tf.tensor1d([0.5, -1])], lr: 0.1, momentum: 0.9 }, tf),
      expected,
    }),
    defineCase<Args>({
      name: '第二步：速度不为 0（题目里的例子）',
      hint: '先更新速度 v ← μv + g，再用新的速度更新参数 θ ← θ − ηv。学习率只乘在参数的更新上，不进入速度。',
      inputs: ({ tf }) => fromTrajectory({ theta0: tf.tensor1d([1, -2]), grads: [tf.tensor1d([0.5, -1]), tf.tensor1d([0.25, 0.5])], lr: 0.1, momentum: 0.9 }, tf),
      expected,
    }),
    defineCase<Args>({
      name: '走了 5 步之后的向量参数',
      hint: '返回的速度要和 tf.train.momentum 保存的一样：v ← μv + g（不乘学习率、不乘 1 − μ）。',
      inputs: (ctx) => {
        const d = ctx.rng.int(3, 8);
        return fromTrajectory({ theta0: ctx.rng.tensor([d], -2, 2), grads: randomGrads(ctx, [d], 6), lr: 0.05, momentum: 0.9 }, ctx.tf);
      },
      expected,
    }),
    defineCase<Args>({
      name: '走了 20 步之后的矩阵参数',
      hint: '动量法逐元素计算：参数、梯度和速度形状相同，返回的两个张量也必须是这个形状。',
      inputs: (ctx) => {
        const shape = [ctx.rng.int(2, 5), ctx.rng.int(2, 5)];
        return fromTrajectory({ theta0: ctx.rng.tensor(shape, -1, 1), grads: randomGrads(ctx, shape, 21, 2), lr: 0.01, momentum: 0.8 }, ctx.tf);
      },
      expected,
    }),
    defineCase<Args>({
      name: '标量参数',
      hint: '参数可以是形状为 [] 的标量张量，返回的 param 和 velocity 也必须是标量。',
      inputs: (ctx) => fromTrajectory({ theta0: ctx.tf.scalar(3), grads: randomGrads(ctx, [], 4), lr: 0.2, momentum: 0.5 }, ctx.tf),
      expected,
    }),
    defineCase<Args>({
      name: 'μ = 0：退化为普通梯度下降',
      hint: 'μ = 0 时速度就等于这一步的梯度，θ ← θ − ηg。',
      inputs: (ctx) => fromTrajectory({ theta0: ctx.rng.tensor([4], -1, 1), grads: randomGrads(ctx, [4], 5), lr: 0.3, momentum: 0 }, ctx.tf),
      expected,
    }),
    defineCase<Args>({
      name: 'μ 接近 1（μ = 0.99）',
      hint: 'μ 接近 1 时速度会累积很多步的梯度；用的是 μ 本身，不是 1 − μ。',
      inputs: (ctx) => fromTrajectory({ theta0: ctx.rng.tensor([5], -1, 1), grads: randomGrads(ctx, [5], 21, 0.5), lr: 0.01, momentum: 0.99 }, ctx.tf),
      expected,
    }),
    defineCase<Args>({
      name: '梯度全为 0：只靠惯性前进',
      hint: '梯度为 0 时 v ← μv，参数仍然沿着旧速度的方向移动 ηv。这不是 Nesterov 动量：不要再额外加 μv。',
      inputs: (ctx) => {
        const grads = randomGrads(ctx, [3], 5);
        grads.push(ctx.tf.zeros([3]));
        return fromTrajectory({ theta0: ctx.rng.tensor([3], -1, 1), grads, lr: 0.1, momentum: 0.9 }, ctx.tf);
      },
      expected,
    }),
  ],
};
export default suite;
