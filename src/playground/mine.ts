// 用我的实现: the learner's own optimizer step as an OptimizerImpl. Their passing exercise code
// (`momentum-step`: momentumStep(param, grad, velocity, lr, momentum) → { param, velocity };
// `adam-step`: adamStep(param, grad, { m, v, t }, lr?, beta1?, beta2?, epsilon?) → { param,
// state: { m, v, t } }) runs in a SES compartment with the guarded tf; the trainer (trusted) calls
// it once per variable per step, on tensors. Results are read only through the tensor reader's
// captured references (src/sandbox/tensors.ts): a forged or patched tensor can't change them.
// Every tensor their step makes is disposed by tf.tidy; their state lives as plain copies here.
import type { Tensor, Variable } from '@tensorflow/tfjs-core';
import type { TF } from '../grader/types';
import type { TensorReader } from '../sandbox/tensors';
import type { OptimizerImpl } from './engine';
import type { PlaygroundState } from './state';

export type MineExercise = 'momentum-step' | 'adam-step';
export const MINE_EXPORT: Record<MineExercise, string> = { 'momentum-step': 'momentumStep', 'adam-step': 'adamStep' };

/** A learner step that broke its contract: `code` picks the page's Chinese message. */
export class MineError extends Error {
  constructor(
    readonly code: 'mine-throw' | 'mine-return',
    detail: string,
  ) {
    super(detail);
  }
}

function own(o: unknown, key: string): unknown {
  if (typeof o !== 'object' || o === null) return undefined;
  const d = Reflect.getOwnPropertyDescriptor(o, key);
  return d && 'value' in d ? d.value : undefined;
}

/**
 * Wraps the learner's function. `fn` is their export; `describe` turns a thrown value into text.
 * State per variable (by position, like tf.train): velocity, or m, v and t.
 */
export function mineOptimizer(
  tf: TF,
  reader: TensorReader,
  exercise: MineExercise,
  fn: (...args: unknown[]) => unknown,
  s: Pick<PlaygroundState, 'momentum' | 'beta1' | 'beta2' | 'epsilon'>,
  describe: (e: unknown) => string,
): OptimizerImpl {
  const state: { a: Float32Array; b?: Float32Array; t: number }[] = [];
  const name = MINE_EXPORT[exercise];
  /** The values of a tensor their code returned, checked against the expected shape. */
  const values = (v: unknown, what: string, shape: readonly number[]): Float32Array => {
    const r = reader.recordOf(v);
    if (!r) throw new MineError('mine-return', `${name} 返回的 ${what} 不是张量`);
    if (reader.isDisposed(r)) throw new MineError('mine-return', `${name} 返回的 ${what} 已经被 dispose 了`);
    if (r.shape.length !== shape.length || r.shape.some((d, i) => d !== shape[i])) {
      throw new MineError('mine-return', `${name} 返回的 ${what} 形状是 [${r.shape.join(',')}]，应该是 [${shape.join(',')}]`);
    }
    return Float32Array.from(reader.read(r));
  };
  return {
    step(vars: readonly Variable[], grads: readonly Tensor[], lr: number) {
      const updates: Float32Array[] = [];
      vars.forEach((v, i) => {
        const shape = v.shape;
        const size = v.size;
        const st = (state[i] ??= exercise === 'adam-step' ? { a: new Float32Array(size), b: new Float32Array(size), t: 0 } : { a: new Float32Array(size), t: 0 });
        tf.tidy(() => {
          // Copies: their code gets tensors it can't use to reach our variables.
          const param = tf.tensor(v.dataSync(), shape);
          const grad = tf.tensor(grads[i]!.dataSync(), shape);
          let out: unknown;
          try {
            out =
              exercise === 'momentum-step'
                ? fn(param, grad, tf.tensor(st.a, shape), lr, s.momentum)
                : fn(param, grad, Object.freeze({ m: tf.tensor(st.a, shape), v: tf.tensor(st.b!, shape), t: st.t }), lr, s.beta1, s.beta2, s.epsilon);
          } catch (e) {
            throw new MineError('mine-throw', describe(e));
          }
          if (out instanceof Promise || (typeof out === 'object' && out !== null && typeof own(out, 'then') === 'function')) {
            throw new MineError('mine-return', `${name} 要同步返回结果，不能是 Promise（不要写 async）`);
          }
          updates[i] = values(own(out, 'param'), 'param', shape);
          if (exercise === 'momentum-step') st.a = values(own(out, 'velocity'), 'velocity', shape);
          else {
            const next = own(out, 'state');
            st.a = values(own(next, 'm'), 'state.m', shape);
            st.b = values(own(next, 'v'), 'state.v', shape);
            const t = own(next, 't');
            const r = reader.recordOf(t);
            const tv = r && r.size === 1 && !reader.isDisposed(r) ? reader.read(r)[0]! : t;
            if (typeof tv !== 'number' || !Number.isInteger(tv) || tv < 0) throw new MineError('mine-return', `${name} 返回的 state.t 应该是非负整数（步数）`);
            st.t = tv;
          }
        });
      });
      tf.tidy(() => vars.forEach((v, i) => v.assign(tf.tensor(updates[i]!, v.shape))));
    },
    dispose() {
      state.length = 0;
    },
  };
}
