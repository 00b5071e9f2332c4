import type { Dtype, Plain, TF } from './types';
import type { Tensor } from '@tensorflow/tfjs';

const MAX_DEPTH = 6;
const MAX_ITEMS = 10_000;

/**
 * Builds a converter from live values to plain data. The primordials it relies on are captured
 * when the converter is created, i.e. before any learner code runs, so a learner who patches
 * Array.from, Object.keys or Tensor.prototype.dataSync can't forge what crosses the boundary.
 */
export function createToPlain(tf: TF): (value: unknown) => Plain {
  const TensorClass = tf.Tensor;
  const dataSync = TensorClass.prototype.dataSync;
  const arrayFrom = Array.from;
  const isArray = Array.isArray;
  const keys = Object.keys;
  const getProto = Object.getPrototypeOf;
  const ObjectProto = Object.prototype;
  const isInstance = (v: unknown): v is Tensor => Function.prototype[Symbol.hasInstance].call(TensorClass, v);

  const convert = (value: unknown, depth: number): Plain => {
    if (isInstance(value)) {
      if (value.isDisposed) return { t: 'other', desc: '一个已经被 dispose 的张量' };
      const shape = arrayFrom(value.shape);
      if (value.dtype === 'string' || value.dtype === 'complex64') {
        return { t: 'other', desc: `dtype 为 ${value.dtype} 的张量，形状 [${shape.join(',')}]` };
      }
      const data = dataSync.call(value) as ArrayLike<number>;
      return { t: 'tensor', dtype: value.dtype as Dtype, shape, values: arrayFrom(data) };
    }
    if (value === null) return { t: 'null' };
    switch (typeof value) {
      case 'undefined':
        return { t: 'undefined' };
      case 'number':
        return { t: 'number', v: value };
      case 'string':
        return { t: 'string', v: value };
      case 'boolean':
        return { t: 'boolean', v: value };
      case 'function':
        return { t: 'other', desc: '一个函数' };
      case 'bigint':
        return { t: 'other', desc: `BigInt ${String(value)}` };
      case 'symbol':
        return { t: 'other', desc: 'Symbol' };
      default:
        break;
    }
    if (depth >= MAX_DEPTH) return { t: 'other', desc: '嵌套过深的对象' };
    if (isArray(value)) {
      if (value.length > MAX_ITEMS) return { t: 'other', desc: `长度为 ${value.length} 的数组` };
      return { t: 'array', items: arrayFrom(value, (v) => convert(v, depth + 1)) };
    }
    const obj = value as Record<string, unknown>;
    if (typeof (obj as { then?: unknown }).then === 'function') {
      return { t: 'other', desc: 'Promise（函数不要写成 async，直接返回结果）' };
    }
    if (ArrayBuffer.isView(obj)) return { t: 'other', desc: `类型化数组 ${obj.constructor?.name ?? ''}`.trim() };
    const proto = getProto(obj);
    if (proto !== ObjectProto && proto !== null) {
      const name = (proto?.constructor as { name?: string } | undefined)?.name ?? '未知类';
      return { t: 'other', desc: `一个 ${name} 对象` };
    }
    return { t: 'object', entries: keys(obj).map((k) => [k, convert(obj[k], depth + 1)] as [string, Plain]) };
  };
  return (value) => convert(value, 0);
}

/** Rebuilds live values from plain data (tensors become tensors of the given tf). */
export function fromPlain(tf: TF, plain: Plain): unknown {
  switch (plain.t) {
    case 'tensor':
      return tf.tensor(plain.values, plain.shape, plain.dtype === 'bool' ? 'bool' : (plain.dtype as 'float32' | 'int32'));
    case 'number':
    case 'string':
    case 'boolean':
      return plain.v;
    case 'null':
      return null;
    case 'undefined':
      return undefined;
    case 'array':
      return plain.items.map((p) => fromPlain(tf, p));
    case 'object':
      return Object.fromEntries(plain.entries.map(([k, p]) => [k, fromPlain(tf, p)]));
    case 'other':
      throw new Error(`fromPlain: cannot rebuild ${plain.desc}`);
  }
}
