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
