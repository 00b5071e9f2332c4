import { ALLOWED_TF, FUSED_ACTIVATION_BY_API, FUSED_ACTIVATION_KERNELS, GRADIENT_APIS, KERNELS_BY_API } from './allowlist';
import type { TF } from '../grader/types';
import { LAYERS_EXPORTS } from './flavour';

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

/** What the guard enforces for the job that runs now (one job at a time per realm). */
interface Policy {
  fail(api: string): never;
  kernelApi: ReadonlyMap<string, string>;
  fusedBanned: ReadonlySet<string>;
  gradientsBanned: boolean;
  /** Tensor methods whose namesake in tf is hidden or banned. */
  blockedMethods: ReadonlySet<string>;
  /** Registry class names (lower case) that are out of reach, with the API each stands for. */
  blockedClasses: ReadonlyMap<string, string>;
  /** Class names the current job registered itself (registerClass). */
  byLearner: Set<string>;
}

const OPEN: Policy = {
  fail: (api) => {
    throw new Error(api);
  },
  kernelApi: new Map(),
  fusedBanned: new Set(),
  gradientsBanned: false,
  blockedMethods: new Set(),
  blockedClasses: new Map(),
  byLearner: new Set(),
};

export interface GuardHost {
  /** Sets the bans for the job about to run and returns its guarded tf. */
  forJob(options: GuardOptions): Guard;
  /** Ends the current job's policy: no bans, the registry as tfjs made it. */
  endJob(): void;
}

const hosts = new WeakMap<object, GuardHost>();

/**
 * Installs the guard in a learner realm once, before any learner code runs: every kernel on
 * every registered backend, every tensor method with a namesake in tf, engine.gradients and
 * tfjs's class registry get a wrapper that asks the current job's policy. A job then only sets
 * its policy (forJob) and gets fresh frozen copies of the namespace, so a realm can run several
 * jobs one after another, and the prototypes the wrappers live on can be frozen (run-job.ts).
 * Four layers: the namespace is an allowlist (frozen copies, so learner code can't add to it);
 * banned tensor methods throw; banned kernels throw on every registered backend, which also
 * covers composite ops, layers and fused kernels; banned classes can't be fetched by name.
 */
export function installGuard(tf: TF): GuardHost {
  const existing = hosts.get(tf);
  if (existing) return existing;
  let policy: Policy = OPEN;
  const full = tf as unknown as Record<string, unknown>;
  // What the learner's namespace is copied from: in a `core` realm (./flavour.ts), with a
  // stand-in of the same kind for each tfjs-layers name it lacks. Stand-ins are never shown
  // (a job that could reach tfjs-layers runs in a `full` realm); they only make banning or
  // touching such a name fail exactly as it does there.
  const source: Record<string, unknown> = { ...standIns(full), ...full };

  // 1. Kernels, on every backend that is registered.
  const engine = tf.engine() as unknown as { registryFactory: Record<string, unknown>; gradients: (...a: unknown[]) => unknown };
  const backends = new Set([...Object.keys(engine.registryFactory), tf.getBackend()]);
  const fusedKernels = new Set<string>(FUSED_ACTIVATION_KERNELS);
  for (const backend of backends) {
    for (const config of tf.getKernelsForBackend(backend)) {
      const original = config.kernelFunc;
      const name = config.kernelName;
      const kernelFunc: typeof original = (args) => {
        const api = policy.kernelApi.get(name);
        if (api) policy.fail(`tf.${api}（底层算子 ${name}）`);
        if (fusedKernels.has(name) && policy.fusedBanned.size > 0) {
          const activation = String((args.attrs as { activation?: unknown } | undefined)?.activation ?? 'linear').toLowerCase();
          if (policy.fusedBanned.has(activation)) policy.fail(`tf.${activation}（融合算子 ${name} 的激活函数）`);
        }
        return original(args);
      };
      tf.unregisterKernel(name, backend);
      tf.registerKernel({ ...config, kernelFunc });
    }
  }
  // Gradient machinery outside tf.grad (optimizers, model.fit) ends in engine.gradients.
  const gradients = engine.gradients;
  engine.gradients = function (this: unknown, ...a: unknown[]) {
    if (policy.gradientsBanned) policy.fail('梯度计算（tf.grad 一类的自动求导）');
    return Reflect.apply(gradients, this, a);
  };

  // 2. Tensor methods: z.sigmoid(), x.conv2d(…) follow the namespace's rules.
  const proto = tf.Tensor.prototype as unknown as Record<string, unknown>;
  for (const name of Object.getOwnPropertyNames(proto)) {
    if (!Object.hasOwn(full, name)) continue;
    const d = Object.getOwnPropertyDescriptor(proto, name);
    const original = d && 'value' in d ? d.value : undefined;
    if (typeof original !== 'function') continue;
    Object.defineProperty(proto, name, {
      configurable: true,
      writable: true,
      value: function (this: unknown, ...a: unknown[]) {
        if (policy.blockedMethods.has(name)) return policy.fail(`tensor.${name}()`);
        return Reflect.apply(original as (...x: unknown[]) => unknown, this, a);
      },
    });
  }

  // 3. tfjs's class registry: a name a learner can hand to fromConfig/deserialize (a wrapper's
  //    nested layer, a model's config) must not bring back a layer the namespace doesn't show,
  //    or anything banned by name. Classes the learner registers themselves stay reachable, for
  //    that job only: every job starts from the registry as tfjs made it.
  const registry = (tf as unknown as { serialization: { SerializationMap: { getMap(): { classNameMap: Record<string, unknown> } } } }).serialization.SerializationMap.getMap();
  const original = registry.classNameMap;
  const snapshot = new Map(Object.entries(original));
  registry.classNameMap = new Proxy(original, {
    get(target, prop, receiver) {
      if (typeof prop === 'string' && !policy.byLearner.has(prop)) {
        const api = policy.blockedClasses.get(prop.toLowerCase());
        if (api) policy.fail(`${api}（按类名 ${prop} 从注册表取得）`);
      }
      return Reflect.get(target, prop, receiver);
    },
    set(target, prop, value) {
      if (typeof prop === 'string') policy.byLearner.add(prop);
      return Reflect.set(target, prop, value);
    },
  });
  const restoreRegistry = () => {
    for (const key of Object.keys(original)) if (!snapshot.has(key)) delete original[key];
    for (const [key, value] of snapshot) original[key] = value;
  };
  // A `core` realm (./flavour.ts) has no tfjs-layers: then no registered class is a layer.
  const LayerBase = (tf.layers as unknown as { Layer: new (...a: never[]) => unknown } | undefined)?.Layer;
  const layerClasses = [...snapshot].flatMap(([key, entry]) => {
    const cls = Array.isArray(entry) ? entry[0] : undefined;
    return LayerBase && typeof cls === 'function' && cls.prototype instanceof LayerBase ? [key] : [];
  });

  const host: GuardHost = {
    forJob({ banned, grants }) {
      restoreRegistry();
      const thrown = new WeakMap<object, string>();
      const fail = (api: string): never => {
        const e = new Error(api);
        thrown.set(e, api);
        throw e;
      };
      const bannedNames = new Set(banned.filter((b) => !b.includes('.')));
      const bannedPaths = new Set(banned.filter((b) => b.includes('.')));
      const isBanned = (path: string, name: string) => bannedNames.has(name) || bannedPaths.has(path.replace(/^tf\./, ''));
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

      const kernelApi = new Map<string, string>();
      for (const api of bannedNames) for (const k of KERNELS_BY_API[api] ?? []) kernelApi.set(k, api);
      const fusedBanned = new Set<string>();
      for (const api of bannedNames) for (const a of FUSED_ACTIVATION_BY_API[api] ?? []) fusedBanned.add(a);
      const blockedMethods = new Set<string>();
      for (const name of Object.getOwnPropertyNames(proto)) {
        if (Object.hasOwn(full, name) && !(visible.has(name) && !bannedNames.has(name))) blockedMethods.add(name);
      }

      // The namespace: frozen copies of what is allowed or granted; banned names throw on use.
      // A real tfjs name that is left out fails with a message that says so, at any depth,
      // rather than "tf.engine is not a function" (or `undefined` one level down).
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
      const guarded = copy(source, 'tf', new Set([...visible, ...bannedNames]), 0);

      // Registry: the layer (and model) classes the namespace doesn't show, and banned names.
      const visibleLayers = new Set<string>();
      const layersNs = (full.layers ?? {}) as Record<string, unknown>;
      const shownLayers = visible.has('layers') && !bannedNames.has('layers') ? (wholeGrants.includes('layers') ? Object.keys(layersNs) : [...(memberGrants.get('layers') ?? [])]) : [];
      for (const name of shownLayers) if (!isBanned(`tf.layers.${name}`, name)) visibleLayers.add(registryKey(name));
      for (const model of ['sequential', 'model'] as const) if (visible.has(model) && !bannedNames.has(model)) visibleLayers.add(model).add('functional');
      const blockedClasses = new Map<string, string>();
      for (const ns of REGISTRY_NAMESPACES) {
        const members = full[ns] as Record<string, unknown> | undefined;
        if (!members) continue;
        for (const name of Object.keys(members)) {
          if (typeof members[name] !== 'function') continue;
          const api = bannedNames.has(ns) ? ns : bannedNames.has(name) ? name : bannedPaths.has(`${ns}.${name}`) ? `${ns}.${name}` : undefined;
          if (api) blockedClasses.set(registryKey(name), `tf.${api}`);
        }
      }
      for (const key of layerClasses) {
        if (!visibleLayers.has(key.toLowerCase()) && !blockedClasses.has(key.toLowerCase())) blockedClasses.set(key.toLowerCase(), `tf.layers 里的 ${key}（本练习没有开放）`);
      }

      policy = {
        fail,
        kernelApi,
        fusedBanned,
        gradientsBanned: GRADIENT_APIS.some((g) => bannedNames.has(g)),
        blockedMethods,
        blockedClasses,
        byLearner: new Set(),
      };
      return { tf: guarded, bannedApiOf: (e) => (typeof e === 'object' && e !== null ? thrown.get(e) : undefined) };
    },
    endJob() {
      policy = OPEN;
      restoreRegistry();
    },
  };
  hosts.set(tf, host);
  return host;
}

/** One job's guarded tf (installs the guard in this realm the first time). */
export function createGuard(tf: TF, options: GuardOptions): Guard {
  return installGuard(tf).forJob(options);
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

/** Stand-ins for the tfjs-layers names a `core` realm's tf lacks (see installGuard). */
function standIns(tf: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, kind] of Object.entries(LAYERS_EXPORTS)) {
    if (Object.hasOwn(tf, name)) continue;
    out[name] = kind === 'function' ? function standIn() {} : kind === 'namespace' ? Object.freeze({}) : '';
  }
  return out;
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
