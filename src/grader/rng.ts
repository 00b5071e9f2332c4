import type { Rng, TF } from './types';

/**
 * Mulberry32: tiny, fast and identical in every JS engine, so a seed reproduces the same
 * inputs in the browser and the CLI. Not cryptographic (it doesn't need to be).
 */
export function createRng(tf: TF, seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  const uniform = (lo: number, hi: number): number => lo + (hi - lo) * next();
  const rng: Rng = {
    next,
    uniform,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    normal: () => {
      // Box–Muller; 1 − u keeps the log argument in (0, 1].
      const u = 1 - next();
      const v = next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    pick: (items) => {
      if (items.length === 0) throw new Error('rng.pick: empty list');
      return items[Math.floor(next() * items.length)]!;
    },
    shape: (minRank, maxRank, maxDim) => Array.from({ length: rng.int(minRank, maxRank) }, () => rng.int(1, maxDim)),
    array: (n, lo, hi) => Array.from({ length: n }, () => uniform(lo, hi)),
    tensor: (shape, lo = -1, hi = 1) => {
      const size = shape.reduce((a, b) => a * b, 1);
      return tf.tensor(rng.array(size, lo, hi), shape, 'float32');
    },
  };
  return rng;
}

/** Mixes the grading seed with a case index so that cases don't share a random stream. */
export function caseSeed(seed: number, index: number): number {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** A fresh seed for a grading run (hosts call this; the report records it for replay). */
export function randomSeed(): number {
  return Math.floor(Math.random() * 2 ** 31);
}
