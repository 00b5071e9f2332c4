import type { Plain } from './types';

/** Numbers as a learner reads them: 6 significant digits, exponents for very large/small. */
export function formatNumber(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  if (x === 0) return '0';
  const abs = Math.abs(x);
  if (abs >= 1e6 || abs < 1e-4) return x.toExponential(3);
  return String(Number(x.toPrecision(6)));
}

export function formatShape(shape: readonly number[]): string {
  return shape.length === 0 ? '[]（标量）' : `[${shape.join(',')}]`;
}

const EDGE = 3; // elements shown at each end of a long axis (2 for rank ≥ 3)
const MAX_PREVIEW_CHARS = 360;

/** A compact nested preview of a tensor's values, eliding the middle of long axes. */
export function previewTensor(shape: readonly number[], values: readonly number[]): string {
  if (shape.length === 0) return formatNumber(values[0] ?? NaN);
  const edge = shape.length >= 3 ? 2 : EDGE;
  const strides = shape.map((_, i) => shape.slice(i + 1).reduce((a, b) => a * b, 1));
  const rec = (axis: number, offset: number): string => {
    const n = shape[axis]!;
    const idx = n <= 2 * edge ? [...Array(n).keys()] : [...Array(edge).keys(), -1, ...Array.from({ length: edge }, (_, i) => n - edge + i)];
    const parts = idx.map((i) => {
      if (i === -1) return '…';
      const at = offset + i * strides[axis]!;
      return axis === shape.length - 1 ? formatNumber(values[at]!) : rec(axis + 1, at);
    });
    return `[${parts.join(', ')}]`;
  };
  const text = rec(0, 0);
  return text.length <= MAX_PREVIEW_CHARS ? text : `${text.slice(0, MAX_PREVIEW_CHARS)} …（共 ${values.length} 个元素）`;
}

/** One line describing any plain value, in Chinese, for reports. */
export function describePlain(p: Plain): string {
  switch (p.t) {
    case 'tensor':
      return `张量 ${p.dtype} ${formatShape(p.shape)}`;
    case 'number':
      return `数字 ${formatNumber(p.v)}`;
    case 'string':
      return `字符串 ${JSON.stringify(p.v.length > 40 ? `${p.v.slice(0, 40)}…` : p.v)}`;
    case 'boolean':
      return `布尔值 ${p.v}`;
    case 'null':
      return 'null';
    case 'undefined':
      return 'undefined（函数没有 return 任何值）';
    case 'array':
      return `长度为 ${p.items.length} 的数组`;
    case 'object':
      return `对象 { ${p.entries.map(([k]) => k).join(', ')} }`;
    case 'other':
      return p.desc;
  }
}

/** A value preview: tensor contents, or the description. */
export function previewPlain(p: Plain): string {
  if (p.t === 'tensor') return previewTensor(p.shape, p.values);
  if (p.t === 'number') return formatNumber(p.v);
  if (p.t === 'object') return `{ ${p.entries.map(([k, v]) => `${k}: ${v.t === 'tensor' ? formatShape(v.shape) : describePlain(v)}`).join(', ')} }`;
  return describePlain(p);
}

/** Chinese summary of an argument list, e.g. "参数 1：float32 [5] = [-1000, …]". */
export function summarizeArgs(args: readonly Plain[]): string {
  return args
    .map((a, i) => {
      const head = `参数 ${i + 1}：`;
      if (a.t === 'tensor') {
        const body = `${a.dtype} ${formatShape(a.shape)}`;
        return a.values.length <= 8 ? `${head}${body} = ${previewTensor(a.shape, a.values)}` : `${head}${body}`;
      }
      if (a.t === 'object') return `${head}{ ${a.entries.map(([k, v]) => `${k}: ${v.t === 'tensor' ? formatShape(v.shape) : previewPlain(v)}`).join(', ')} }`;
      return `${head}${previewPlain(a)}`;
    })
    .join('；');
}
