// The playground's training engine: a fully connected network written with tfjs ops (CPU backend),
// seeded everywhere, with per-layer activation, initialiser, dropout, batch norm and residual
// connections; MSE or cross-entropy (softmax over q ≥ 3 classes); L1/L2 penalties; tf.train's
// optimizers (or the learner's own, through `OptimizerImpl`) and a learning-rate schedule.
// Runs in the playground's sandbox worker; tfjs is passed in, so the unit tests run it in Node.
//
// Conventions (the course's notation): a batch X is n × d, one sample per row; layer l has
// W^(l) (in × out) and b^(l); Z^(l) = H^(l−1) W^(l) + b^(l); H^(l) = φ(Z^(l)); H^(0) = X.
// The output layer is layer D. δ^(l) = ∂ℓ/∂Z^(l).
import type { Tensor, Tensor2D, Variable } from '@tensorflow/tfjs-core';
import type { TF } from '../grader/types';
import { createRandom, featureMatrix, generate, gridPoints, mixSeed, scheduledLr, shuffleInPlace, split, type Point } from './data';
import { forwardJs } from './forward-js';
import { classCount, isRegression, outputUnits, type LayerSettings, type OptimizerId, type PlaygroundState } from './state';

/** Batch-norm constants, as tf.layers.batchNormalization's defaults (momentum 0.99, ε 1e-3). */
export const BN_MOMENTUM = 0.99;
export const BN_EPSILON = 1e-3;
/** Heat-map grids: the big view and each neuron's thumbnail. */
export const MAIN_GRID = 100;
export const THUMB_GRID = 20;
export const HIST_BINS = 20;

/** One optimizer step over every variable, in a fixed order (tf.train keeps state by position). */
export interface OptimizerImpl {
  step(vars: readonly Variable[], grads: readonly Tensor[], lr: number): void;
  dispose(): void;
}

/** tf.train's own optimizers, with the learning rate changeable between steps. */
export function tfOptimizer(tf: TF, kind: OptimizerId, s: Pick<PlaygroundState, 'momentum' | 'beta1' | 'beta2' | 'rho' | 'epsilon'>, lr: number): OptimizerImpl {
  const opt =
    kind === 'sgd' ? tf.train.sgd(lr)
    : kind === 'momentum' ? tf.train.momentum(lr, s.momentum, false)
    : kind === 'nesterov' ? tf.train.momentum(lr, s.momentum, true)
    : kind === 'rmsprop' ? tf.train.rmsprop(lr, s.rho, 0, s.epsilon, false)
    : tf.train.adam(lr, s.beta1, s.beta2, s.epsilon);
  let current = lr;
  return {
    step(vars, grads, rate) {
      if (rate !== current) {
        current = rate;
        // SGD and momentum keep −η as a scalar tensor (setLearningRate rebuilds it); Adam and RMSProp read the field each step.
        const o = opt as unknown as { setLearningRate?: (x: number) => void; learningRate: number };
        if (typeof o.setLearningRate === 'function') o.setLearningRate(rate);
        else o.learningRate = rate;
      }
      opt.applyGradients(vars.map((v, i) => ({ name: v.name, tensor: grads[i]! })));
    },
    dispose: () => opt.dispose(),
  };
}

/** Initial weights of a layer, drawn with the seed (so the export can print them). */
export function initWeights(init: LayerSettings['init'], fanIn: number, fanOut: number, rand: () => number): { w: Float32Array; b: Float32Array } {
  const w = new Float32Array(fanIn * fanOut);
  const b = new Float32Array(fanOut);
  const u = (lim: number) => (2 * rand() - 1) * lim;
  const normal = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  for (let i = 0; i < w.length; i++) {
    if (init === 'uniform') w[i] = u(0.5);
    else if (init === 'glorot') w[i] = u(Math.sqrt(6 / (fanIn + fanOut)));
    else if (init === 'he') w[i] = normal() * Math.sqrt(2 / fanIn);
  }
  // TensorFlow Playground starts biases at 0.1 with its U(−0.5, 0.5) weights; the others at 0.
  if (init === 'uniform') b.fill(0.1);
  return { w, b };
}

/** The shapes of every layer l = 1 … D: [inputs, outputs]. */
export function layerShapes(s: PlaygroundState): [number, number][] {
  const widths = [s.features.length, ...s.layers.map((l) => l.units), outputUnits(s.dataset)];
  return widths.slice(1).map((w, i) => [widths[i]!, w]);
}

/** The data of a setup: points split into train and test. */
export interface DataSplit {
  train: Point[];
  test: Point[];
}
export function makeData(s: PlaygroundState): DataSplit {
  return split(generate(s), s.seed, s.trainRatio);
}

/** Plain numbers of a model's parameters (what the page holds, exports and restores). */
export interface WeightsSnapshot {
  /** W^(l) per layer, flat row-major [in × out]. */
  W: number[][];
  b: number[][];
  /** Batch-norm γ, β and moving mean/variance per hidden layer (empty arrays where off). */
  gamma: number[][];
  beta: number[][];
  movingMean: number[][];
  movingVar: number[][];
}

export function initialSnapshot(s: PlaygroundState): WeightsSnapshot {
  const rand = createRandom(mixSeed(s.seed, 15485863));
  const shapes = layerShapes(s);
  const snap: WeightsSnapshot = { W: [], b: [], gamma: [], beta: [], movingMean: [], movingVar: [] };
  shapes.forEach(([fin, fout], i) => {
    const hidden = s.layers[i];
    const init = hidden?.init ?? s.layers[s.layers.length - 1]?.init ?? 'uniform';
    const { w, b } = initWeights(init, fin, fout, rand);
    snap.W.push(Array.from(w));
    snap.b.push(Array.from(b));
    const bn = hidden?.batchNorm === true;
    snap.gamma.push(bn ? new Array<number>(fout).fill(1) : []);
    snap.beta.push(bn ? new Array<number>(fout).fill(0) : []);
    snap.movingMean.push(bn ? new Array<number>(fout).fill(0) : []);
    snap.movingVar.push(bn ? new Array<number>(fout).fill(1) : []);
  });
  return snap;
}

/** The loss setup of a problem: what the output means and what the targets look like. */
export type Head = 'regression' | 'tanh-mse' | 'sigmoid-ce' | 'softmax-mse' | 'softmax-ce';
export function headOf(s: Pick<PlaygroundState, 'dataset' | 'loss'>): Head {
  if (isRegression(s.dataset)) return 'regression';
  if (classCount(s.dataset) >= 3) return s.loss === 'ce' ? 'softmax-ce' : 'softmax-mse';
  return s.loss === 'ce' ? 'sigmoid-ce' : 'tanh-mse';
}

/** Targets Y for a head: values, ±1 (tanh), 0/1 (sigmoid) or one-hot rows. */
export function targets(points: readonly Point[], head: Head, q: number): Float32Array {
  const width = head.startsWith('softmax') ? q : 1;
  const y = new Float32Array(points.length * width);
  points.forEach((p, i) => {
    if (head === 'regression' || head === 'sigmoid-ce') y[i] = p.label;
    else if (head === 'tanh-mse') y[i] = p.label === 1 ? 1 : -1;
    else y[i * q + p.label] = 1;
  });
  return y;
}

const ACT = {
  relu: (tf: TF, z: Tensor) => tf.relu(z),
  tanh: (tf: TF, z: Tensor) => tf.tanh(z),
  sigmoid: (tf: TF, z: Tensor) => tf.sigmoid(z),
  linear: (_tf: TF, z: Tensor) => z,
};

/** Per-epoch numbers of one model. */
export interface EpochStats {
  epoch: number;
  trainLoss: number;
  testLoss: number;
}

/** One network with its variables, moving statistics and optimizer. */
export class Model {
  readonly W: Variable[] = [];
  readonly b: Variable[] = [];
  readonly gamma: (Variable | null)[] = [];
  readonly beta: (Variable | null)[] = [];
  movingMean: (Tensor | null)[] = [];
  movingVar: (Tensor | null)[] = [];
  /** Variables in the fixed order the optimizer sees: W, b per layer, then γ, β where batch norm is on. */
  readonly vars: Variable[] = [];
  /** ‖∂L/∂W^(l)‖ of each layer at the last step of the last epoch. */
  gradNorms: number[] = [];
  lastLoss = NaN;

  constructor(
    private readonly tf: TF,
    readonly s: PlaygroundState,
    snap: WeightsSnapshot,
    public optimizer: OptimizerImpl,
  ) {
    const shapes = layerShapes(s);
    shapes.forEach(([fin, fout], l) => {
      this.W.push(tf.variable(tf.tensor2d(snap.W[l]!, [fin, fout]), true));
      this.b.push(tf.variable(tf.tensor1d(snap.b[l]!), true));
      const bn = s.layers[l]?.batchNorm === true;
      this.gamma.push(bn ? tf.variable(tf.tensor1d(snap.gamma[l]!), true) : null);
      this.beta.push(bn ? tf.variable(tf.tensor1d(snap.beta[l]!), true) : null);
      this.movingMean.push(bn ? tf.keep(tf.tensor1d(snap.movingMean[l]!)) : null);
      this.movingVar.push(bn ? tf.keep(tf.tensor1d(snap.movingVar[l]!)) : null);
    });
    this.vars.push(...this.W.flatMap((w, l) => [w, this.b[l]!]));
    for (let l = 0; l < shapes.length; l++) {
      if (this.gamma[l]) this.vars.push(this.gamma[l]!, this.beta[l]!);
    }
  }

  get depth(): number {
    return this.W.length;
  }

  /**
   * Forward pass. `training` uses batch statistics and dropout (seeded by `stepSeed`);
   * `inject` adds a tensor to each Z^(l) (zeros: used to read δ^(l) = ∂ℓ/∂Z^(l)).
   * Returns the output layer's Z (logits) and every layer's Z and H.
   */
  forward(X: Tensor2D, opts: { training: boolean; stepSeed?: number; inject?: Tensor[]; batchStats?: { mean: Tensor; variance: Tensor }[] }): { out: Tensor2D; Z: Tensor2D[]; H: Tensor2D[] } {
    const { tf, s } = this;
    const Z: Tensor2D[] = [];
    const H: Tensor2D[] = [X];
    let h: Tensor2D = X;
    for (let l = 0; l < this.depth; l++) {
      let z = tf.add(tf.matMul(h, this.W[l]!), this.b[l]!) as Tensor2D;
      if (opts.inject) z = tf.add(z, opts.inject[l]!) as Tensor2D;
      Z.push(z);
      if (l === this.depth - 1) return { out: z, Z, H };
      const layer = s.layers[l]!;
      if (layer.batchNorm) {
        let mean: Tensor;
        let variance: Tensor;
        if (opts.training) {
          const m = tf.moments(z, 0);
          mean = m.mean;
          variance = m.variance;
          opts.batchStats?.push({ mean: tf.keep(mean), variance: tf.keep(variance) });
        } else {
          mean = this.movingMean[l]!;
          variance = this.movingVar[l]!;
        }
        z = tf.add(tf.mul(tf.div(tf.sub(z, mean), tf.sqrt(tf.add(variance, BN_EPSILON))), this.gamma[l]!), this.beta[l]!) as Tensor2D;
      }
      let a = ACT[layer.activation](tf, z) as Tensor2D;
      if (opts.training && layer.dropout > 0) a = tf.dropout(a, layer.dropout, undefined, mixSeed(opts.stepSeed ?? 0, l)) as Tensor2D;
      if (layer.residual && h.shape[1] === a.shape[1] && l > 0) a = tf.add(a, h) as Tensor2D;
      H.push(a);
      h = a;
    }
    throw new Error('unreachable');
  }

  /** Per-sample losses ℓ (a vector of length n) for logits `out` and targets Y. */
  sampleLoss(out: Tensor2D, Y: Tensor2D): Tensor {
    const tf = this.tf;
    switch (headOf(this.s)) {
      case 'regression':
        return tf.squeeze(tf.square(tf.sub(out, Y)), [1]);
      case 'tanh-mse':
        return tf.squeeze(tf.square(tf.sub(tf.tanh(out), Y)), [1]);
      case 'sigmoid-ce':
        // −[y log σ(z) + (1 − y) log(1 − σ(z))] = max(z, 0) − z·y + log(1 + e^(−|z|))
        return tf.squeeze(tf.add(tf.sub(tf.relu(out), tf.mul(out, Y)), tf.log1p(tf.exp(tf.neg(tf.abs(out))))), [1]);
      case 'softmax-mse':
        return tf.sum(tf.square(tf.sub(tf.softmax(out), Y)), 1);
      case 'softmax-ce':
        return tf.neg(tf.sum(tf.mul(Y, tf.logSoftmax(out)), 1));
    }
  }

  /** L1: λΣ|w|; L2: λ·½Σw² (weights only). */
  penalty(): Tensor | null {
    const { tf, s } = this;
    if (s.regularization === 'none' || s.regRate === 0) return null;
    const terms = this.W.map((w) => (s.regularization === 'l1' ? tf.sum(tf.abs(w)) : tf.mul(0.5, tf.sum(tf.square(w)))));
    return tf.mul(s.regRate, tf.addN(terms));
  }

  /** One optimizer step on a mini-batch. */
  trainStep(X: Tensor2D, Y: Tensor2D, lr: number, stepSeed: number, recordNorms: boolean): void {
    const tf = this.tf;
    const stats: { mean: Tensor; variance: Tensor }[] = [];
    const { value, grads } = tf.variableGrads(() => {
      const { out } = this.forward(X, { training: true, stepSeed, batchStats: stats });
      const data = tf.mean(this.sampleLoss(out, Y));
      const p = this.penalty();
      return (p ? tf.add(data, p) : data) as unknown as import('@tensorflow/tfjs-core').Scalar;
    }, this.vars);
    const list = this.vars.map((v) => grads[v.name] ?? tf.zerosLike(v));
    if (recordNorms) this.gradNorms = this.W.map((w) => tf.tidy(() => tf.norm(grads[w.name] ?? tf.zerosLike(w)).dataSync()[0]!));
    this.optimizer.step(this.vars, list, lr);
    this.lastLoss = value.dataSync()[0]!;
    tf.dispose([value, ...list, ...Object.values(grads)]);
    // Moving statistics, as tf.layers.batchNormalization: moving ← moving − (moving − batch)(1 − momentum).
    let k = 0;
    for (let l = 0; l < this.depth - 1; l++) {
      if (!this.s.layers[l]!.batchNorm) continue;
      const st = stats[k++];
      if (!st) continue;
      const nm = tf.tidy(() => tf.sub(this.movingMean[l]!, tf.mul(tf.sub(this.movingMean[l]!, st.mean), 1 - BN_MOMENTUM)));
      const nv = tf.tidy(() => tf.sub(this.movingVar[l]!, tf.mul(tf.sub(this.movingVar[l]!, st.variance), 1 - BN_MOMENTUM)));
      this.movingMean[l]!.dispose();
      this.movingVar[l]!.dispose();
      this.movingMean[l] = tf.keep(nm);
      this.movingVar[l] = tf.keep(nv);
    }
    tf.dispose(stats.flatMap((x) => [x.mean, x.variance]));
  }

  snapshot(): WeightsSnapshot {
    const read = (t: Tensor | null) => (t ? Array.from(t.dataSync()) : []);
    return {
      W: this.W.map(read),
      b: this.b.map(read),
      gamma: this.gamma.map(read),
      beta: this.beta.map(read),
      movingMean: this.movingMean.map(read),
      movingVar: this.movingVar.map(read),
    };
  }

  dispose(): void {
    this.optimizer.dispose();
    this.tf.dispose([...this.vars, ...(this.movingMean.filter(Boolean) as Tensor[]), ...(this.movingVar.filter(Boolean) as Tensor[])]);
  }
}

/** Evaluation of a model on a set: mean loss, accuracy and confusion counts (classification). */
export interface SetEval {
  loss: number;
  accuracy: number | null;
  /** confusion[true][predicted], classification only. */
  confusion: number[][] | null;
}

/** What one frame shows (heat maps, diagnostics), computed on request. */
export interface FrameMaps {
  /** MAIN_GRID² values of the output score (or of the focused neuron). */
  main: Float32Array<ArrayBuffer>;
  /** For q ≥ 3: the argmax class of each main-grid cell. */
  mainClass: Uint8Array<ArrayBuffer> | null;
  /** THUMB_GRID² values per hidden neuron, then the output, concatenated. */
  thumbs: Float32Array<ArrayBuffer>;
}

export interface Diagnostics {
  /** Per hidden layer, counts in HIST_BINS bins between lo and hi. */
  hist: { lo: number; hi: number; counts: number[] }[];
  /** Per hidden layer, the number of ReLU units that are 0 on every training point (null: not ReLU). */
  dead: (number | null)[];
  gradNorms: number[];
}

/** A single example's trace for step-through backprop. */
export interface Trace {
  index: number;
  x: number[];
  y: number[];
  /** Per layer l = 1 … D: Z, H (φ(Z) after batch norm and residual), δ = ∂ℓ/∂Z, ∂ℓ/∂W (flat), ∂ℓ/∂b. */
  Z: number[][];
  H: number[][];
  delta: number[][];
  dW: number[][];
  db: number[][];
  loss: number;
}

/**
 * The whole training session: data, one model (or two side by side), epoch loop and the
 * numbers the page draws. The optimizer factory makes tf.train's optimizer or the learner's.
 */
export class Session {
  readonly data: DataSplit;
  readonly head: Head;
  readonly q: number;
  private readonly Xtrain: Float32Array;
  private readonly Ytrain: Float32Array;
  private readonly tensors: { Xtr: Tensor2D; Ytr: Tensor2D; Xte: Tensor2D; Yte: Tensor2D };
  private readonly grids: { main: Float32Array; thumb: Float32Array };
  models: Model[] = [];
  epoch = 0;
  /** Optimizer steps taken so far (mini-batches). */
  steps = 0;
  history: { epoch: number; train: number[]; test: number[] }[] = [];

  constructor(
    private readonly tf: TF,
    public s: PlaygroundState,
    makeOptimizer: (which: 0 | 1, lr: number) => OptimizerImpl,
    snapshots?: WeightsSnapshot[],
  ) {
    this.data = makeData(s);
    this.head = headOf(s);
    this.q = classCount(s.dataset);
    const yWidth = this.head.startsWith('softmax') ? this.q : 1;
    const d = s.features.length;
    this.Xtrain = featureMatrix(this.data.train, s.features);
    this.Ytrain = targets(this.data.train, this.head, this.q);
    this.tensors = tf.tidy(() => ({
      Xtr: tf.keep(tf.tensor2d(this.Xtrain, [this.data.train.length, d])),
      Ytr: tf.keep(tf.tensor2d(this.Ytrain, [this.data.train.length, yWidth])),
      Xte: tf.keep(tf.tensor2d(featureMatrix(this.data.test, s.features), [this.data.test.length, d])),
      Yte: tf.keep(tf.tensor2d(targets(this.data.test, this.head, this.q), [this.data.test.length, yWidth])),
    }));
    this.grids = { main: featureMatrix(gridPoints(MAIN_GRID), s.features), thumb: featureMatrix(gridPoints(THUMB_GRID), s.features) };
    const start = initialSnapshot(s);
    this.models.push(new Model(tf, s, snapshots?.[0] ?? start, makeOptimizer(0, s.learningRate)));
    if (s.compare !== 'none') this.models.push(new Model(tf, s, snapshots?.[1] ?? start, makeOptimizer(1, s.compareLr)));
  }

  /** η of model `which` at the current epoch (schedule applied to its base rate). */
  lrOf(which: number): number {
    return scheduledLr(this.s, which === 0 ? this.s.learningRate : this.s.compareLr, this.epoch);
  }

  /** Changes settings that need no rebuild (learning rates, schedule, penalty, stop rules, display). */
  updateLive(next: PlaygroundState): void {
    this.s = next;
    for (const m of this.models) (m as { s: PlaygroundState }).s = next;
  }

  private order: number[] | null = null;
  private cursor = 0;

  /** Whether an epoch is under way (some of its mini-batches done). */
  get midEpoch(): boolean {
    return this.order !== null;
  }

  /**
   * One mini-batch step of every model. An epoch is one pass over the training set in an order
   * shuffled with (seed, epoch); returns true when this step finished an epoch.
   */
  trainBatch(): boolean {
    const tf = this.tf;
    const n = this.data.train.length;
    const d = this.s.features.length;
    const yWidth = this.head.startsWith('softmax') ? this.q : 1;
    if (!this.order) {
      this.order = Array.from({ length: n }, (_, i) => i);
      shuffleInPlace(this.order, createRandom(mixSeed(this.s.seed, this.epoch, 31337)));
      this.cursor = 0;
    }
    const bs = this.s.batchSize;
    const idx = this.order.slice(this.cursor, this.cursor + bs);
    const xb = new Float32Array(idx.length * d);
    const yb = new Float32Array(idx.length * yWidth);
    idx.forEach((r, i) => {
      xb.set(this.Xtrain.subarray(r * d, r * d + d), i * d);
      yb.set(this.Ytrain.subarray(r * yWidth, r * yWidth + yWidth), i * yWidth);
    });
    const X = tf.tensor2d(xb, [idx.length, d]);
    const Y = tf.tensor2d(yb, [idx.length, yWidth]);
    this.cursor += bs;
    const last = this.cursor >= n;
    const stepSeed = mixSeed(this.s.seed, this.steps);
    try {
      this.models.forEach((m, i) => m.trainStep(X, Y, this.lrOf(i), stepSeed, last));
    } finally {
      tf.dispose([X, Y]);
    }
    this.steps++;
    if (!last) return false;
    this.order = null;
    this.epoch++;
    this.recordHistory();
    return true;
  }

  /** The rest of the current epoch (a whole one when none is under way). */
  trainEpoch(): void {
    while (!this.trainBatch());
  }

  private recordHistory(): void {
    const train = this.models.map((m) => this.evaluate(m, 'train').loss);
    const test = this.models.map((m) => this.evaluate(m, 'test').loss);
    this.history.push({ epoch: this.epoch, train, test });
  }

  /** Losses of epoch 0 (before training), so the curve starts at the start. */
  start(): void {
    if (this.history.length === 0) this.recordHistory();
  }

  evaluate(m: Model, which: 'train' | 'test'): SetEval {
    const tf = this.tf;
    const X = which === 'train' ? this.tensors.Xtr : this.tensors.Xte;
    const Y = which === 'train' ? this.tensors.Ytr : this.tensors.Yte;
    const pts = which === 'train' ? this.data.train : this.data.test;
    if (pts.length === 0) return { loss: NaN, accuracy: null, confusion: null };
    const { loss, logits } = tf.tidy(() => {
      const { out } = m.forward(X, { training: false });
      return { loss: tf.mean(m.sampleLoss(out, Y)).dataSync()[0]!, logits: out.dataSync() as Float32Array };
    });
    if (this.head === 'regression') return { loss, accuracy: null, confusion: null };
    const q = this.q;
    const confusion = Array.from({ length: q }, () => new Array<number>(q).fill(0));
    let right = 0;
    pts.forEach((p, i) => {
      const pred = predictedClass(logits, i, q);
      confusion[p.label]![pred]!++;
      if (pred === p.label) right++;
    });
    return { loss, accuracy: right / pts.length, confusion };
  }

  /** Heat maps of model `which`; `focus` = [layer, unit] shows that hidden neuron in the main view. */
  maps(which: number, focus: [number, number] | null, snap?: WeightsSnapshot): FrameMaps {
    const m = this.models[which] ?? this.models[0]!;
    const w = snap ?? m.snapshot();
    const big = forwardJs(this.grids.main, MAIN_GRID * MAIN_GRID, this.s.layers, w);
    const N = MAIN_GRID * MAIN_GRID;
    let main = new Float32Array(N);
    let mainClass: Uint8Array<ArrayBuffer> | null = null;
    const fh = focus ? big.hidden[focus[0]] : undefined;
    if (focus && fh) {
      const u = this.s.layers[focus[0]]!.units;
      for (let i = 0; i < N; i++) main[i] = fh[i * u + focus[1]]!;
    } else if (this.q >= 3) {
      mainClass = new Uint8Array(N);
      const q = this.q;
      for (let i = 0; i < N; i++) {
        const c = predictedClass(big.out, i, q);
        mainClass[i] = c;
        let sum = 0;
        for (let k = 0; k < q; k++) sum += Math.exp(big.out[i * q + k]! - big.out[i * q + c]!);
        main[i] = 1 / sum;
      }
    } else main = big.out.map((z) => score(this.head, z));
    const small = forwardJs(this.grids.thumb, THUMB_GRID * THUMB_GRID, this.s.layers, w);
    const G = THUMB_GRID * THUMB_GRID;
    const layersOut = [...small.hidden, small.out];
    const widths = w.b.map((b) => b.length);
    const thumbs = new Float32Array(widths.reduce((a, b) => a + b, 0) * G);
    let off = 0;
    layersOut.forEach((src, l) => {
      const u = widths[l]!;
      const isOut = l === layersOut.length - 1;
      for (let j = 0; j < u; j++) {
        for (let g = 0; g < G; g++) thumbs[off + g] = isOut && this.q < 3 ? score(this.head, src[g * u + j]!) : src[g * u + j]!;
        off += G;
      }
    });
    return { main, mainClass, thumbs };
  }

  diagnostics(which: number, snap?: WeightsSnapshot): Diagnostics {
    const m = this.models[which] ?? this.models[0]!;
    const w = snap ?? m.snapshot();
    const { hidden } = forwardJs(this.Xtrain, this.data.train.length, this.s.layers, w);
    const hist: Diagnostics['hist'] = [];
    const dead: (number | null)[] = [];
    this.s.layers.forEach((layer, l) => {
      const v = hidden[l]!;
      let lo = Infinity;
      let hi = -Infinity;
      for (const x of v) {
        if (x < lo) lo = x;
        if (x > hi) hi = x;
      }
      if (layer.activation === 'tanh') [lo, hi] = [-1, 1];
      else if (layer.activation === 'sigmoid') [lo, hi] = [0, 1];
      if (!(hi > lo)) hi = lo + 1;
      const counts = new Array<number>(HIST_BINS).fill(0);
      for (const x of v) counts[Math.max(0, Math.min(HIST_BINS - 1, Math.floor(((x - lo) / (hi - lo)) * HIST_BINS)))]!++;
      hist.push({ lo, hi, counts });
      if (layer.activation !== 'relu' || layer.residual) dead.push(null);
      else {
        const u = layer.units;
        let deadCount = 0;
        for (let k = 0; k < u; k++) {
          let alive = false;
          for (let r = 0; r < this.data.train.length && !alive; r++) if (v[r * u + k]! > 0) alive = true;
          if (!alive) deadCount++;
        }
        dead.push(deadCount);
      }
    });
    return { hist, dead, gradNorms: m.gradNorms.slice() };
  }

  /** Step-through backprop on training example `index` (inference mode: no dropout, moving BN statistics). */
  trace(index: number): Trace {
    const tf = this.tf;
    const m = this.models[0]!;
    const n = this.data.train.length;
    const i = ((index % n) + n) % n;
    const d = this.s.features.length;
    const yWidth = this.head.startsWith('softmax') ? this.q : 1;
    return tf.tidy(() => {
      const X = tf.tensor2d(this.Xtrain.subarray(i * d, i * d + d), [1, d]);
      const Y = tf.tensor2d(this.Ytrain.subarray(i * yWidth, i * yWidth + yWidth), [1, yWidth]);
      const inject = m.W.map((w) => tf.zeros([1, w.shape[1]!]));
      const f = (...args: Tensor[]) => {
        const eps = args.slice(0, m.depth);
        const { out } = m.forward(X, { training: false, inject: eps });
        return tf.sum(m.sampleLoss(out, Y)) as import('@tensorflow/tfjs-core').Scalar;
      };
      const deltas = tf.grads(f)([...inject]);
      const { Z, H, out } = m.forward(X, { training: false });
      const loss = tf.sum(m.sampleLoss(out, Y)).dataSync()[0]!;
      const { grads } = tf.variableGrads(() => tf.sum(m.sampleLoss(m.forward(X, { training: false }).out, Y)) as import('@tensorflow/tfjs-core').Scalar, [...m.W, ...m.b]);
      const arr = (t: Tensor) => Array.from(t.dataSync());
      return {
        index: i,
        x: Array.from(this.Xtrain.subarray(i * d, i * d + d)),
        y: Array.from(this.Ytrain.subarray(i * yWidth, i * yWidth + yWidth)),
        Z: Z.map(arr),
        H: [...H.slice(1).map(arr), arr(out)],
        delta: deltas.map(arr),
        dW: m.W.map((w) => arr(grads[w.name]!)),
        db: m.b.map((b) => arr(grads[b.name]!)),
        loss,
      };
    });
  }

  /** Sets one weight (`unit` = −1: the bias) of model 0's layer l, input j → unit k. */
  setParam(layer: number, from: number, to: number, value: number): boolean {
    const m = this.models[0]!;
    const W = m.W[layer];
    const b = m.b[layer];
    if (!W || !b || !Number.isFinite(value)) return false;
    const [fin, fout] = W.shape as [number, number];
    if (to < 0 || to >= fout) return false;
    if (from === -1) {
      const v = b.dataSync().slice();
      v[to] = value;
      this.tf.tidy(() => b.assign(this.tf.tensor1d(v)));
      return true;
    }
    if (from < 0 || from >= fin) return false;
    const v = W.dataSync().slice();
    v[from * fout + to] = value;
    this.tf.tidy(() => W.assign(this.tf.tensor2d(v, [fin, fout])));
    return true;
  }

  dispose(): void {
    for (const m of this.models) m.dispose();
    this.tf.dispose(Object.values(this.tensors));
  }
}

/** The class a row of logits predicts: argmax for q ≥ 3, z ≥ 0 for two classes. */
export function predictedClass(logits: ArrayLike<number>, row: number, q: number): number {
  if (q < 3) return logits[row]! >= 0 ? 1 : 0;
  let best = 0;
  for (let k = 1; k < q; k++) if (logits[row * q + k]! > logits[row * q + best]!) best = k;
  return best;
}

/** The output as a value in [−1, 1] for the heat map: tanh(z), 2σ(z) − 1, or z itself (regression). */
export function score(head: Head, z: number): number {
  if (head === 'tanh-mse') return Math.tanh(z);
  if (head === 'sigmoid-ce') return 2 / (1 + Math.exp(-z)) - 1;
  return z;
}

/** Settings whose change needs a new session (data or network); the rest change live. */
export function needsRebuild(a: PlaygroundState, b: PlaygroundState): boolean {
  const keys: (keyof PlaygroundState)[] = ['dataset', 'seed', 'noise', 'trainRatio', 'features', 'layers', 'points', 'optimizer', 'compare', 'mine', 'loss', 'momentum', 'beta1', 'beta2', 'rho', 'epsilon'];
  return keys.some((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
}
