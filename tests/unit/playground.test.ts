/**
 * The training playground's pure logic and engine, in Node on tfjs's CPU backend (cheaper than
 * the browser): the URL codec (every setting round-trips; hostile hashes are refused with a
 * reason), seeded data sets, CSV row errors, schedules, the JS inference pass that draws the maps
 * (against tfjs), step-through backprop numbers, the learner-optimizer wrapper (against
 * tf.train.momentum), and the exported cell (it reproduces the engine's loss exactly).
 */
import * as tf from '@tensorflow/tfjs';
import { transform } from 'sucrase';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRandom, featureMatrix, generate, mixSeed, parseCsv, scheduledLr, split } from '../../src/playground/data';
import { Session, tfOptimizer } from '../../src/playground/engine';
import { cellCode, EXPORT_LOSS_TOLERANCE, RNG_SOURCE } from '../../src/playground/export';
import { forwardJs } from '../../src/playground/forward-js';
import { mineOptimizer } from '../../src/playground/mine';
import { PRESETS } from '../../src/playground/presets';
import { createTensorReader } from '../../src/sandbox/tensors';
import { applyVisibleControls, DEFAULT_STATE, decodeState, defaultLayer, encodeState, HIDABLE, playgroundStateSchema, type PlaygroundState } from '../../src/playground/state';
import type { TF } from '../../src/grader/types';

const TF_ = tf as unknown as TF;
beforeAll(async () => {
  tf.env().set('PROD', true);
  await tf.setBackend('cpu');
});

const everything: PlaygroundState = {
  dataset: 'custom',
  seed: 4242,
  noise: 35,
  trainRatio: 70,
  batchSize: 17,
  features: ['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sinx1', 'sinx2'],
  layers: [
    { units: 8, activation: 'relu', init: 'he', dropout: 0.25, batchNorm: true, residual: false },
    { units: 8, activation: 'sigmoid', init: 'zeros', dropout: 0, batchNorm: false, residual: true },
    { units: 3, activation: 'linear', init: 'glorot', dropout: 0.5, batchNorm: true, residual: true },
  ],
  learningRate: 0.003,
  schedule: 'cosine',
  scheduleGamma: 0.7,
  scheduleEvery: 250,
  optimizer: 'adam',
  momentum: 0.8,
  beta1: 0.85,
  beta2: 0.995,
  rho: 0.95,
  epsilon: 1e-8,
  compare: 'rmsprop',
  compareLr: 0.01,
  mine: true,
  regularization: 'l1',
  regRate: 0.03,
  loss: 'ce',
  showTest: true,
  discretize: true,
  stopEpochs: 300,
  stopLoss: 0.05,
  points: [[1.5, -2.25, 1], [-3, 4.125, 0], [0, 0, 1]],
  hide: ['dataset', 'noise', 'learningRate', 'export', 'mine'],
};

describe('URL hash', () => {
  it('round-trips every setting, hidden controls included', () => {
    expect(playgroundStateSchema.safeParse(everything).success).toBe(true);
    const hash = encodeState(everything);
    expect(hash).toContain('dataset_hide=true');
    const back = decodeState(`#${hash}`);
    expect(back.ok).toBe(true);
    expect(back.state).toEqual(everything);
    // Every hidable control can be hidden.
    const all = { ...DEFAULT_STATE, hide: [...HIDABLE] };
    expect(decodeState(encodeState(all)).state.hide).toEqual([...HIDABLE]);
  });

  it('leaves defaults out: the default setup is an empty hash', () => {
    expect(encodeState(DEFAULT_STATE)).toBe('');
    expect(decodeState('').ok).toBe(true);
    expect(encodeState({ ...DEFAULT_STATE, learningRate: 0.3 })).toBe('learningRate=0.3');
  });

  it.each([
    ['layers=9,9,9,9,9,9,9', 'bad-value'],
    ['layers=1000', 'invalid'],
    ['__proto__=1', 'unknown-key'],
    ['constructor=x', 'unknown-key'],
    ['dataset=%3Cscript%3Ealert(1)%3C%2Fscript%3E', 'invalid'],
    ['learningRate=NaN', 'bad-value'],
    ['learningRate=1e999', 'bad-value'],
    ['learningRate=0x10', 'bad-value'],
    ['learningRate=100', 'invalid'],
    ['seed=1&seed=2', 'duplicate-key'],
    ['points=1:2', 'bad-value'],
    ['dataset=custom&points=1:2:7', 'invalid'],
    ['features=x1,x1', 'invalid'],
    ['features=', 'invalid'],
    ['foo_hide=true', 'unknown-key'],
    ['dataset_hide=maybe', 'bad-value'],
    ['act=relu', 'bad-value'],
    ['noise=%E0%A4%A', 'bad-syntax'],
    ['justtext', 'bad-syntax'],
    ['dataset=plane&loss=ce', 'invalid'],
  ])('refuses %s (%s) and opens the default setup', (hash, code) => {
    const r = decodeState(`#${hash}`);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.code).toBe(code);
    expect(r.state).toEqual(DEFAULT_STATE);
  });

  it('refuses a hash that is too long', () => {
    const r = decodeState(`#points=${'1:1:1;'.repeat(20_000)}`);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.code).toBe('too-long');
  });

  it('an embed hides every control it does not list', () => {
    const s = applyVisibleControls(DEFAULT_STATE, 'learningRate, optimizer');
    expect(s.hide).not.toContain('learningRate');
    expect(s.hide).not.toContain('optimizer');
    expect(s.hide).toContain('dataset');
    expect(applyVisibleControls(DEFAULT_STATE, 'all').hide).toEqual([]);
  });

  it('every preset is a valid hash', () => {
    for (const p of PRESETS) {
      const r = decodeState(p.hash);
      expect(r.ok, p.id).toBe(true);
    }
  });
});

describe('data', () => {
  it('is seeded: the same seed gives the same points, another seed others', () => {
    const a = generate({ ...DEFAULT_STATE, dataset: 'spiral', noise: 20 });
    const b = generate({ ...DEFAULT_STATE, dataset: 'spiral', noise: 20 });
    const c = generate({ ...DEFAULT_STATE, dataset: 'spiral', noise: 20, seed: 2 });
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('has the sizes, ranges and classes of each data set', () => {
    for (const dataset of ['circle', 'xor', 'gauss', 'spiral', 'sin', 'cubic', 'abs'] as const) {
      const pts = generate({ ...DEFAULT_STATE, dataset });
      expect(pts).toHaveLength(500);
      expect(new Set(pts.map((p) => p.label))).toEqual(new Set([0, 1]));
    }
    const three = generate({ ...DEFAULT_STATE, dataset: 'spiral3' });
    expect(new Set(three.map((p) => p.label))).toEqual(new Set([0, 1, 2]));
    const reg = generate({ ...DEFAULT_STATE, dataset: 'reg-gauss' });
    expect(reg).toHaveLength(1200);
    expect(reg.every((p) => p.label >= -1 && p.label <= 1)).toBe(true);
    // XOR without noise: the label is the sign of x1·x2.
    expect(generate({ ...DEFAULT_STATE, dataset: 'xor' }).every((p) => (p.x1 * p.x2 >= 0 ? 1 : 0) === p.label)).toBe(true);
  });

  it('splits by the train ratio', () => {
    const { train, test } = split(generate({ ...DEFAULT_STATE, dataset: 'xor' }), 1, 70);
    expect(train).toHaveLength(350);
    expect(test).toHaveLength(150);
  });

  it('schedules the learning rate', () => {
    const s = { schedule: 'step' as const, scheduleGamma: 0.5, scheduleEvery: 10 };
    expect(scheduledLr(s, 0.1, 9)).toBeCloseTo(0.1);
    expect(scheduledLr(s, 0.1, 10)).toBeCloseTo(0.05);
    expect(scheduledLr({ ...s, schedule: 'exp' }, 0.1, 2)).toBeCloseTo(0.025);
    expect(scheduledLr({ ...s, schedule: 'cosine' }, 0.1, 5)).toBeCloseTo(0.05);
    expect(scheduledLr({ ...s, schedule: 'cosine' }, 0.1, 50)).toBeCloseTo(0);
    expect(scheduledLr({ ...s, schedule: 'constant' }, 0.1, 50)).toBe(0.1);
  });
});

describe('CSV', () => {
  it('keeps good rows and names the bad ones by line', () => {
    const r = parseCsv('x1,x2,label\n1,2,1\n3,4\n1,abc,0\n9,0,1\n0.5,-0.5,-1\n1,1,2\n\n-1,-1,0');
    expect(r.points).toEqual([[1, 2, 1], [0.5, -0.5, 0], [-1, -1, 0]]);
    expect(r.errors).toEqual([
      { line: 3, code: 'columns' },
      { line: 4, code: 'number' },
      { line: 5, code: 'range' },
      { line: 7, code: 'label' },
    ]);
  });
});

describe('engine', () => {
  const setup: PlaygroundState = {
    ...DEFAULT_STATE,
    dataset: 'xor',
    trainRatio: 50,
    layers: [{ ...defaultLayer(5), batchNorm: true, activation: 'relu' }, { ...defaultLayer(5), residual: true }],
  };

  it('draws maps with a JS pass that agrees with tfjs (batch norm and residual included)', () => {
    const s = new Session(TF_, setup, (_w, lr) => tfOptimizer(TF_, 'adam', setup, lr));
    for (let i = 0; i < 5; i++) s.trainBatch();
    const m = s.models[0]!;
    const X = featureMatrix(s.data.test, setup.features);
    const js = forwardJs(X, s.data.test.length, setup.layers, m.snapshot());
    const ref = tf.tidy(() => m.forward(tf.tensor2d(X, [s.data.test.length, 2]), { training: false }).out.dataSync());
    for (let i = 0; i < ref.length; i++) expect(Math.abs(ref[i]! - js.out[i]!)).toBeLessThan(1e-5);
    s.dispose();
  });

  it('traces one example: δ of the output and ∂ℓ/∂W = h_prev · δ', () => {
    const st: PlaygroundState = { ...DEFAULT_STATE, dataset: 'gauss', loss: 'ce' };
    const s = new Session(TF_, st, (_w, lr) => tfOptimizer(TF_, 'sgd', st, lr));
    const tr = s.trace(7);
    const D = tr.Z.length;
    const z = tr.Z[D - 1]![0]!;
    const y = tr.y[0]!;
    expect(tr.delta[D - 1]![0]).toBeCloseTo(1 / (1 + Math.exp(-z)) - y, 5);
    const hPrev = tr.H[D - 2]!;
    hPrev.forEach((h, j) => expect(tr.dW[D - 1]![j]).toBeCloseTo(h * tr.delta[D - 1]![0]!, 5));
    s.dispose();
  });

  it('runs a learner momentumStep exactly like tf.train.momentum', () => {
    const st: PlaygroundState = { ...DEFAULT_STATE, dataset: 'xor', optimizer: 'momentum', momentum: 0.9, learningRate: 0.05 };
    const reader = createTensorReader(TF_);
    const momentumStep = (param: tf.Tensor, grad: tf.Tensor, velocity: tf.Tensor, lr: number, mu: number) => {
      const v = tf.add(tf.mul(mu, velocity), grad);
      return { param: tf.sub(param, tf.mul(lr, v)), velocity: v };
    };
    const mine = new Session(TF_, st, () => mineOptimizer(TF_, reader, 'momentum-step', momentumStep as (...a: unknown[]) => unknown, st, String));
    const ref = new Session(TF_, st, (_w, lr) => tfOptimizer(TF_, 'momentum', st, lr));
    for (let i = 0; i < 2; i++) {
      mine.trainEpoch();
      ref.trainEpoch();
    }
    expect(Math.abs(mine.history.at(-1)!.train[0]! - ref.history.at(-1)!.train[0]!)).toBeLessThan(1e-6);
    mine.dispose();
    ref.dispose();
  });

  it('refuses a learner step that breaks the contract, with a reason', () => {
    const st: PlaygroundState = { ...DEFAULT_STATE, dataset: 'xor', optimizer: 'adam' };
    const reader = createTensorReader(TF_);
    const cases: [string, (...a: unknown[]) => unknown, RegExp][] = [
      ['not a tensor', () => ({ param: [1, 2], state: {} }), /不是张量/],
      ['wrong shape', (p) => ({ param: tf.zeros([1]), state: { m: p, v: p, t: 1 } }), /形状/],
      ['bad t', (p) => ({ param: p, state: { m: p, v: p, t: -1 } }), /state\.t/],
      ['a promise', async (p) => ({ param: p }), /Promise/],
      ['throws', () => {
        throw new Error('boom');
      }, /boom/],
    ];
    for (const [name, fn, message] of cases) {
      const s = new Session(TF_, st, () => mineOptimizer(TF_, reader, 'adam-step', fn, st, (e) => String((e as Error).message)));
      expect(() => s.trainBatch(), name).toThrow(message);
      s.dispose();
    }
  });

  it('the exported cell reproduces the training loss', async () => {
    const st: PlaygroundState = {
      ...DEFAULT_STATE,
      dataset: 'spiral3',
      loss: 'ce',
      optimizer: 'adam',
      learningRate: 0.01,
      schedule: 'step',
      scheduleEvery: 1,
      scheduleGamma: 0.5,
      regularization: 'l2',
      regRate: 0.001,
      layers: [{ ...defaultLayer(6), dropout: 0.2, batchNorm: true, activation: 'relu' }, { ...defaultLayer(6), residual: true }],
    };
    const s = new Session(TF_, st, (_w, lr) => tfOptimizer(TF_, st.optimizer, st, lr));
    s.start();
    for (let i = 0; i < 3; i++) s.trainEpoch();
    const expected = s.history.at(-1)!.train[0]!;
    s.dispose();
    const js = transform(cellCode(st, 3), { transforms: ['typescript'] }).code;
    const logs: unknown[][] = [];
    const trainApi = {
      log: () => undefined,
      loop: async (steps: number, fn: (i: number) => unknown) => {
        for (let i = 0; i < steps; i++) await fn(i);
      },
    };
    const run = new Function('tf', 'train', 'console', `return (async () => {\n${js}\n})();`) as (...a: unknown[]) => Promise<void>;
    await run(tf, trainApi, { log: (...a: unknown[]) => logs.push(a) });
    const final = Number(logs.find((l) => l[0] === '最终训练损失')![1]);
    expect(Math.abs(final - expected)).toBeLessThanOrEqual(EXPORT_LOSS_TOLERANCE);
  });

  it('the exported RNG is the playground RNG', () => {
    const make = new Function(`${transform(RNG_SOURCE, { transforms: ['typescript'] }).code}; return { mulberry32, mixSeed };`) as () => { mulberry32: (s: number) => () => number; mixSeed: (...p: number[]) => number };
    const { mulberry32, mixSeed: mix } = make();
    expect(mix(1, 2, 3)).toBe(mixSeed(1, 2, 3));
    const a = mulberry32(99);
    const b = createRandom(99);
    for (let i = 0; i < 5; i++) expect(a()).toBe(b());
  });
});
