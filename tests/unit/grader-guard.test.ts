import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createGuard, type Guard } from '../../src/grader/guard';
import { compileSubmission } from '../../src/grader/compile';
import { createRng } from '../../src/grader/rng';

let guard: Guard | undefined;
beforeAll(async () => {
  tf.env().set('PROD', true);
  await tf.setBackend('cpu');
});
afterEach(() => {
  guard?.dispose();
  guard = undefined;
});
const guarded = (banned: string[]) => (guard = createGuard(tf, banned)).tf as unknown as Record<string, any>;

describe('guard', () => {
  it('tf.sigmoid is caught with a Chinese message naming the API', () => {
    const g = guarded(['sigmoid']);
    expect(() => g.sigmoid(tf.scalar(1))).toThrow(/禁止使用 tf\.sigmoid/);
  });
  it("tf['sig' + 'moid'] is caught", () => {
    const g = guarded(['sigmoid']);
    expect(() => g['sig' + 'moid'](tf.scalar(1))).toThrow(/tf\.sigmoid/);
  });
  it("runKernel('Sigmoid') is caught", () => {
    guarded(['sigmoid']);
    expect(() => tf.engine().runKernel('Sigmoid', { x: tf.scalar(1) })).toThrow(/底层算子 Sigmoid/);
  });
  it('tensor method z.sigmoid() is caught', () => {
    guarded(['sigmoid']);
    expect(() => tf.scalar(1).sigmoid()).toThrow(/sigmoid/);
  });
  it('a banned namespace (tf.layers) is caught on use, at any depth', () => {
    const g = guarded(['layers']);
    expect(() => g.layers.dense({ units: 1 })).toThrow(/tf\.layers/);
  });
  it('a banned name inside a namespace is caught (tf.losses.meanSquaredError)', () => {
    const g = guarded(['meanSquaredError']);
    expect(() => g.losses.meanSquaredError(tf.scalar(1), tf.scalar(2))).toThrow(/tf\.losses\.meanSquaredError/);
  });
  it('allowed ops still work and tf is read-only', () => {
    const g = guarded(['sigmoid']);
    expect(g.add(tf.scalar(1), tf.scalar(2)).dataSync()[0]).toBe(3);
    expect(() => {
      g.exp = () => 0;
    }).toThrow(/只读/);
  });
  it('dispose restores kernels and tensor methods', () => {
    guarded(['sigmoid']).dispose;
    guard!.dispose();
    guard = undefined;
    expect(tf.scalar(0).sigmoid().dataSync()[0]).toBe(0.5);
    expect((tf.engine().runKernel('Sigmoid', { x: tf.scalar(0) }) as tf.Tensor).dataSync()[0]).toBe(0.5);
  });
});

describe('compile', () => {
  it('a syntax error gives line and column in Chinese', () => {
    const r = compileSubmission('const a = 1;\nfunction f( {\n');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.kind).toBe('compile');
      expect(r.error.line).toBe(3);
      expect(r.error.message).toMatch(/语法错误（第 3 行/);
    }
  });
  it('types are stripped, not checked', () => {
    expect(compileSubmission('export const x: number = 1 as any;').ok).toBe(true);
  });
});

describe('rng', () => {
  it('the same seed gives the same stream; another seed does not', () => {
    const a = createRng(tf, 42).array(5, 0, 1);
    expect(createRng(tf, 42).array(5, 0, 1)).toEqual(a);
    expect(createRng(tf, 43).array(5, 0, 1)).not.toEqual(a);
  });
  it('int() stays within its inclusive bounds', () => {
    const r = createRng(tf, 7);
    const xs = Array.from({ length: 500 }, () => r.int(2, 4));
    expect(Math.min(...xs)).toBe(2);
    expect(Math.max(...xs)).toBe(4);
  });
});
