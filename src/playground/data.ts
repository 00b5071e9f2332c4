// Data for the playground: a seeded RNG, the data sets, input features and the train/test split.
// Pure functions (no tfjs, no DOM), shared by the worker, the page and the unit tests.
// The shapes of circle, XOR, two Gaussians, spiral, plane and Gaussian regression follow
// TensorFlow Playground's src/dataset.ts (Apache-2.0), rewritten here with our own seeded RNG.
import { classCount, isRegression, LIMITS, type DatasetId, type FeatureId, type PlaygroundState } from './state';

/** Mulberry32 (the grader's RNG, src/grader/rng.ts): identical in every JS engine. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes integers into one 31-bit seed (for per-epoch shuffles and per-step dropout masks). */
export function mixSeed(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const p of parts) {
    h = Math.imul(h ^ (p >>> 0), 0x01000193) >>> 0;
    h ^= h >>> 13;
  }
  return h & 0x7fffffff;
}

/** One point: coordinates and its label (class index 0 … q−1, or the target value for regression). */
export interface Point {
  x1: number;
  x2: number;
  label: number;
}

export const NUM_CLASSIFY = 500;
export const NUM_REGRESS = 1200;

const uniform = (rand: () => number, a: number, b: number) => a + (b - a) * rand();
function normal(rand: () => number): number {
  const u = 1 - rand();
  const v = rand();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Decision functions of the function-boundary data sets: class 1 above the curve y = f(x). */
export const BOUNDARIES: Partial<Record<DatasetId, (x: number) => number>> = {
  sin: (x) => 2 * Math.sin(x),
  cubic: (x) => 2 * ((x / 2) ** 3 - x / 2),
  abs: (x) => Math.abs(x) - 2,
};

/** The points of a data set: deterministic for (dataset, seed, noise). `custom` returns the state's points. */
export function generate(s: Pick<PlaygroundState, 'dataset' | 'seed' | 'noise' | 'points'>): Point[] {
  const rand = createRandom(mixSeed(s.seed, 7919));
  const noise = s.noise / 100;
  const u = (a: number, b: number) => uniform(rand, a, b);
  const pts: Point[] = [];
  const n = isRegression(s.dataset) ? NUM_REGRESS : NUM_CLASSIFY;
  switch (s.dataset) {
    case 'circle': {
      const radius = 5;
      const label = (x: number, y: number) => (Math.hypot(x, y) < radius * 0.5 ? 1 : 0);
      for (let i = 0; i < n; i++) {
        const inside = i < n / 2;
        const r = inside ? u(0, radius * 0.5) : u(radius * 0.7, radius);
        const a = u(0, 2 * Math.PI);
        const x = r * Math.sin(a);
        const y = r * Math.cos(a);
        pts.push({ x1: x, x2: y, label: label(x + u(-radius, radius) * noise, y + u(-radius, radius) * noise) });
      }
      break;
    }
    case 'xor': {
      const pad = 0.3;
      for (let i = 0; i < n; i++) {
        let x = u(-5, 5);
        x += x > 0 ? pad : -pad;
        let y = u(-5, 5);
        y += y > 0 ? pad : -pad;
        const nx = x + u(-5, 5) * noise;
        const ny = y + u(-5, 5) * noise;
        pts.push({ x1: x, x2: y, label: nx * ny >= 0 ? 1 : 0 });
      }
      break;
    }
    case 'gauss': {
      const variance = 0.5 + (noise / 0.5) * 3.5;
      const sd = Math.sqrt(variance);
      for (let i = 0; i < n; i++) {
        const pos = i < n / 2;
        const c = pos ? 2 : -2;
        pts.push({ x1: c + sd * normal(rand), x2: c + sd * normal(rand), label: pos ? 1 : 0 });
      }
      break;
    }
    case 'spiral':
    case 'spiral3': {
      const q = classCount(s.dataset);
      const per = Math.floor(n / q);
      for (let k = 0; k < q; k++) {
        const delta = (2 * Math.PI * k) / q;
        for (let i = 0; i < per; i++) {
          const r = (i / per) * 5;
          const t = ((1.75 * i) / per) * 2 * Math.PI + delta;
          // Two classes: class 1 is the arm at angle 0, as TensorFlow Playground's positive arm.
          const label = q === 2 ? 1 - k : k;
          pts.push({ x1: r * Math.sin(t) + u(-1, 1) * noise, x2: r * Math.cos(t) + u(-1, 1) * noise, label });
        }
      }
      break;
    }
    case 'sin':
    case 'cubic':
    case 'abs': {
      const f = BOUNDARIES[s.dataset]!;
      for (let i = 0; i < n; i++) {
        const x = u(-6, 6);
        const y = u(-6, 6);
        const ny = y + u(-6, 6) * noise;
        pts.push({ x1: x, x2: y, label: ny > f(x + u(-6, 6) * noise) ? 1 : 0 });
      }
      break;
    }
    case 'plane': {
      for (let i = 0; i < n; i++) {
        const x = u(-6, 6);
        const y = u(-6, 6);
        const v = (x + u(-6, 6) * noise + y + u(-6, 6) * noise) / 10;
        pts.push({ x1: x, x2: y, label: v });
      }
      break;
    }
    case 'reg-gauss': {
      const g: [number, number, number][] = [[-4, 2.5, 1], [0, 2.5, -1], [4, 2.5, 1], [-4, -2.5, -1], [0, -2.5, 1], [4, -2.5, -1]];
      const scale = (d: number) => Math.max(0, Math.min(1, 1 - d / 2));
      for (let i = 0; i < n; i++) {
        const x = u(-6, 6);
        const y = u(-6, 6);
        const px = x + u(-6, 6) * noise;
        const py = y + u(-6, 6) * noise;
        let label = 0;
        for (const [cx, cy, sign] of g) {
          const v = sign * scale(Math.hypot(px - cx, py - cy));
          if (Math.abs(v) > Math.abs(label)) label = v;
        }
        pts.push({ x1: x, x2: y, label });
      }
      break;
    }
    case 'custom':
      for (const [x, y, c] of s.points) pts.push({ x1: x, x2: y, label: c });
      break;
  }
  return pts;
}

/**
 * Shuffles the points with the seed and splits them: the first `trainRatio` % train, the rest test
 * (TensorFlow Playground shuffles once, then splits the same way).
 */
export function split(points: readonly Point[], seed: number, trainRatio: number): { train: Point[]; test: Point[] } {
  const shuffled = points.slice();
  shuffleInPlace(shuffled, createRandom(mixSeed(seed, 104729)));
  const nTrain = Math.max(1, Math.min(shuffled.length - 1, Math.round((shuffled.length * trainRatio) / 100)));
  return { train: shuffled.slice(0, nTrain), test: shuffled.slice(nTrain) };
}

/** Fisher–Yates with the given RNG. */
export function shuffleInPlace<T>(a: T[], rand: () => number): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = a[i]!;
    a[i] = a[j]!;
    a[j] = t;
  }
}

/** Value of one input feature at (x1, x2). */
export function feature(f: FeatureId, x1: number, x2: number): number {
  switch (f) {
    case 'x1': return x1;
    case 'x2': return x2;
    case 'x1sq': return x1 * x1;
    case 'x2sq': return x2 * x2;
    case 'x1x2': return x1 * x2;
    case 'sinx1': return Math.sin(x1);
    case 'sinx2': return Math.sin(x2);
  }
}

/** The input matrix X (n × d, one sample per row) of some points, as a flat Float32Array. */
export function featureMatrix(points: readonly { x1: number; x2: number }[], features: readonly FeatureId[]): Float32Array {
  const d = features.length;
  const out = new Float32Array(points.length * d);
  points.forEach((p, i) => features.forEach((f, j) => (out[i * d + j] = feature(f, p.x1, p.x2))));
  return out;
}

/** The G×G grid over [−6, 6]² that heat maps are drawn from, row by row from the top (x2 = +6). */
export function gridPoints(g: number): { x1: number; x2: number }[] {
  const out: { x1: number; x2: number }[] = [];
  const D = LIMITS.domain;
  for (let r = 0; r < g; r++) {
    const x2 = D - ((r + 0.5) * 2 * D) / g;
    for (let c = 0; c < g; c++) out.push({ x1: -D + ((c + 0.5) * 2 * D) / g, x2 });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// CSV of 2-D points: `x1,x2,label` per line (label 0/1, or −1/+1 as in TensorFlow Playground).
// A header line is allowed. Bad rows are reported by number; good rows are kept.
// ---------------------------------------------------------------------------------------------

export interface CsvRowError {
  /** 1-based line number in the pasted text. */
  line: number;
  code: 'columns' | 'number' | 'range' | 'label' | 'too-many';
}
export interface CsvResult {
  points: [number, number, 0 | 1][];
  errors: CsvRowError[];
}

export function parseCsv(text: string): CsvResult {
  const points: [number, number, 0 | 1][] = [];
  const errors: CsvRowError[] = [];
  const lines = text.split(/\r\n|\n|\r/);
  const num = (v: string) => {
    const t = v.trim();
    if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return undefined;
    return Number(t);
  };
  lines.forEach((raw, i) => {
    const line = i + 1;
    const text = raw.trim();
    if (text === '' || text.startsWith('#')) return;
    const cells = text.split(/[,;\t]/);
    if (i === 0 && cells.some((c) => /[a-z]/i.test(c) && num(c) === undefined)) return; // header
    if (cells.length !== 3) return void errors.push({ line, code: 'columns' });
    const [x, y, l] = cells.map(num);
    if (x === undefined || y === undefined || l === undefined) return void errors.push({ line, code: 'number' });
    if (Math.abs(x) > LIMITS.domain || Math.abs(y) > LIMITS.domain) return void errors.push({ line, code: 'range' });
    const c = l === 1 ? 1 : l === 0 || l === -1 ? 0 : undefined;
    if (c === undefined) return void errors.push({ line, code: 'label' });
    if (points.length >= LIMITS.maxPoints) return void errors.push({ line, code: 'too-many' });
    points.push([x, y, c]);
  });
  return { points, errors };
}

// ---------------------------------------------------------------------------------------------
// Learning-rate schedules: η at an epoch (0-based), from the base η.
// ---------------------------------------------------------------------------------------------

export function scheduledLr(s: Pick<PlaygroundState, 'schedule' | 'scheduleGamma' | 'scheduleEvery'>, base: number, epoch: number): number {
  switch (s.schedule) {
    case 'constant':
      return base;
    case 'step':
      return base * s.scheduleGamma ** Math.floor(epoch / s.scheduleEvery);
    case 'exp':
      return base * s.scheduleGamma ** epoch;
    case 'cosine':
      return base * 0.5 * (1 + Math.cos((Math.PI * Math.min(epoch, s.scheduleEvery)) / s.scheduleEvery));
  }
}
