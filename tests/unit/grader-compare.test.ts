import { describe, expect, it } from 'vitest';
import { closeEnough, compareValues } from '../../src/grader/compare';
import { TOLERANCES } from '../../src/grader/tolerance';
import type { Plain } from '../../src/grader/types';

const F32 = TOLERANCES.float32;
const tensor = (shape: number[], values: number[], dtype: 'float32' | 'int32' = 'float32'): Plain => ({ t: 'tensor', dtype, shape, values });

describe('closeEnough', () => {
  it('NaN equals only NaN', () => {
    expect(closeEnough(NaN, NaN, F32)).toBe(true);
    expect(closeEnough(NaN, 0, F32)).toBe(false);
    expect(closeEnough(0, NaN, F32)).toBe(false);
  });
  it('NaN is not Inf', () => {
    expect(closeEnough(NaN, Infinity, F32)).toBe(false);
    expect(closeEnough(Infinity, NaN, F32)).toBe(false);
  });
  it('±Inf equals only itself, whatever the tolerance', () => {
    const huge = { rtol: 1e30, atol: 1e30 };
    expect(closeEnough(Infinity, Infinity, huge)).toBe(true);
    expect(closeEnough(-Infinity, Infinity, huge)).toBe(false);
    expect(closeEnough(3.4e38, Infinity, huge)).toBe(false);
  });
  it('passes at exactly atol + rtol·|expected| and fails just beyond it', () => {
    const tol = { rtol: 0.5, atol: 0.25 }; // dyadic, so the bound is exact in binary
    const bound = tol.atol + tol.rtol * 2; // 1.25
    expect(closeEnough(2 + bound, 2, tol)).toBe(true);
    expect(closeEnough(2 + bound + 2 ** -40, 2, tol)).toBe(false);
  });
});

describe('compareValues', () => {
  it('shape [2,3] vs [3,2] fails with both shapes in the message', () => {
    const m = compareValues(tensor([2, 3], [1, 2, 3, 4, 5, 6]), tensor([3, 2], [1, 2, 3, 4, 5, 6]), F32);
    expect(m?.message).toContain('期望形状 [2,3]，得到 [3,2]');
  });
  it('a scalar is not a one-element vector', () => {
    const m = compareValues(tensor([], [1]), tensor([1], [1]), F32);
    expect(m?.message).toContain('[]（标量）');
  });
  it('dtype is compared', () => {
    expect(compareValues(tensor([2], [1, 2]), tensor([2], [1, 2], 'int32'), F32)?.message).toContain('期望 dtype float32，得到 int32');
  });
  it('reports the first differing multi-index and the max absolute error', () => {
    const m = compareValues(tensor([2, 2], [1, 2, 3, 4]), tensor([2, 2], [1, 2, 3.5, 6]), F32);
    expect(m?.firstMismatch).toEqual([1, 0]);
    expect(m?.maxAbsError).toBe(2);
    expect(m?.message).toContain('位置 [1,0]');
    expect(m?.message).toContain('2/4');
  });
  it('propagates NaN: a NaN output fails and is counted', () => {
    const m = compareValues(tensor([3], [0, 1, 1]), tensor([3], [0, NaN, 1.5]), F32);
    expect(m?.message).toContain('1 个 NaN');
    expect(m?.message).toContain('最大绝对误差（不含 NaN） 0.5');
    expect(m?.maxAbsError).toBe(0.5);
  });
  it('an infinite output against a finite expectation is an infinite error', () => {
    expect(compareValues(tensor([2], [1, 2]), tensor([2], [1, Infinity]), F32)?.maxAbsError).toBe(Infinity);
  });
  it('a non-tensor return says what was returned', () => {
    expect(compareValues(tensor([], [0.5]), { t: 'number', v: 0.5 }, F32)?.message).toContain('实际返回了数字 0.5');
    expect(compareValues(tensor([2], [1, 2]), { t: 'undefined' }, F32)?.message).toContain('没有 return');
    expect(compareValues(tensor([2], [1, 2]), { t: 'other', desc: 'Promise（函数不要写成 async，直接返回结果）' }, F32)?.message).toContain('Promise');
  });
  it('objects are compared key by key and a missing key is named', () => {
    const expected: Plain = { t: 'object', entries: [['dw', tensor([1], [1])], ['db', tensor([1], [2])]] };
    expect(compareValues(expected, { t: 'object', entries: [['dw', tensor([1], [1])]] }, F32)?.message).toContain('缺少字段 db');
    expect(compareValues(expected, { t: 'object', entries: [['dw', tensor([1], [1])], ['db', tensor([1], [3])]] }, F32)?.message).toMatch(/^db：/);
    expect(compareValues(expected, { t: 'object', entries: [['db', tensor([1], [2])], ['dw', tensor([1], [1])]] }, F32)).toBeNull();
  });
  it('matching values within tolerance pass', () => {
    expect(compareValues(tensor([2], [1, 1000]), tensor([2], [1 + 5e-7, 1000 * (1 + 5e-6)]), F32)).toBeNull();
  });
});
