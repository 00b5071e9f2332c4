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
  // A grant is a whole namespace (`layers`) or one member of it (`layers.Layer`,
  // `serialization.registerClass`): a namespace granted only by members shows only those.
  const wholeGrants = grants.filter((g) => !g.includes('.'));
  const memberGrants = new Map<string, Set<string>>();
  for (const g of grants.filter((x) => x.includes('.'))) {
    const [ns, member] = g.split('.', 2) as [string, string];
    if (!memberGrants.has(ns)) memberGrants.set(ns, new Set());
    memberGrants.get(ns)!.add(member);
  }
  const visible = new Set<string>([...ALLOWED_TF, ...wholeGrants, ...memberGrants.keys()]);

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
  //    A real tfjs name that is left out fails with a message that says so, at any depth,
  //    rather than "tf.engine is not a function" (or `undefined` one level down).
  const copy = (source: Record<string, unknown>, path: string, names: Iterable<string>, depth: number): object => {
    const out: Record<string, unknown> = Object.create(null);
    for (const name of names) {
      if (!Object.hasOwn(source, name)) continue;
      const here = `${path}.${name}`;
      const value = source[name];
      const only = depth === 0 && !wholeGrants.includes(name) && !(ALLOWED_TF as readonly string[]).includes(name) ? memberGrants.get(name) : undefined;
      if (isBanned(here, name)) out[name] = stub(here, value, fail);
      else if (isNamespace(value) && depth < 3) out[name] = copy(value as Record<string, unknown>, here, only ?? Object.keys(value), depth + 1);
      else out[name] = value;
    }
    out.__esModule = true;
    const frozen = Object.freeze(out);
    return new Proxy(frozen, {
      get(target, prop, receiver) {
        if (typeof prop === 'string' && !Object.hasOwn(target, prop) && Object.hasOwn(source, prop)) return fail(`${path}.${prop}（不在本练习可用的 API 中）`);
        return Reflect.get(target, prop, receiver);
      },
    });
  };
  const topNames = [...visible, ...bannedNames];
  const guarded = copy(full, 'tf', new Set(topNames), 0);

  // 4. tfjs's class registry: a name a learner can hand to fromConfig/deserialize (a wrapper's
  //    nested layer, a model's config) must not bring back a layer the namespace doesn't show,
  //    or anything banned by name. Classes the learner registers themselves stay reachable.
  const visibleLayers = new Set<string>();
  const layersNs = (full.layers ?? {}) as Record<string, unknown>;
  const shownLayers = visible.has('layers') && !bannedNames.has('layers') ? (wholeGrants.includes('layers') ? Object.keys(layersNs) : [...(memberGrants.get('layers') ?? [])]) : [];
  for (const name of shownLayers) if (!isBanned(`tf.layers.${name}`, name)) visibleLayers.add(registryKey(name));
  for (const model of ['sequential', 'model'] as const) if (visible.has(model) && !bannedNames.has(model)) visibleLayers.add(model === 'sequential' ? 'sequential' : 'model').add('functional');
  guardRegistry(tf, bannedNames, bannedPaths, visibleLayers, fail);

  return { tf: guarded, bannedApiOf: (e) => (typeof e === 'object' && e !== null ? thrown.get(e) : undefined) };
}

/** Namespaces whose members tfjs also registers as classes by name (deserialisable). */
const REGISTRY_NAMESPACES = ['layers', 'initializers', 'regularizers', 'constraints'] as const;

/** The registered class name of a factory: `dense` → Dense, `maxPool2d` → MaxPooling2D. */
function registryKey(factory: string): string {
  return factory
    .toLowerCase()
    .replace(/^avgpool(ing)?/, 'averagepooling')
    .replace(/^globalavgpool(ing)?/, 'globalaveragepooling')
    .replace(/pool(\d)d$/, 'pooling$1d')
    .replace(/^input$/, 'inputlayer');
}

const originalMaps = new WeakMap<object, Record<string, unknown>>();

function guardRegistry(tf: TF, bannedNames: ReadonlySet<string>, bannedPaths: ReadonlySet<string>, visibleLayers: ReadonlySet<string>, fail: (api: string) => never): void {
  const blocked = new Map<string, string>(); // lower-case class name → the API it stands for
  const full = tf as unknown as Record<string, Record<string, unknown>>;
  for (const ns of REGISTRY_NAMESPACES) {
    const members = full[ns];
    if (!members) continue;
    for (const name of Object.keys(members)) {
      if (typeof members[name] !== 'function') continue;
      const api = bannedNames.has(ns) ? ns : bannedNames.has(name) ? name : bannedPaths.has(`${ns}.${name}`) ? `${ns}.${name}` : undefined;
      if (api) blocked.set(registryKey(name), `tf.${api}`);
    }
  }
  const serialization = (tf as unknown as { serialization: { SerializationMap: { getMap(): { classNameMap: Record<string, unknown> } } } }).serialization;
  const registry = serialization.SerializationMap.getMap();
  // Always wrap the map tfjs made, never a proxy an earlier guard in this realm installed.
  const original = originalMaps.get(registry) ?? registry.classNameMap;
  originalMaps.set(registry, original);
  // Every registered layer (and model) class the namespace doesn't show is out of reach by name.
  const LayerBase = (tf.layers as unknown as { Layer: new (...a: never[]) => unknown }).Layer;
  for (const [key, entry] of Object.entries(original)) {
    const cls = Array.isArray(entry) ? entry[0] : undefined;
    if (typeof cls !== 'function' || !(cls.prototype instanceof LayerBase)) continue;
    if (!visibleLayers.has(key.toLowerCase()) && !blocked.has(key.toLowerCase())) blocked.set(key.toLowerCase(), `tf.layers 里的 ${key}（本练习没有开放）`);
  }
  if (blocked.size === 0) {
    registry.classNameMap = original;
    return;
  }
  const byLearner = new Set<string>();
  registry.classNameMap = new Proxy(original, {
    get(target, prop, receiver) {
      if (typeof prop === 'string' && !byLearner.has(prop)) {
        const api = blocked.get(prop.toLowerCase());
        if (api) fail(`${api}（按类名 ${prop} 从注册表取得）`);
      }
      return Reflect.get(target, prop, receiver);
    },
    set(target, prop, value) {
      if (typeof prop === 'string') byLearner.add(prop);
      return Reflect.set(target, prop, value);
    },
  });
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
