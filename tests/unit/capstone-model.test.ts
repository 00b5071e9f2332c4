/**
 * Chapter 12's model path, in Node on tfjs's CPU backend: train.keep's serialiser (the realm side,
 * src/sandbox/cell-keep.ts) turns tfjs models into plain data that checkKeptModel accepts; the
 * page's JS inference (src/capstone/forward.ts) agrees with tfjs's own layers on those models;
 * broken, oversized and other-version records are refused with a reason; the drawing pad's
 * preprocessing (src/capstone/preprocess.ts) does what MNIST did; and the learner realm reports
 * network and storage globals plainly (src/sandbox/run-job.ts).
 */
import * as tf from '@tensorflow/tfjs';
import { readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TF } from '../../src/grader/types';
import { forward, probabilities } from '../../src/capstone/forward';
import { checkKeptModel, keptModelSchema, KeptModelError, type KeptModel } from '../../src/capstone/model-format';
import { readRecord } from '../../src/capstone/model-store';
import { modelInput, prepareDigit } from '../../src/capstone/preprocess';
import { createKeep } from '../../src/sandbox/cell-keep';
import type { CellEvent } from '../../src/sandbox/cell-protocol';
import { decodeDataset } from '../../src/sandbox/cell-data';
import { createTensorReader } from '../../src/sandbox/tensors';
import { createTestGrader } from '../support/node-grader';

const reader = (() => {
  let r: ReturnType<typeof createTensorReader> | undefined;
  return () => (r ??= createTensorReader(tf as unknown as TF));
})();

beforeAll(async () => {
  tf.env().set('PROD', true);
  await tf.setBackend('cpu');
  reader();
});

/** Keeps `model` through the realm's serialiser and returns what the page would receive. */
function keep(model: tf.LayersModel, options?: object): KeptModel {
  const events: CellEvent[] = [];
  createKeep(reader(), (e) => events.push(e))('test-model', model, options);
  const e = events[0];
  if (e?.type !== 'keep') throw new Error('no keep event');
  return keptModelSchema.parse(e.model);
}

const seeded = (seed: number) => tf.initializers.randomNormal({ mean: 0, stddev: 0.3, seed });

describe('train.keep → plain data → JS inference', () => {
  const models: [string, () => tf.Sequential, number[]][] = [
    ['dense 784 → 32 relu → 10', () => tf.sequential({ layers: [tf.layers.dense({ inputShape: [784], units: 32, activation: 'relu', kernelInitializer: seeded(1), biasInitializer: seeded(2) }), tf.layers.dropout({ rate: 0.5 }), tf.layers.dense({ units: 10, kernelInitializer: seeded(3), biasInitializer: seeded(4) })] }), [784]],
    ['conv valid + max pool + flatten + dense', () => tf.sequential({ layers: [
      tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 4, kernelSize: 3, activation: 'relu', kernelInitializer: seeded(5), biasInitializer: seeded(6) }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.flatten(),
      tf.layers.dense({ units: 10, activation: 'softmax', kernelInitializer: seeded(7) }),
    ] }), [28, 28, 1]],
    ['conv same, stride 2, 5×3 kernel, avg pool same, tanh and sigmoid', () => tf.sequential({ layers: [
      tf.layers.reshape({ inputShape: [784], targetShape: [28, 28, 1] }),
      tf.layers.conv2d({ filters: 3, kernelSize: [5, 3], strides: 2, padding: 'same', activation: 'tanh', kernelInitializer: seeded(8), biasInitializer: seeded(9) }),
      tf.layers.averagePooling2d({ poolSize: 3, strides: 2, padding: 'same' }),
      tf.layers.conv2d({ filters: 2, kernelSize: 2, useBias: false, activation: 'sigmoid', kernelInitializer: seeded(10) }),
      tf.layers.flatten(),
      tf.layers.dense({ units: 10, kernelInitializer: seeded(11) }),
    ] }), [784]],
  ];

  it.each(models)('%s: same outputs as model.predict', (_name, make, inputShape) => {
    const model = make();
    const kept = keep(model, { mean: 33, std: 78, accuracy: 0.9 });
    expect(kept.inputShape).toEqual(inputShape);
    expect(kept.input).toEqual({ mean: 33, std: 78 });
    const plan = checkKeptModel(kept);
    const pixels = Float32Array.from({ length: 784 }, (_, i) => ((i * 7919) % 256) / 255);
    const x = modelInput(pixels, kept.input);
    const mine = forward(kept, plan, x);
    const theirs = tf.tidy(() => (model.predict(tf.tensor(x, [1, ...inputShape])) as tf.Tensor).dataSync());
    expect(mine.length).toBe(theirs.length);
    mine.forEach((v, i) => expect(Math.abs(v - theirs[i]!)).toBeLessThan(1e-4 + 1e-4 * Math.abs(theirs[i]!)));
    const p = probabilities(plan, mine);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    model.dispose();
  });

  it('refuses layers the page cannot run, with the list of those it can', () => {
    const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [4], units: 2 }), tf.layers.batchNormalization()] });
    expect(() => keep(model)).toThrow(/BatchNormalization/);
    model.dispose();
  });
});

describe('kept models that do not hold together are refused', () => {
  const good = (): KeptModel => ({
    format: 'dlc-model',
    version: 1,
    name: 'digits-model',
    inputShape: [784],
    input: { mean: 0, std: 255 },
    layers: [{ type: 'dense', units: 10, activation: 'linear', useBias: true }],
    weights: [{ shape: [784, 10], values: new Float32Array(7840) }, { shape: [10], values: new Float32Array(10) }],
  });
  const record = (model: unknown, version = 1) => ({ format: 'dlc-model-record', version, savedAt: '2026-12-05T00:00:00.000Z', model });

  it('a good record loads, with its plan', () => {
    const r = readRecord(record(good()));
    expect(r.ok).toBe(true);
  });
  it('a missing weight, a wrong shape, NaN, too many parameters: broken, with a reason', () => {
    const cases: [string, (m: KeptModel) => unknown][] = [
      ['权重张量', (m) => ({ ...m, weights: m.weights.slice(0, 1) })],
      ['形状', (m) => ({ ...m, weights: [{ shape: [10, 784], values: new Float32Array(7840) }, m.weights[1]] })],
      ['NaN', (m) => ({ ...m, weights: [m.weights[0], { shape: [10], values: new Float32Array(10).fill(NaN) }] })],
      ['上限', (m) => ({ ...m, layers: [{ type: 'dense', units: 2000, activation: 'linear', useBias: false }], weights: [{ shape: [784, 2000], values: new Float32Array(784 * 2000) }] })],
      ['values', (m) => ({ ...m, weights: [{ shape: [784, 10], values: Array.from({ length: 7840 }, () => 0) }, m.weights[1]] })],
    ];
    for (const [why, mutate] of cases) {
      const r = readRecord(record(mutate(good())));
      expect(r.ok, why).toBe(false);
      if (!r.ok) {
        expect(r.reason, why).toBe('broken');
        if (r.reason === 'broken') expect(r.detail, why).toMatch(new RegExp(why === 'values' ? 'weights' : why));
      }
    }
    expect(() => checkKeptModel({ ...good(), inputShape: [28, 28, 1], layers: [{ type: 'maxPooling2d', poolSize: [2, 2], strides: [2, 2], padding: 'valid' }], weights: [] })).toThrow(/输出应当是一维/);
    expect(() => checkKeptModel({ ...good(), inputShape: [28, 28, 1] })).toThrow(KeptModelError);
  });
  it('a record of another version is reported as such, not as broken', () => {
    const r = readRecord(record({ ...good(), version: 2 }, 2));
    expect(r).toEqual({ ok: false, reason: 'version', found: '2' });
    expect(readRecord(undefined)).toEqual({ ok: false, reason: 'none' });
    expect(readRecord('garbage')).toMatchObject({ ok: false, reason: 'broken' });
  });
});

describe('drawing → 28×28 as MNIST did', () => {
  it('a tall bar: the longer side becomes 20 pixels, the centre of mass lands at the centre', () => {
    const W = 280;
    const ink = new Float32Array(W * W);
    for (let y = 40; y < 240; y++) for (let x = 60; x < 100; x++) ink[y * W + x] = 1; // 40 × 200, far left
    const p = prepareDigit(ink, W, W)!;
    expect(p.scaled.height).toBe(20);
    expect(p.scaled.width).toBe(4);
    let mass = 0;
    let mx = 0;
    let my = 0;
    p.pixels.forEach((v, i) => {
      mass += v;
      mx += v * (i % 28);
      my += v * Math.floor(i / 28);
    });
    // whole-pixel shifts: within half a pixel of row 14, column 14
    expect(Math.abs(mx / mass - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(my / mass - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.max(...p.pixels)).toBeLessThanOrEqual(1);
    expect(prepareDigit(new Float32Array(W * W), W, W)).toBeNull();
  });

  it('an MNIST digit drawn ten times larger comes back close to itself', () => {
    const dir = new URL('../../public/data/', import.meta.url);
    const file = readdirSync(dir).find((f) => /^digits-small\./.test(f))!;
    const raw = gunzipSync(readFileSync(new URL(file, dir)));
    const val = decodeDataset(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength) as ArrayBuffer).parts['val']!;
    for (const k of [0, 1, 2, 3, 4, 5, 6, 7]) {
      const digit = val.x.subarray(k * 784, (k + 1) * 784);
      const big = new Float32Array(280 * 280);
      for (let y = 0; y < 280; y++) for (let x = 0; x < 280; x++) big[y * 280 + x] = digit[Math.floor(y / 10) * 28 + Math.floor(x / 10)]! / 255;
      const back = prepareDigit(big, 280, 280)!.pixels;
      // correlation with the original
      const a = Array.from(digit, (v) => v / 255);
      const mean = (v: ArrayLike<number>) => Array.from(v).reduce((s, x) => s + x, 0) / v.length;
      const [ma, mb] = [mean(a), mean(back)];
      let sab = 0;
      let saa = 0;
      let sbb = 0;
      for (let i = 0; i < 784; i++) {
        sab += (a[i]! - ma) * (back[i]! - mb);
        saa += (a[i]! - ma) ** 2;
        sbb += (back[i]! - mb) ** 2;
      }
      expect(sab / Math.sqrt(saa * sbb)).toBeGreaterThan(0.9);
    }
  });
});

describe('the learner realm has no network or storage, and says so', () => {
  const grader = createTestGrader();
  afterAll(() => grader.dispose());
  it.each(['fetch(\'https://example.com/a\')', 'new XMLHttpRequest()', 'importScripts(\'x.js\')', 'indexedDB.open(\'a\')', 'caches.open(\'a\')'])('%s', async (call) => {
    const code = `export function relu(x) { ${call}; return x; }`;
    const r = await grader.grade('relu', code, 1);
    expect(r.passed).toBe(false);
    const api = call.replace(/^new /, '').split(/[.(]/)[0]!;
    for (const c of r.cases) expect(c.message).toContain(`练习的运行环境里没有网络和存储：不能使用 ${api}`);
  });
});
