import { ALLOWED_TF, FUSED_ACTIVATION_BY_API, FUSED_ACTIVATION_KERNELS, GRADIENT_APIS, KERNELS_BY_API } from './allowlist';
import type { TF } from '../grader/types';

export interface GuardOptions {
  /** API names removed from what is allowed or granted: a bare name at any depth, or a dotted path (`layers.dense`). */
  banned: readonly string[];
  /** Grantable namespaces and function families this exercise may use (see GRANTABLE_TF). */
  grants: readonly string[];
}

export interface Guard {
  /** The frozen namespace that learner code's `import * as tf from '@tensorflow/tfjs'` receives. */
  tf: object;
  /** The banned API a thrown value stands for, recognised by identity (never by a property). */
  bannedApiOf(e: unknown): string | undefined;
}

/**
 * Installs the bans for one submission in a learner realm that is thrown away afterwards, and
 * returns the guarded tf. Three layers: the namespace is an allowlist (frozen copies, so
 * learner code can't add to it); banned tensor methods throw; banned kernels throw on every
 * registered backend, which also covers composite ops, layers and fused kernels.
 */
export function createGuard(tf: TF, { banned, grants }: GuardOptions): Guard {
  const thrown = new WeakMap<object, string>();
  const fail = (api: string): never => {
    const e = new Error(api);
    thrown.set(e, api);
    throw e;
  };
  const bannedNames = new Set(banned.filter((b) => !b.includes('.')));
  const bannedPaths = new Set(banned.filter((b) => b.includes('.')));
  const isBanned = (path: string, name: string) => bannedNames.has(name) || bannedPaths.has(path.replace(/^tf\./, ''));
  const full = tf as unknown as Record<string, unknown>;
  const visible = new Set<string>([...ALLOWED_TF, ...grants]);

  // 1. Kernels, on every backend that is registered.
  const engine = tf.engine() as unknown as { registryFactory: Record<string, unknown>; gradients: unknown };
  const backends = new Set([...Object.keys(engine.registryFactory), tf.getBackend()]);
  const kernelApi = new Map<string, string>();
  for (const api of bannedNames) for (const k of KERNELS_BY_API[api] ?? []) kernelApi.set(k, api);
  const fusedBanned = new Set<string>();
  for (const api of bannedNames) for (const a of FUSED_ACTIVATION_BY_API[api] ?? []) fusedBanned.add(a);
  for (const backend of backends) {
    for (const config of tf.getKernelsForBackend(backend)) {
      const api = kernelApi.get(config.kernelName);
      const original = config.kernelFunc;
      let kernelFunc: typeof original | undefined;
      if (api) kernelFunc = () => fail(`tf.${api}（底层算子 ${config.kernelName}）`);
      else if ((FUSED_ACTIVATION_KERNELS as readonly string[]).includes(config.kernelName) && fusedBanned.size > 0) {
        kernelFunc = (args) => {
          const activation = String((args.attrs as { activation?: unknown } | undefined)?.activation ?? 'linear').toLowerCase();
          if (fusedBanned.has(activation)) fail(`tf.${activation}（融合算子 ${config.kernelName} 的激活函数）`);
          return original(args);
        };
      }
      if (!kernelFunc) continue;
      tf.unregisterKernel(config.kernelName, backend);
      tf.registerKernel({ ...config, kernelFunc });
    }
  }
  // Gradient machinery outside tf.grad (optimizers, model.fit) ends in engine.gradients.
  if (GRADIENT_APIS.some((g) => bannedNames.has(g))) {
    engine.gradients = () => fail('梯度计算（tf.grad 一类的自动求导）');
  }

  // 2. Tensor methods: z.sigmoid(), x.conv2d(…) follow the namespace's rules.
  const proto = tf.Tensor.prototype as unknown as Record<string, unknown>;
  for (const name of Object.getOwnPropertyNames(proto)) {
    if (!Object.hasOwn(full, name) || typeof proto[name] !== 'function') continue;
    if (visible.has(name) && !bannedNames.has(name)) continue;
    Object.defineProperty(proto, name, {
      configurable: true,
      writable: true,
      value: function banned() {
        return fail(`tensor.${name}()`);
      },
    });
  }

  // 3. The namespace: frozen copies of what is allowed or granted; banned names throw on use.
  const copy = (source: Record<string, unknown>, path: string, names: Iterable<string>, depth: number): object => {
    const out: Record<string, unknown> = Object.create(null);
    for (const name of names) {
      if (!Object.hasOwn(source, name)) continue;
      const here = `${path}.${name}`;
      const value = source[name];
      if (isBanned(here, name)) out[name] = stub(here, value, fail);
      else if (isNamespace(value) && depth < 3) out[name] = copy(value as Record<string, unknown>, here, Object.keys(value), depth + 1);
      else out[name] = value;
    }
    out.__esModule = true;
    return Object.freeze(out);
  };
  const topNames = [...visible, ...bannedNames].filter((n) => !n.includes('.'));
  const frozen = copy(full, 'tf', new Set(topNames), 0);
  // A real tfjs name outside the allowlist fails with a message that says so, rather than
  // "tf.engine is not a function".
  const guarded = new Proxy(frozen, {
    get(target, prop, receiver) {
      if (typeof prop === 'string' && !Object.hasOwn(target, prop) && Object.hasOwn(full, prop)) return fail(`tf.${prop}（不在本练习可用的 API 中）`);
      return Reflect.get(target, prop, receiver);
    },
  });

  return { tf: guarded, bannedApiOf: (e) => (typeof e === 'object' && e !== null ? thrown.get(e) : undefined) };
}

/** A namespace is a plain object of functions (tf.layers, tf.losses …), not a class or a tensor. */
function isNamespace(value: unknown): value is object {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === null || proto === Object.prototype;
}

/** Stands in for a banned function or namespace: fails loudly when used, not when mentioned. */
function stub(name: string, value: unknown, fail: (api: string) => never): unknown {
  if (typeof value === 'function') {
    return new Proxy(function banned() {}, { apply: () => fail(name), construct: () => fail(name), get: (_t, p) => (p === 'name' ? name : fail(name)) });
  }
  const trap = () => fail(name);
  return new Proxy(Object.create(null) as object, { get: trap, has: () => true, set: trap, defineProperty: trap, deleteProperty: trap });
}
