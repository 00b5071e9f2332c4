// The training playground's whole state: one zod schema (JSDoc on every field), its defaults,
// and the URL-hash codec. A preset is just a hash; a teacher hides controls with `<control>_hide`.
// Learned from TensorFlow Playground's src/state.ts (Apache-2.0): the hash holds every setting as
// `key=value&…`, hidden controls as `<control>_hide=true`. The code here is our own.
import { z } from 'zod';

/** Datasets. Classification: the first 9; regression: the last 2. */
export const CLASSIFY_DATASETS = ['circle', 'xor', 'gauss', 'spiral', 'spiral3', 'sin', 'cubic', 'abs', 'custom'] as const;
export const REGRESS_DATASETS = ['plane', 'reg-gauss'] as const;
export const DATASETS = [...CLASSIFY_DATASETS, ...REGRESS_DATASETS] as const;
export type DatasetId = (typeof DATASETS)[number];

/** Input features, in the order of the input layer (TensorFlow Playground's seven). */
export const FEATURES = ['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sinx1', 'sinx2'] as const;
export type FeatureId = (typeof FEATURES)[number];

export const ACTIVATIONS = ['relu', 'tanh', 'sigmoid', 'linear'] as const;
export const INITS = ['zeros', 'uniform', 'glorot', 'he'] as const;
export const OPTIMIZERS = ['sgd', 'momentum', 'nesterov', 'rmsprop', 'adam'] as const;
export const SCHEDULES = ['constant', 'step', 'exp', 'cosine'] as const;
export const REGULARIZERS = ['none', 'l1', 'l2'] as const;
export const LOSSES = ['mse', 'ce'] as const;
export type Activation = (typeof ACTIVATIONS)[number];
export type Init = (typeof INITS)[number];
export type OptimizerId = (typeof OPTIMIZERS)[number];
export type ScheduleId = (typeof SCHEDULES)[number];

/** TensorFlow Playground's learning rates (its index.html menu); any value in range works too. */
export const LEARNING_RATES = [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10] as const;
export const REG_RATES = [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10] as const;

export const LIMITS = {
  maxLayers: 6,
  maxUnits: 8,
  maxPoints: 1000,
  maxHashChars: 40_000,
  /** Coordinates of every point lie in [−domain, domain]² (TensorFlow Playground's xDomain). */
  domain: 6,
} as const;

/** Controls a teacher (or an embed) can hide; each is `<name>_hide=true` in the hash. */
export const HIDABLE = [
  'dataset', 'noise', 'trainRatio', 'batchSize', 'regenerate', 'addPoints', 'csv', 'features', 'network', 'layerSettings',
  'activation', 'learningRate', 'schedule', 'optimizer', 'compare', 'mine', 'regularization', 'regRate', 'loss',
  'showTest', 'discretize', 'stop', 'diagnostics', 'trace', 'export', 'presets',
] as const;
export type Hidable = (typeof HIDABLE)[number];

/** One hidden layer. */
export const layerSchema = z
  .object({
    /** Number of neurons h_l, 1–8. */
    units: z.number().int().min(1).max(LIMITS.maxUnits),
    /** Activation φ of this layer. */
    activation: z.enum(ACTIVATIONS),
    /** How this layer's weights start: zeros, U(−0.5, 0.5), Glorot (uniform) or He (normal). */
    init: z.enum(INITS),
    /** Dropout rate p (probability of dropping a unit while training), 0–0.9. */
    dropout: z.number().min(0).max(0.9),
    /** Batch normalisation of this layer's pre-activations. */
    batchNorm: z.boolean(),
    /** Residual connection H = φ(Z) + H_prev (only when the previous width is the same). */
    residual: z.boolean(),
  })
  .strict();
export type LayerSettings = z.infer<typeof layerSchema>;

/** One point added by hand or pasted as CSV: coordinates and class (0 or 1). */
export const pointSchema = z.tuple([z.number().min(-LIMITS.domain).max(LIMITS.domain), z.number().min(-LIMITS.domain).max(LIMITS.domain), z.union([z.literal(0), z.literal(1)])]);
export type CustomPoint = z.infer<typeof pointSchema>;

export const playgroundStateSchema = z
  .object({
    /** Which data set. `custom` uses `points`. */
    dataset: z.enum(DATASETS),
    /** Seed of the data, the split, the weights' start and the shuffling. */
    seed: z.number().int().min(0).max(2 ** 31 - 1),
    /** Noise, 0–50 (percent, as TensorFlow Playground). */
    noise: z.number().int().min(0).max(50),
    /** Share of the data used for training, 10–90 %. */
    trainRatio: z.number().int().min(10).max(90),
    /** Mini-batch size n, 1–30. */
    batchSize: z.number().int().min(1).max(30),
    /** Input features fed to the first layer (at least one). */
    features: z.array(z.enum(FEATURES)).min(1).max(FEATURES.length),
    /** Hidden layers, 0–6. */
    layers: z.array(layerSchema).max(LIMITS.maxLayers),
    /** Learning rate η. */
    learningRate: z.number().min(1e-6).max(10),
    /** Learning-rate schedule over epochs. */
    schedule: z.enum(SCHEDULES),
    /** Step/exponential decay factor γ (step: ×γ every `scheduleEvery` epochs; exp: ×γ each epoch). */
    scheduleGamma: z.number().min(0.01).max(1),
    /** Step decay period in epochs; for cosine, the number of epochs T to decay over. */
    scheduleEvery: z.number().int().min(1).max(10_000),
    /** Optimizer (tf.train semantics). */
    optimizer: z.enum(OPTIMIZERS),
    /** Momentum coefficient μ of momentum and Nesterov (RMSProp runs with tf.train's momentum 0). */
    momentum: z.number().min(0).max(0.999),
    /** Adam's β₁. */
    beta1: z.number().min(0).max(0.999),
    /** Adam's β₂. */
    beta2: z.number().min(0).max(0.99999),
    /** RMSProp's decay ρ. */
    rho: z.number().min(0).max(0.999),
    /** ε of Adam and RMSProp (tf.train's default on float32 backends is 1e-7). */
    epsilon: z.number().min(1e-10).max(1),
    /** A second optimizer trained side by side on the same data, seed and start ('none' = off). */
    compare: z.enum(['none', ...OPTIMIZERS]),
    /** The second optimizer's learning rate. */
    compareLr: z.number().min(1e-6).max(10),
    /** 用我的实现: momentum/Nesterov or Adam run the learner's passing exercise code. */
    mine: z.boolean(),
    /** Weight penalty: none, L1 (λΣ|w|) or L2 (λ·½Σw²), on weights only (not biases). */
    regularization: z.enum(REGULARIZERS),
    /** Penalty strength λ. */
    regRate: z.number().min(0).max(10),
    /** Loss: mean squared error or cross-entropy (classification only). */
    loss: z.enum(LOSSES),
    /** Show the test points on the heat map. */
    showTest: z.boolean(),
    /** Draw the output map as classes instead of a gradient. */
    discretize: z.boolean(),
    /** Stop after this many epochs (0 = no budget). */
    stopEpochs: z.number().int().min(0).max(100_000),
    /** Stop when the training loss falls below this (0 = no target). */
    stopLoss: z.number().min(0).max(10),
    /** Points of the `custom` data set (click to add, or CSV). */
    points: z.array(pointSchema).max(LIMITS.maxPoints),
    /** Controls that are hidden (a teacher's pre-set lesson, or an embed). */
    hide: z.array(z.enum(HIDABLE)),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.dataset === 'custom' && s.points.length < 2) ctx.addIssue({ code: 'custom', path: ['points'], message: 'custom needs ≥ 2 points' });
    if (isRegression(s.dataset) && s.loss === 'ce') ctx.addIssue({ code: 'custom', path: ['loss'], message: 'regression has no cross-entropy' });
  });
export type PlaygroundState = z.infer<typeof playgroundStateSchema>;

export const isRegression = (d: DatasetId): boolean => (REGRESS_DATASETS as readonly string[]).includes(d);
/** Number of classes q (1 output for regression and for two classes). */
export const classCount = (d: DatasetId): number => (d === 'spiral3' ? 3 : isRegression(d) ? 1 : 2);
/** Width of the output layer. */
export const outputUnits = (d: DatasetId): number => (classCount(d) >= 3 ? classCount(d) : 1);

export const defaultLayer = (units = 4): LayerSettings => ({ units, activation: 'tanh', init: 'uniform', dropout: 0, batchNorm: false, residual: false });

/** TensorFlow Playground's default setup (circle, X₁ X₂, layers 4-2, tanh, η = 0.03, batch 10), with SGD. */
export const DEFAULT_STATE: PlaygroundState = Object.freeze({
  dataset: 'circle',
  seed: 1,
  noise: 0,
  trainRatio: 50,
  batchSize: 10,
  features: ['x1', 'x2'],
  layers: [defaultLayer(4), defaultLayer(2)],
  learningRate: 0.03,
  schedule: 'constant',
  scheduleGamma: 0.5,
  scheduleEvery: 100,
  optimizer: 'sgd',
  momentum: 0.9,
  beta1: 0.9,
  beta2: 0.999,
  rho: 0.9,
  epsilon: 1e-7,
  compare: 'none',
  compareLr: 0.03,
  mine: false,
  regularization: 'none',
  regRate: 0,
  loss: 'mse',
  showTest: false,
  discretize: false,
  stopEpochs: 0,
  stopLoss: 0,
  points: [],
  hide: [],
}) as PlaygroundState;

export const cloneState = (s: PlaygroundState): PlaygroundState => JSON.parse(JSON.stringify(s)) as PlaygroundState;

// ---------------------------------------------------------------------------------------------
// URL hash codec. Scalars are `key=value`; per-layer settings are comma lists (`layers=4,2`,
// `act=tanh,relu`, …); points are `x:y:c` joined by `;`; hidden controls are `<name>_hide=true`.
// Keys that equal the default are left out, so a preset's URL says only what it changes.
// ---------------------------------------------------------------------------------------------

type Scalar = Exclude<keyof PlaygroundState, 'layers' | 'features' | 'points' | 'hide'>;
const NUMBER_KEYS = ['seed', 'noise', 'trainRatio', 'batchSize', 'learningRate', 'scheduleGamma', 'scheduleEvery', 'momentum', 'beta1', 'beta2', 'rho', 'epsilon', 'compareLr', 'regRate', 'stopEpochs', 'stopLoss'] as const satisfies readonly Scalar[];
const BOOL_KEYS = ['mine', 'showTest', 'discretize'] as const satisfies readonly Scalar[];
const ENUM_KEYS = ['dataset', 'schedule', 'optimizer', 'compare', 'regularization', 'loss'] as const satisfies readonly Scalar[];
const LAYER_KEYS = { act: 'activation', init: 'init', dropout: 'dropout', bn: 'batchNorm', res: 'residual' } as const;

/** Why a hash was refused: a machine code plus the offending key, for the page to word in Chinese. */
export interface HashProblem {
  code: 'too-long' | 'bad-syntax' | 'unknown-key' | 'duplicate-key' | 'bad-value' | 'invalid';
  key?: string;
}
export type DecodeResult = { ok: true; state: PlaygroundState; empty: boolean } | { ok: false; state: PlaygroundState; problem: HashProblem };

const fmt = (x: number): string => String(x);

/** The state as a hash (without '#'), default values left out. */
export function encodeState(s: PlaygroundState): string {
  const d = DEFAULT_STATE;
  const out: string[] = [];
  const put = (k: string, v: string) => out.push(`${k}=${encodeURIComponent(v)}`);
  for (const k of ENUM_KEYS) if (s[k] !== d[k]) put(k, s[k]);
  for (const k of NUMBER_KEYS) if (s[k] !== d[k]) put(k, fmt(s[k]));
  for (const k of BOOL_KEYS) if (s[k] !== d[k]) put(k, s[k] ? '1' : '0');
  if (s.features.join(',') !== d.features.join(',')) put('features', s.features.join(','));
  const layers = s.layers.map((l) => String(l.units)).join(',');
  if (JSON.stringify(s.layers) !== JSON.stringify(d.layers)) {
    put('layers', layers === '' ? 'none' : layers);
    if (s.layers.length > 0) {
      for (const [short, field] of Object.entries(LAYER_KEYS)) {
        const vals = s.layers.map((l) => {
          const v = l[field];
          return typeof v === 'boolean' ? (v ? '1' : '0') : String(v);
        });
        const dflt = defaultLayer()[field];
        if (vals.some((v) => v !== (typeof dflt === 'boolean' ? (dflt ? '1' : '0') : String(dflt)))) put(short, vals.join(','));
      }
    }
  }
  if (s.points.length > 0) put('points', s.points.map(([x, y, c]) => `${fmt(round3(x))}:${fmt(round3(y))}:${c}`).join(';'));
  for (const h of s.hide) out.push(`${h}_hide=true`);
  return out.join('&');
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** A strict decimal number (no hex, no Infinity, no whitespace, no empty string). */
function parseNumber(v: string): number | undefined {
  if (!/^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(v)) return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}
function parseBool(v: string): boolean | undefined {
  return v === '1' || v === 'true' ? true : v === '0' || v === 'false' ? false : undefined;
}

/**
 * Reads a hash (with or without '#'). Anything wrong — too long, bad syntax, an unknown or
 * repeated key, a value out of range — refuses the whole hash: the result is the default setup
 * and the reason. Never throws.
 */
export function decodeState(hash: string): DecodeResult {
  const raw = hash.replace(/^#/, '');
  const base = cloneState(DEFAULT_STATE);
  if (raw.trim() === '') return { ok: true, state: base, empty: true };
  const fail = (problem: HashProblem): DecodeResult => ({ ok: false, state: cloneState(DEFAULT_STATE), problem });
  if (raw.length > LIMITS.maxHashChars) return fail({ code: 'too-long' });
  const entries = new Map<string, string>();
  for (const part of raw.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    if (eq <= 0) return fail({ code: 'bad-syntax', key: part.slice(0, 40) });
    let key: string;
    let value: string;
    try {
      key = decodeURIComponent(part.slice(0, eq));
      value = decodeURIComponent(part.slice(eq + 1));
    } catch {
      return fail({ code: 'bad-syntax', key: part.slice(0, 40) });
    }
    if (entries.has(key)) return fail({ code: 'duplicate-key', key: key.slice(0, 40) });
    entries.set(key, value);
  }
  const draft: Record<string, unknown> = { ...base };
  const layerLists: Partial<Record<keyof typeof LAYER_KEYS, string[]>> = {};
  let units: number[] | undefined;
  for (const [key, value] of entries) {
    const bad = (): DecodeResult => fail({ code: 'bad-value', key: key.slice(0, 40) });
    if ((NUMBER_KEYS as readonly string[]).includes(key)) {
      const n = parseNumber(value);
      if (n === undefined) return bad();
      draft[key] = n;
    } else if ((BOOL_KEYS as readonly string[]).includes(key)) {
      const b = parseBool(value);
      if (b === undefined) return bad();
      draft[key] = b;
    } else if ((ENUM_KEYS as readonly string[]).includes(key)) {
      draft[key] = value;
    } else if (key === 'features') {
      draft['features'] = value === '' ? [] : value.split(',');
    } else if (key === 'layers') {
      if (value === 'none') units = [];
      else {
        const list = value.split(',').map(parseNumber);
        if (list.length > LIMITS.maxLayers || list.some((n) => n === undefined)) return bad();
        units = list as number[];
      }
    } else if (Object.hasOwn(LAYER_KEYS, key)) {
      layerLists[key as keyof typeof LAYER_KEYS] = value.split(',');
    } else if (key === 'points') {
      const pts: unknown[] = [];
      const parts = value === '' ? [] : value.split(';');
      if (parts.length > LIMITS.maxPoints) return bad();
      for (const p of parts) {
        const xs = p.split(':');
        if (xs.length !== 3) return bad();
        const [x, y, c] = xs.map(parseNumber);
        if (x === undefined || y === undefined || c === undefined) return bad();
        pts.push([x, y, c]);
      }
      draft['points'] = pts;
    } else if (key.endsWith('_hide')) {
      const name = key.slice(0, -'_hide'.length);
      if (!(HIDABLE as readonly string[]).includes(name)) return fail({ code: 'unknown-key', key: key.slice(0, 40) });
      if (value !== 'true') return bad();
      (draft['hide'] as string[]) = [...(draft['hide'] as string[]), name];
    } else {
      return fail({ code: 'unknown-key', key: key.slice(0, 40) });
    }
  }
  if (units !== undefined || Object.keys(layerLists).length > 0) {
    const n = units?.length ?? base.layers.length;
    const layers: Record<string, unknown>[] = [];
    for (let i = 0; i < n; i++) layers.push({ ...defaultLayer(units?.[i] ?? base.layers[i]!.units) });
    for (const [short, field] of Object.entries(LAYER_KEYS) as [keyof typeof LAYER_KEYS, (typeof LAYER_KEYS)[keyof typeof LAYER_KEYS]][]) {
      const list = layerLists[short];
      if (!list) continue;
      if (list.length !== n) return fail({ code: 'bad-value', key: short });
      for (let i = 0; i < n; i++) {
        const v = list[i]!;
        if (field === 'dropout') {
          const x = parseNumber(v);
          if (x === undefined) return fail({ code: 'bad-value', key: short });
          layers[i]![field] = x;
        } else if (field === 'batchNorm' || field === 'residual') {
          const b = parseBool(v);
          if (b === undefined) return fail({ code: 'bad-value', key: short });
          layers[i]![field] = b;
        } else layers[i]![field] = v;
      }
    }
    draft['layers'] = layers;
  }
  const parsed = playgroundStateSchema.safeParse(draft);
  if (!parsed.success) {
    const path = parsed.error.issues[0]?.path[0];
    return fail({ code: 'invalid', key: typeof path === 'string' ? path : String(path ?? '') });
  }
  // Duplicates in list fields are refused too (a feature or a hidden control named twice).
  if (new Set(parsed.data.features).size !== parsed.data.features.length) return fail({ code: 'invalid', key: 'features' });
  if (new Set(parsed.data.hide).size !== parsed.data.hide.length) return fail({ code: 'invalid', key: 'hide' });
  return { ok: true, state: parsed.data, empty: false };
}

/**
 * The state an embed shows: its preset, with every control outside `visible` hidden. `visible`
 * is the `controls` prop, a comma list of HIDABLE names ('all' or empty: hide nothing new).
 */
export function applyVisibleControls(s: PlaygroundState, visible: string | undefined): PlaygroundState {
  if (visible === undefined || visible.trim() === '' || visible.trim() === 'all') return s;
  const keep = new Set(visible.split(',').map((x) => x.trim()));
  return { ...s, hide: HIDABLE.filter((h) => !keep.has(h) || s.hide.includes(h)) };
}
