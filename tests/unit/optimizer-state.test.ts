// The momentum-step and adam-step cases hand the learner tf.train's own state after k steps,
// read from fields that TypeScript calls private (momentum: accumulations; Adam:
// accumulatedFirstMoment / accumulatedSecondMoment / iterations). This proves those readers
// against the textbook recurrences over a whole trajectory, so a tfjs upgrade that renames or
// changes a field fails here, loudly, instead of grading learners against zeros.
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { adamStates } from '../../exercises/adam-step/cases';
import { momentumStates } from '../../exercises/momentum-step/cases';
import { createRng } from '../../src/grader/rng';

const STEPS = 12;
const SHAPE = [2, 3];
const size = SHAPE[0]! * SHAPE[1]!;

/** A seeded gradient sequence, as plain numbers (for the float64 formula) and as tensors. */
function gradients(seed: number): { values: number[][]; tensors: tf.Tensor[] } {
  const rng = createRng(tf, seed);
  const values = Array.from({ length: STEPS }, () => rng.array(size, -1, 1).map((x) => Math.fround(x)));
  return { values, tensors: values.map((v) => tf.tensor(v, SHAPE)) };
}

const close = (actual: tf.Tensor, expected: number[], rtol: number) => {
  const a = Array.from(actual.dataSync());
  expect(actual.shape).toEqual(SHAPE);
  a.forEach((x, i) => expect(Math.abs(x - expected[i]!), `element ${i}: ${x} vs ${expected[i]}`).toBeLessThanOrEqual(1e-6 + rtol * Math.abs(expected[i]!)));
};

describe('the exercises read tf.train state after k steps', () => {
  it('momentum: velocity v_k = μv_{k−1} + g_k and θ_k = θ_{k−1} − ηv_k at every k, and nothing leaks', () => {
    const before = tf.memory().numTensors;
    tf.tidy(() => {
      const { values, tensors } = gradients(7);
      const theta0 = Array.from({ length: size }, (_, i) => i / 4 - 0.5);
      const lr = 0.05;
      const mu = 0.9;
      const ks = Array.from({ length: STEPS + 1 }, (_, k) => k);
      const states = momentumStates(tf, tf.tensor(theta0, SHAPE), tensors, lr, mu, ks);
      let theta = theta0.slice();
      let v = new Array<number>(size).fill(0);
      ks.forEach((k) => {
        if (k > 0) {
          v = v.map((x, i) => mu * x + values[k - 1]![i]!);
          theta = theta.map((x, i) => x - lr * v[i]!);
        }
        close(states[k]!.velocity, v, 1e-5);
        close(states[k]!.param, theta, 1e-5);
      });
      // the velocity really is the optimizer's (non-zero after the first step)
      expect(Math.max(...Array.from(states[STEPS]!.velocity.dataSync()).map(Math.abs))).toBeGreaterThan(0.1);
    });
    expect(tf.memory().numTensors).toBe(before);
  });

  it('Adam: m, v, t = k and θ match Algorithm 1 (ε outside the root) at every k, and nothing leaks', () => {
    const before = tf.memory().numTensors;
    tf.tidy(() => {
      const { values, tensors } = gradients(11);
      const theta0 = Array.from({ length: size }, (_, i) => 0.3 - i / 5);
      const h = { lr: 0.02, beta1: 0.8, beta2: 0.99, epsilon: 1e-3 };
      const ks = Array.from({ length: STEPS + 1 }, (_, k) => k);
      const states = adamStates(tf, tf.tensor(theta0, SHAPE), tensors, h, ks);
      let theta = theta0.slice();
      let m = new Array<number>(size).fill(0);
      let v = new Array<number>(size).fill(0);
      ks.forEach((k) => {
        if (k > 0) {
          const g = values[k - 1]!;
          m = m.map((x, i) => h.beta1 * x + (1 - h.beta1) * g[i]!);
          v = v.map((x, i) => h.beta2 * x + (1 - h.beta2) * g[i]! ** 2);
          const c1 = 1 - h.beta1 ** k;
          const c2 = 1 - h.beta2 ** k;
          theta = theta.map((x, i) => x - (h.lr * (m[i]! / c1)) / (Math.sqrt(v[i]! / c2) + h.epsilon));
        }
        expect(states[k]!.state.t).toBe(k);
        close(states[k]!.state.m, m, 1e-5);
        close(states[k]!.state.v, v, 1e-5);
        close(states[k]!.param, theta, 1e-4);
      });
    });
    expect(tf.memory().numTensors).toBe(before);
  });
});
