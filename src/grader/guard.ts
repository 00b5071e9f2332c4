import type { TF } from './types';

/**
 * Kernels behind banned APIs. Banning by name stops `tf.sigmoid`, `tf['sig'+'moid']` and
 * `z.sigmoid()`; banning the kernel also stops `tf.engine().runKernel('Sigmoid', …)` and any
 * other route to the same computation. Composite ops (logSoftmax, losses, …) have no kernel
 * of their own: their names are enough, because their building blocks are allowed.
 */
export const KERNELS_BY_API: Readonly<Record<string, readonly string[]>> = {
  sigmoid: ['Sigmoid'],
  relu: ['Relu'],
  relu6: ['Relu6'],
  leakyRelu: ['LeakyRelu'],
  prelu: ['Prelu'],
  elu: ['Elu'],
  selu: ['Selu'],
  softmax: ['Softmax'],
  conv1d: ['Conv2D'],
  conv2d: ['Conv2D', 'FusedConv2D'],
  conv3d: ['Conv3D'],
  depthwiseConv2d: ['DepthwiseConv2dNative', 'FusedDepthwiseConv2D'],
  conv2dTranspose: ['Conv2DBackpropInput'],
  fused: ['FusedConv2D', 'FusedDepthwiseConv2D', '_FusedMatMul'],
};

/** Thrown when learner code reaches a banned API. The brand survives a realm's patched classes. */
export class BannedApiError extends Error {
  readonly banned = true;
  constructor(readonly api: string) {
    super(bannedMessage(api));
    this.name = 'BannedApiError';
  }
}

export function bannedMessage(api: string): string {
  return `本练习禁止使用 ${api}：这道题要你用更基础的运算（如 tf.add、tf.mul、tf.exp、tf.matMul）亲手实现它。请删掉这处调用，改用基础运算。`;
}

export function isBannedError(e: unknown): e is { banned: true; message: string } {
  return typeof e === 'object' && e !== null && (e as { banned?: unknown }).banned === true;
}

export interface Guard {
  /** What the learner's `import * as tf from '@tensorflow/tfjs'` receives. */
  tf: TF;
  /** Restores tensor methods and kernels (tests only: learner realms are thrown away). */
  dispose(): void;
}

/**
 * Installs the guards for one submission in the learner realm and returns the guarded tf.
 */
export function createGuard(tf: TF, banned: readonly string[]): Guard {
  const bannedSet = new Set(banned);
  const restore: (() => void)[] = [];

  // 1. Kernels: replace each banned kernel with one that throws, on every registered backend.
  const kernelOwner = new Map<string, string>();
  for (const api of bannedSet) for (const k of KERNELS_BY_API[api] ?? []) kernelOwner.set(k, api);
  const backend = tf.getBackend();
  for (const config of tf.getKernelsForBackend(backend)) {
    const api = kernelOwner.get(config.kernelName);
    if (!api) continue;
    tf.unregisterKernel(config.kernelName, backend);
    tf.registerKernel({
      ...config,
      kernelFunc: () => {
        throw new BannedApiError(`tf.${api}（底层算子 ${config.kernelName}）`);
      },
    });
    restore.push(() => {
      tf.unregisterKernel(config.kernelName, backend);
      tf.registerKernel(config);
    });
  }

  // 2. Tensor methods: z.sigmoid(), x.conv2d(…).
  const proto = tf.Tensor.prototype as unknown as Record<string, unknown>;
  for (const name of bannedSet) {
    if (!(name in proto)) continue;
    const original = Object.getOwnPropertyDescriptor(proto, name);
    Object.defineProperty(proto, name, {
      configurable: true,
      writable: true,
      value: function banned() {
        throw new BannedApiError(`tensor.${name}()`);
      },
    });
    restore.push(() => {
      if (original) Object.defineProperty(proto, name, original);
      else delete proto[name];
    });
  }

  // 3. Names at any depth of the namespace, including computed ones (tf['sig' + 'moid']).
  const cache = new WeakMap<object, object>();
  const wrap = (target: object, path: string): object => {
    const cached = cache.get(target);
    if (cached) return cached;
    const proxy: object = new Proxy(Object.create(null) as object, {
      get(_shadow, prop) {
        if (prop === '__esModule' && path === 'tf') return true;
        const value = Reflect.get(target, prop) as unknown;
        if (typeof prop !== 'string') return value;
        const name = `${path}.${prop}`;
        if (bannedSet.has(prop)) return bannedStub(name, value);
        if (isNamespace(value)) return wrap(value, name);
        return value;
      },
      has: (_shadow, prop) => Reflect.has(target, prop),
      ownKeys: () => Reflect.ownKeys(target),
      getOwnPropertyDescriptor(_shadow, prop): PropertyDescriptor | undefined {
        if (!Reflect.has(target, prop)) return undefined;
        return { configurable: true, enumerable: true, writable: false, value: (proxy as Record<PropertyKey, unknown>)[prop] };
      },
      set(_shadow, prop) {
        throw new TypeError(`不能修改 tf.${String(prop)}：tf 是只读的。请用自己的变量或函数。`);
      },
      defineProperty(_shadow, prop) {
        throw new TypeError(`不能修改 tf.${String(prop)}：tf 是只读的。请用自己的变量或函数。`);
      },
      deleteProperty(_shadow, prop) {
        throw new TypeError(`不能删除 tf.${String(prop)}：tf 是只读的。`);
      },
    });
    cache.set(target, proxy);
    return proxy;
  };

  return {
    tf: wrap(tf, 'tf') as TF,
    dispose: () => {
      for (const undo of restore.reverse()) undo();
    },
  };
}

/** A namespace is a plain object of functions (tf.layers, tf.losses …), not a class or a tensor. */
function isNamespace(value: unknown): value is object {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === null || proto === Object.prototype;
}

/** Stands in for a banned function or namespace: fails loudly when used, not when mentioned. */
function bannedStub(name: string, value: unknown): unknown {
  const fail = (): never => {
    throw new BannedApiError(name);
  };
  if (typeof value === 'function') {
    return new Proxy(function banned() {}, { apply: fail, construct: fail, get: (_t, p) => (p === 'name' ? name : fail()) });
  }
  return new Proxy(Object.create(null) as object, { get: fail, has: () => true, apply: fail });
}
