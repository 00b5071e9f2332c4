// The engine end to end through the Node host (the same orchestrator the browser uses).
import { afterAll, describe, expect, it } from 'vitest';
import { createTestGrader } from '../support/node-grader';

const grader = createTestGrader();
afterAll(() => grader.dispose());

const SOLUTION = `import * as tf from '@tensorflow/tfjs';
export function sigmoid(z: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const e = tf.exp(tf.neg(tf.abs(z)));
    return tf.where(tf.greaterEqual(z, 0), tf.div(1, tf.add(1, e)), tf.div(e, tf.add(1, e)));
  });
}`;

describe('grading realms', () => {
  it('a correct submission passes and reports its seed', async () => {
    const r = await grader.grade('sigmoid', SOLUTION, 11);
    expect(r.passed).toBe(true);
    expect(r.score).toBe(1);
    expect(r.seed).toBe(11);
  });

  it('intrinsics are frozen in the learner realm, and patches of tfjs objects change no verdict', async () => {
    // The comparison relies on Math.abs, Number.isNaN and Number.isFinite. Patched in the
    // learner realm they would make every value "close"; they can't reach the comparing realm.
    const patches = `const frozen: string[] = [];
for (const patch of [() => { Math.abs = () => 0; }, () => { Number.isNaN = () => false; }, () => { (Float32Array.prototype as any).map = null; }]) {
  try { patch(); } catch { frozen.push('frozen'); }
}
console.log('patches refused: ' + frozen.length);`;
    const correct = `import * as tf from '@tensorflow/tfjs';
${patches}
export function sigmoid(z: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const e = tf.exp(tf.minimum(z, tf.neg(z))); // e^{-|z|} without tf.abs
    return tf.where(tf.greaterEqual(z, 0), tf.div(1, tf.add(1, e)), tf.div(e, tf.add(1, e)));
  });
}`;
    const ok = await grader.grade('sigmoid', correct, 5);
    expect(ok.passed).toBe(true);
    expect(ok.logs.map((l) => l.text)).toContain('patches refused: 3');
    const wrong = `import * as tf from '@tensorflow/tfjs';
${patches}
(tf.Tensor.prototype as any).dataSync = function () { return new Float32Array(this.size).fill(0.5); };
export function sigmoid(z: tf.Tensor): tf.Tensor { return tf.zerosLike(z); }`;
    const r = await grader.grade('sigmoid', wrong, 5);
    expect(r.passed).toBe(false);
    expect(r.cases.every((c) => !c.passed)).toBe(true);
  });

  it('patching tf.Tensor.prototype or tf itself is contained', async () => {
    const code = `import * as tf from '@tensorflow/tfjs';
try { (tf as any).exp = () => 0; } catch {}
export function sigmoid(z: tf.Tensor): tf.Tensor { return tf.onesLike(z); }`;
    const r = await grader.grade('sigmoid', code, 5);
    expect(r.passed).toBe(false);
  });

  it('process does not exist in the learner realm, so process.exit(0) is a failure', async () => {
    const code = `import * as tf from '@tensorflow/tfjs';
export function sigmoid(z: tf.Tensor): tf.Tensor { (globalThis as any).process.exit(0); return z; }`;
    const r = await grader.grade('sigmoid', code, 1);
    expect(r.passed).toBe(false);
    expect(r.cases[0]?.message).toMatch(/TypeError.*(undefined|exit)/);
  });

  it('infinite loop times out and the next run works', async () => {
    const loop = `import * as tf from '@tensorflow/tfjs';
export function sigmoid(z: tf.Tensor): tf.Tensor { while (true) {} }`;
    const t0 = Date.now();
    const r = await grader.grade('sigmoid', loop, 1, { timeoutMs: 1000 });
    expect(Date.now() - t0).toBeLessThan(1000 + 8000);
    expect(r.error?.kind).toBe('timeout');
    expect(r.error?.message).toContain('运行超时（1 秒）');
    expect((await grader.grade('sigmoid', SOLUTION, 1)).passed).toBe(true);
  });

  it('tf.engine() is outside the allowlist: a banned error that says so', async () => {
    const code = `import * as tf from '@tensorflow/tfjs';
export function sigmoid(z: tf.Tensor): tf.Tensor { return tf.engine().runKernel('Sigmoid', { x: z }) as tf.Tensor; }`;
    const r = await grader.grade('sigmoid', code, 1);
    expect(r.error?.kind).toBe('banned');
    expect(r.error?.message).toContain('tf.engine（不在本练习可用的 API 中）');
  });

  it('importing any other module is a clear error', async () => {
    const code = `import * as fs from 'fs';\nexport function sigmoid(z: any) { return fs ? z : z; }`;
    const r = await grader.grade('sigmoid', code, 1);
    expect(r.passed).toBe(false);
    expect(r.error?.message).toContain('不能导入 "fs"');
    const dyn = `import * as tf from '@tensorflow/tfjs';
export async function sigmoid(z: tf.Tensor) { await import('node:fs'); return z; }`;
    const r2 = await grader.grade('sigmoid', dyn, 1);
    expect(r2.passed).toBe(false);
    expect(r2.error?.kind).toBe('compile');
    expect(r2.error?.message).toContain('不能使用动态 import()（第 2 行）');
  });

  it('a syntax error inside an arrow function points at the real line, not the arrow', async () => {
    const code = `import * as tf from '@tensorflow/tfjs';
export function sigmoid(z: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const e = tf.exp(tf.neg(z));
    return tf.div(1, tf.add(1, e);
  });
}`;
    const r = await grader.grade('sigmoid', code, 1);
    expect(r.error?.kind).toBe('compile');
    expect(r.error?.line).toBe(5);
    expect(r.error?.message).toContain('第 5 行');
  });

  it('import() hidden in a string is refused before it can load an unguarded tf', async () => {
    const code = `import * as tf from '@tensorflow/tfjs';
const load = new Function('return import("@tensorflow/tfjs")') as () => Promise<typeof tf>;
export async function mseLoss(a: tf.Tensor, b: tf.Tensor) {
  const real = await load();
  return real.losses.meanSquaredError(a, b);
}`;
    const r = await grader.grade('mse-loss', code, 1);
    expect(r.passed).toBe(false);
    expect(r.error?.kind).toBe('compile');
    expect(r.error?.message).toContain('import(…)');
  });

  it('a missing export is a type error that names the entry', async () => {
    const r = await grader.grade('sigmoid', 'export function sigmoyd(z: unknown) { return z; }', 1);
    expect(r.error?.kind).toBe('type');
    expect(r.error?.message).toContain('sigmoid');
    expect(r.error?.message).toContain('sigmoyd');
  });

  it('a runtime error names the learner line', async () => {
    const code = `import * as tf from '@tensorflow/tfjs';
export function sigmoid(z: tf.Tensor): tf.Tensor {
  const x: any = undefined;
  return x.shape;
}`;
    const r = await grader.grade('sigmoid', code, 1);
    expect(r.cases[0]?.message).toMatch(/第 4 行/);
  });

  it('hard-coded outputs fail: expected values are computed at grading time', async () => {
    const code = `import * as tf from '@tensorflow/tfjs';
export function sigmoid(z: tf.Tensor): tf.Tensor { return tf.fill(z.shape, 0.5); }`;
    const r = await grader.grade('sigmoid', code, 1);
    expect(r.passed).toBe(false);
  });

  it('console.log output is captured, not printed', async () => {
    const code = `${SOLUTION}\nconsole.log('你好', 42); tf.scalar(3).print();`;
    const r = await grader.grade('sigmoid', code, 1);
    expect(r.logs.map((l) => l.text).join('\n')).toContain('你好 42');
    expect(r.logs.map((l) => l.text).join('\n')).toContain('3');
  });

  it('leaked tensors produce a warning, not a failure', async () => {
    const code = `import * as tf from '@tensorflow/tfjs';
export function sigmoid(z: tf.Tensor): tf.Tensor {
  const e = tf.exp(tf.neg(tf.abs(z)));
  return tf.where(tf.greaterEqual(z, 0), tf.div(1, tf.add(1, e)), tf.div(e, tf.add(1, e)));
}`;
    const r = await grader.grade('sigmoid', code, 1);
    expect(r.passed).toBe(true);
    expect(r.warnings.join('')).toMatch(/张量没有释放/);
  });

  it('the same code and seed give the same verdict twice', async () => {
    const code = grader.source('sigmoid', 'starter.ts');
    const a = await grader.grade('sigmoid', code, 99);
    const b = await grader.grade('sigmoid', code, 99);
    const strip = (r: typeof a) => ({ ...r, durationMs: 0, cases: r.cases.map((c) => ({ ...c, ms: 0 })) });
    expect(strip(b)).toEqual(strip(a));
  });
});
