import { describePlain, formatNumber, formatShape, previewPlain, previewTensor } from './format';
import type { Tolerance } from './tolerance';
import type { Plain } from './types';

/** Why an actual value differs from the expected one. */
export interface Mismatch {
  /** Chinese, one or two sentences. */
  message: string;
  expectedPreview: string;
  actualPreview: string;
  maxAbsError?: number;
  firstMismatch?: number[];
}

/**
 * Element equality under a tolerance: NaN equals only NaN, ±Inf only itself,
 * finite values pass when |a − e| ≤ atol + rtol·|e|.
 */
export function closeEnough(actual: number, expected: number, tol: Tolerance): boolean {
  if (Number.isNaN(expected) || Number.isNaN(actual)) return Number.isNaN(expected) && Number.isNaN(actual);
  if (!Number.isFinite(expected) || !Number.isFinite(actual)) return actual === expected;
  return Math.abs(actual - expected) <= tol.atol + tol.rtol * Math.abs(expected);
}

function unravel(index: number, shape: readonly number[]): number[] {
  const out: number[] = [];
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    const n = shape[axis]!;
    out.unshift(index % n);
    index = Math.floor(index / n);
  }
  return out;
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((n, i) => n === b[i]);
}

function compareTensors(
  expected: Extract<Plain, { t: 'tensor' }>,
  actual: Extract<Plain, { t: 'tensor' }>,
  tol: Tolerance,
): Mismatch | null {
  const previews = {
    expectedPreview: previewTensor(expected.shape, expected.values),
    actualPreview: previewTensor(actual.shape, actual.values),
  };
  if (!sameShape(expected.shape, actual.shape)) {
    return { message: `形状不对：期望形状 ${formatShape(expected.shape)}，得到 ${formatShape(actual.shape)}。`, ...previews };
  }
  if (expected.dtype !== actual.dtype) {
    return { message: `数据类型不对：期望 dtype ${expected.dtype}，得到 ${actual.dtype}。`, ...previews };
  }
  let first = -1;
  let bad = 0;
  let nanCount = 0;
  let maxAbsError = 0;
  for (let i = 0; i < expected.values.length; i++) {
    const e = expected.values[i]!;
    const a = actual.values[i]!;
    if (Number.isNaN(a) && !Number.isNaN(e)) nanCount++;
    // NaN has no distance: it is counted on its own, and the maximum error covers the rest.
    // (±Inf against a finite value is an infinite error; Inf against the same Inf is none.)
    if (!Number.isNaN(a) && !Number.isNaN(e)) maxAbsError = Math.max(maxAbsError, a === e ? 0 : Math.abs(a - e));
    if (!closeEnough(a, e, tol)) {
      bad++;
      if (first < 0) first = i;
    }
  }
  if (bad === 0) return null;
  const at = unravel(first, expected.shape);
  const where = expected.shape.length === 0 ? '' : `位置 [${at.join(',')}] `;
  const parts = [
    `数值不对：${where}期望 ${formatNumber(expected.values[first]!)}，得到 ${formatNumber(actual.values[first]!)}`,
    `共 ${bad}/${expected.values.length} 个元素超出容差（允许误差 ${tol.atol} + ${tol.rtol}×|期望值|），最大绝对误差${nanCount > 0 ? '（不含 NaN）' : ''} ${formatNumber(maxAbsError)}`,
  ];
  if (nanCount > 0) parts.push(`输出里有 ${nanCount} 个 NaN，常见原因是 exp 溢出或 0/0`);
  return { message: `${parts.join('；')}。`, ...previews, maxAbsError, firstMismatch: at };
}

/**
 * Compares an expected plain value with what the learner returned. Returns null on a match.
 * Shape and dtype are checked before any value, and object keys are compared one by one.
 */
export function compareValues(expected: Plain, actual: Plain, tol: Tolerance, path = ''): Mismatch | null {
  const prefix = path ? `${path}：` : '';
  const wrongKind = (what: string): Mismatch => ({
    message: `${prefix}期望返回${what}，实际返回了${describePlain(actual)}。`,
    expectedPreview: previewPlain(expected),
    actualPreview: previewPlain(actual),
  });
  switch (expected.t) {
    case 'tensor': {
      if (actual.t !== 'tensor') {
        const hint = actual.t === 'number' ? '（用张量运算的结果直接返回，不要调用 dataSync() 取出数字）' : '';
        const m = wrongKind(`张量（tf.Tensor，形状 ${formatShape(expected.shape)}）`);
        return { ...m, message: m.message.replace(/。$/, `${hint}。`) };
      }
      const m = compareTensors(expected, actual, tol);
      return m && { ...m, message: prefix + m.message };
    }
    case 'number': {
      if (actual.t !== 'number') return wrongKind('数字');
      if (closeEnough(actual.v, expected.v, tol)) return null;
      return {
        message: `${prefix}数值不对：期望 ${formatNumber(expected.v)}，得到 ${formatNumber(actual.v)}。`,
        expectedPreview: formatNumber(expected.v),
        actualPreview: formatNumber(actual.v),
        maxAbsError: Math.abs(actual.v - expected.v),
      };
    }
    case 'object': {
      if (actual.t !== 'object') return wrongKind(`对象 { ${expected.entries.map(([k]) => k).join(', ')} }`);
      const got = new Map(actual.entries);
      for (const [key, value] of expected.entries) {
        const sub = got.get(key);
        const subPath = path ? `${path}.${key}` : key;
        if (sub === undefined) {
          return { message: `缺少字段 ${subPath}：返回的对象里要有 ${expected.entries.map(([k]) => k).join(', ')}。`, expectedPreview: previewPlain(expected), actualPreview: previewPlain(actual) };
        }
        const m = compareValues(value, sub, tol, subPath);
        if (m) return m;
      }
      return null;
    }
    case 'array': {
      if (actual.t !== 'array') return wrongKind(`长度为 ${expected.items.length} 的数组`);
      if (actual.items.length !== expected.items.length) {
        return { ...wrongKind(`长度为 ${expected.items.length} 的数组`) };
      }
      for (let i = 0; i < expected.items.length; i++) {
        const m = compareValues(expected.items[i]!, actual.items[i]!, tol, `${path}[${i}]`);
        if (m) return m;
      }
      return null;
    }
    case 'string':
    case 'boolean':
      return actual.t === expected.t && actual.v === expected.v ? null : wrongKind(describePlain(expected));
    case 'null':
    case 'undefined':
      return actual.t === expected.t ? null : wrongKind(describePlain(expected));
    case 'other':
      // The reference never produces these; treat it as an authoring bug, loudly.
      throw new Error(`reference produced an unsupported value: ${expected.desc}`);
  }
}
