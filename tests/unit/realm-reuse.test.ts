// One realm for one student's submissions (a teacher's re-grade, src/runtime/grade-many.ts):
// nothing one submission does changes another's verdict. Each test grades in a shared session
// and compares with the same code graded in a fresh realm.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { loadExerciseMeta } from '../../src/cli/exercises';
import { spawnNodeRealm } from '../../src/cli/node-realm';
import { createNodeReference } from '../../src/cli/node-reference';
import { gradeSubmission, type GradeReport, type LearnerPort } from '../../src/grader/index';
import { gradeMany } from '../../src/runtime/grade-many';
import { learnerPortFromPool, learnerPortFromPools } from '../../src/runtime/learner-port';
import { createPool } from '../../src/runtime/pool';
import type { SpawnRealm } from '../../src/runtime/channel';

let spawned = 0;
// Every exercise here is a function exercise: its submissions run in the `core` build
// (src/sandbox/flavour.ts), as in production.
const counting: SpawnRealm = () => {
  spawned++;
  return spawnNodeRealm('core');
};
const pool = createPool({ spawn: counting, size: 1, prespawn: 1 });
const learner = learnerPortFromPool(pool);
const reference = createNodeReference();
afterAll(() => pool.dispose());

const HEAD = `import * as tf from '@tensorflow/tfjs';\n`;
const grade = (port: LearnerPort, id: string, code: string, seed = 5): Promise<GradeReport> => gradeSubmission({ meta: loadExerciseMeta(id), code, seed, reference, learner: port });
const verdict = (r: GradeReport) => ({ passed: r.passed, cases: r.cases.map((c) => [c.name, c.passed, c.message ?? '']), error: r.error?.kind });
const logs = (r: GradeReport) => r.logs.map((l) => l.text).join('\n');

/** Tries to change what later submissions compute, and leaves things behind. */
const saboteur = `${HEAD}
const reached: string[] = [];
const P = (tf.Tensor as any).prototype;
try { P.exp = function (this: tf.Tensor) { return tf.exp(tf.sub(this, tf.max(this, -1, true))); }; reached.push('Tensor.prototype'); } catch {}
try { (tf.Variable as any).prototype.assign = () => undefined; reached.push('Variable.prototype'); } catch {}
try { Object.defineProperty(P, 'sum', { value: () => tf.scalar(1) }); reached.push('defineProperty'); } catch {}
try { (tf as any).exp = () => null; reached.push('namespace'); } catch {}
try { (tf.Tensor as any).foo = 1; reached.push('Tensor static'); } catch {}
Promise.resolve().then(() => console.log('LEFTOVER: {"passed": true}'));
const leak = tf.zeros([20_000_000]);
(globalThis as any).shared = 'from A';
console.log('reached: [' + reached.join(', ') + ']');
export function sigmoid(z: tf.Tensor): tf.Tensor { return tf.zerosLike(z); }\n`;
const naiveSoftmax = `${HEAD}export function softmax(z: tf.Tensor): tf.Tensor { console.log('globalThis.shared = ' + (globalThis as any).shared + ', bytes ' + tf.memory().numBytes); return tf.div(z.exp(), z.exp().sum(-1, true)); }\n`;
const infinite = `${HEAD}export function relu(z: tf.Tensor): tf.Tensor { while (true) {} }\n`;

describe('one realm for one student', () => {
  it("a saboteur's patches, leftovers and leaks change no later verdict in its realm", async () => {
    const freshSoftmax = await grade(learner, 'softmax', naiveSoftmax);
    const freshSigmoid = await grade(learner, 'sigmoid', grader('sigmoid'));
    const before = spawned;
    const session = await learner.session!();
    try {
      const a = await grade(session, 'sigmoid', saboteur);
      expect(logs(a)).toContain('reached: []');
      const b = await grade(session, 'softmax', naiveSoftmax);
      const c = await grade(session, 'sigmoid', grader('sigmoid'));
      expect(verdict(b)).toEqual(verdict(freshSoftmax));
      expect(b.passed).toBe(false); // the ±1000 case still overflows: exp() was not patched
      expect(logs(b)).not.toContain('LEFTOVER');
      expect(logs(b)).toMatch(/globalThis\.shared = undefined, bytes \d{1,5}\n/); // A's 80 MB tensor is gone
      expect(verdict(c)).toEqual(verdict(freshSigmoid));
      expect(c.passed).toBe(true);
    } finally {
      session.end();
    }
    // Three submissions, one realm (plus the pool's spare).
    expect(spawned - before).toBeLessThanOrEqual(2);
  });

  it('a submission that hangs costs only its own run: the next one gets a fresh realm and passes', async () => {
    const session = await learner.session!();
    try {
      const hung = await gradeSubmission({ meta: { ...loadExerciseMeta('relu'), timeoutMs: 1000 }, code: infinite, seed: 1, reference, learner: session });
      expect(hung.error?.kind).toBe('timeout');
      const next = await grade(session, 'relu', grader('relu'));
      expect(next.passed).toBe(true);
    } finally {
      session.end();
    }
  });

  it('gradeMany runs a group in one realm and keeps results in order', async () => {
    const before = spawned;
    const subs = ['sigmoid', 'relu', 'softmax', 'sigmoid'].map((id, i) => ({ meta: loadExerciseMeta(id), code: grader(id), seed: i + 1, group: 's1' }));
    const reports = await gradeMany(learner, reference, subs, { concurrency: 1 });
    expect(reports.map((r) => [r.exercise, r.passed])).toEqual([['sigmoid', true], ['relu', true], ['softmax', true], ['sigmoid', true]]);
    expect(spawned - before).toBeLessThanOrEqual(2);
  });

  it('gradeMany runs a group that needs both realm builds with one realm of each, results in order', async () => {
    const spawns = { core: 0, full: 0 };
    const pools = {
      core: createPool({ spawn: () => (spawns.core++, spawnNodeRealm('core')), size: 1, prespawn: 0 }),
      full: createPool({ spawn: () => (spawns.full++, spawnNodeRealm('full')), size: 1, prespawn: 0 }),
    };
    try {
      const port = learnerPortFromPools((f) => pools[f]);
      const ids = ['sigmoid', 'dense-layer', 'relu', 'dense-layer'];
      const subs = ids.map((id, i) => ({ meta: loadExerciseMeta(id), code: grader(id), seed: i + 1, group: 's1' }));
      const reports = await gradeMany(port, reference, subs, { concurrency: 1 });
      expect(reports.map((r) => [r.exercise, r.passed])).toEqual(ids.map((id) => [id, true]));
      // In the given order the session would switch builds three times; grouped by build, once.
      expect(spawns).toEqual({ core: 1, full: 1 });
    } finally {
      pools.core.dispose();
      pools.full.dispose();
    }
  });
});

function grader(id: string): string {
  return readFileSync(`exercises/${id}/solution.ts`, 'utf8');
}
