// Per-case custom checks: a statistical case (an initializer's spread) decided in the
// reference realm, through the same Node learner host the CLI uses.
import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { createNodeLearnerHost } from '../../src/cli/node-learner';
import { gradeSubmission } from '../../src/grader/grade';
import { prepareCases, runCustomCheck } from '../../src/grader/reference';
import { exerciseMetaSchema } from '../../src/grader/schema';
import { defineCase, type CaseSuite, type Plain, type ReferencePort } from '../../src/grader/types';

const TARGET_STD = 0.1;
/** Relative error allowed on the sample standard deviation of 4,000 draws (≈ 5 standard errors). */
const STD_RTOL = 0.06;

const suite: CaseSuite = {
  cases: [
    defineCase<[number]>({
      name: '4000 个样本的标准差约为 0.1',
      hint: '用 tf.randomNormal([n], 0, 0.1)。',
      inputs: () => [4000],
      expected: () => tf.scalar(TARGET_STD),
      check: (actual: Plain) => {
        if (actual.t !== 'tensor' || actual.values.length !== 4000) return '应当返回 4000 个元素的张量。';
        const v = actual.values;
        const mean = v.reduce((s, x) => s + x, 0) / v.length;
        const std = Math.sqrt(v.reduce((s, x) => s + (x - mean) ** 2, 0) / (v.length - 1));
        return Math.abs(std - TARGET_STD) <= STD_RTOL * TARGET_STD ? null : `标准差是 ${std.toFixed(4)}，应当约为 ${TARGET_STD}。`;
      },
    }),
  ],
};
const meta = exerciseMetaSchema.parse({ id: 'init-demo', title: '示例', chapter: '02-neurons-perceptrons-mlp', entry: 'init', kind: 'function', difficulty: 1, summary: '示例' });
const reference: ReferencePort = {
  prepare: async (_id, seed) => prepareCases(tf, suite, meta, seed),
  check: async (_id, seed, index, actual) => runCustomCheck(tf, suite, seed, index, actual),
};
const learner = createNodeLearnerHost({ prespawn: true });
afterAll(() => learner.dispose());
const grade = (body: string) => gradeSubmission({ meta, code: `import * as tf from '@tensorflow/tfjs';\nexport function init(n: number) { return ${body}; }`, seed: 3, reference, learner });

describe('custom checks', () => {
  it('a statistically right result passes', async () => {
    const r = await grade(`tf.randomNormal([n], 0, ${TARGET_STD})`);
    expect(r.cases[0]?.message).toBeUndefined();
    expect(r.passed).toBe(true);
  });
  it("a wrong spread fails with the check's own message", async () => {
    const r = await grade('tf.randomNormal([n], 0, 1)');
    expect(r.passed).toBe(false);
    expect(r.cases[0]?.message).toMatch(/标准差是 0\.9|标准差是 1\.0/);
  });
  it('a wrong shape fails', async () => {
    const r = await grade('tf.zeros([3])');
    expect(r.cases[0]?.message).toBe('应当返回 4000 个元素的张量。');
  });
});

// A case that calls the entry more than once (CaseDef.moreCalls): the result is the array of
// every call's result, so a check can ask "same seed, same tensor; another seed, another one".
const seeded: CaseSuite = {
  cases: [
    defineCase<[number, number]>({
      name: '同一个种子得到同一个张量，另一个种子不同',
      hint: '把 seed 传给 tf.randomNormal。',
      inputs: () => [50, 7],
      moreCalls: (_ctx, [n]) => [[n, 7], [n, 8]],
      expected: () => [tf.zeros([50]), tf.zeros([50]), tf.zeros([50])],
      check: (actual: Plain) => {
        if (actual.t !== 'array' || actual.items.length !== 3 || actual.items.some((p) => p.t !== 'tensor')) return '应当返回三个张量。';
        const [a, b, c] = actual.items.map((p) => (p as Extract<Plain, { t: 'tensor' }>).values);
        if (a!.some((x, i) => x !== b![i])) return '同一个种子给出了不同的张量。';
        if (a!.every((x, i) => x === c![i])) return '不同的种子给出了相同的张量。';
        return null;
      },
    }),
  ],
};
const seededMeta = exerciseMetaSchema.parse({ ...meta, id: 'seeded-demo', entry: 'draw' });
const seededReference: ReferencePort = {
  prepare: async (_id, seed) => prepareCases(tf, seeded, seededMeta, seed),
  check: async (_id, seed, index, actual) => runCustomCheck(tf, seeded, seed, index, actual),
};
const gradeSeeded = (body: string) =>
  gradeSubmission({ meta: seededMeta, code: `import * as tf from '@tensorflow/tfjs';\nexport function draw(n: number, seed: number) { return ${body}; }`, seed: 1, reference: seededReference, learner });

describe('cases with more calls', () => {
  it('every call runs with its own arguments, and the check sees all results', async () => {
    const r = await gradeSeeded(`tf.randomNormal([n], 0, 1, 'float32', seed)`);
    expect(r.cases[0]?.message).toBeUndefined();
    expect(r.passed).toBe(true);
  });
  it('ignoring the seed fails the check', async () => {
    const r = await gradeSeeded(`tf.randomNormal([n], 0, 1)`);
    expect(r.cases[0]?.message).toBe('同一个种子给出了不同的张量。');
  });
  it('ignoring the seed in another way (a constant one) fails too', async () => {
    const r = await gradeSeeded(`tf.randomNormal([n], 0, 1, 'float32', 1)`);
    expect(r.cases[0]?.message).toBe('不同的种子给出了相同的张量。');
  });
});
