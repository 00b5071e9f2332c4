// Export (TensorFlow Playground issue #39): the setup as JSON, the weights as JSON, and a code
// cell in the course's dialect (`tf`, `train`, `console` in scope; see src/components/Cell.astro)
// that rebuilds the same network from the same data and starting weights and trains it the same
// way — same ops in the same order on the same CPU backend — so its final training loss matches
// the playground's (the e2e test allows |Δ| ≤ EXPORT_LOSS_TOLERANCE).
import { featureMatrix } from './data';
import { headOf, initialSnapshot, layerShapes, makeData, targets, type WeightsSnapshot } from './engine';
import { classCount, encodeState, type PlaygroundState } from './state';

/** How close the exported cell's final training loss must be to the playground's. */
export const EXPORT_LOSS_TOLERANCE = 1e-5;
export const EXPORT_FORMAT = 'dlcourse-playground';

/** A float32 value printed with 9 significant digits: enough to come back as the same float32. */
const f = (x: number): string => {
  if (x === 0) return '0';
  return String(Number(Math.fround(x).toPrecision(9)));
};
const list = (xs: ArrayLike<number>) => `[${Array.from(xs, f).join(', ')}]`;

export function configJson(s: PlaygroundState): string {
  return JSON.stringify({ format: EXPORT_FORMAT, version: 1, kind: 'config', hash: encodeState(s), state: s }, null, 2);
}

export function weightsJson(s: PlaygroundState, epoch: number, weights: WeightsSnapshot[]): string {
  const shapes = layerShapes(s);
  return JSON.stringify({ format: EXPORT_FORMAT, version: 1, kind: 'weights', hash: encodeState(s), epoch, shapes, models: weights }, null, 2);
}

/** The seeded RNG and seed mixer of ./data.ts, as cell code (a unit test checks they agree). */
export const RNG_SOURCE = `function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}
function mixSeed(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const p of parts) {
    h = Math.imul(h ^ (p >>> 0), 0x01000193) >>> 0;
    h ^= h >>> 13;
  }
  return h & 0x7fffffff;
}`;

const OPT_CODE: Record<PlaygroundState['optimizer'], (s: PlaygroundState) => string> = {
  sgd: (s) => `tf.train.sgd(${f(s.learningRate)})`,
  momentum: (s) => `tf.train.momentum(${f(s.learningRate)}, ${s.momentum}, false)`,
  nesterov: (s) => `tf.train.momentum(${f(s.learningRate)}, ${s.momentum}, true)`,
  rmsprop: (s) => `tf.train.rmsprop(${f(s.learningRate)}, ${s.rho}, 0, ${s.epsilon}, false)`,
  adam: (s) => `tf.train.adam(${f(s.learningRate)}, ${s.beta1}, ${s.beta2}, ${s.epsilon})`,
};

const SCHEDULE_CODE: Record<PlaygroundState['schedule'], (s: PlaygroundState) => string> = {
  constant: (s) => `${f(s.learningRate)}`,
  step: (s) => `${f(s.learningRate)} * ${s.scheduleGamma} ** Math.floor(epoch / ${s.scheduleEvery})`,
  exp: (s) => `${f(s.learningRate)} * ${s.scheduleGamma} ** epoch`,
  cosine: (s) => `${f(s.learningRate)} * 0.5 * (1 + Math.cos((Math.PI * Math.min(epoch, ${s.scheduleEvery})) / ${s.scheduleEvery}))`,
};

/**
 * A cell that trains the playground's setup for `epochs` epochs from its seed and prints the
 * final training loss. It uses tf.train's optimizer of the setup (not 用我的实现) and the
 * current settings (not hand-edited weights or a learning rate changed halfway).
 */
export function cellCode(s: PlaygroundState, epochs: number): string {
  const head = headOf(s);
  const q = classCount(s.dataset);
  const yWidth = head.startsWith('softmax') ? q : 1;
  const d = s.features.length;
  const { train } = makeData(s);
  const X = featureMatrix(train, s.features);
  const Y = targets(train, head, q);
  const init = initialSnapshot(s);
  const shapes = layerShapes(s);
  const layers = s.layers.map((l) => ({ activation: l.activation, dropout: l.dropout, batchNorm: l.batchNorm, residual: l.residual }));
  const lossCode: Record<typeof head, string> = {
    regression: 'tf.squeeze(tf.square(tf.sub(out, Y)), [1])',
    'tanh-mse': 'tf.squeeze(tf.square(tf.sub(tf.tanh(out), Y)), [1])',
    'sigmoid-ce': 'tf.squeeze(tf.add(tf.sub(tf.relu(out), tf.mul(out, Y)), tf.log1p(tf.exp(tf.neg(tf.abs(out))))), [1])',
    'softmax-mse': 'tf.sum(tf.square(tf.sub(tf.softmax(out), Y)), 1)',
    'softmax-ce': 'tf.neg(tf.sum(tf.mul(Y, tf.logSoftmax(out)), 1))',
  };
  const penalty =
    s.regularization === 'none' || s.regRate === 0
      ? 'null'
      : `tf.mul(${s.regRate}, tf.addN(W.map((w) => ${s.regularization === 'l1' ? 'tf.sum(tf.abs(w))' : 'tf.mul(0.5, tf.sum(tf.square(w)))'})))`;
  const hasBn = s.layers.some((l) => l.batchNorm);
  const setLr =
    s.schedule === 'constant'
      ? ''
      : s.optimizer === 'adam' || s.optimizer === 'rmsprop'
        ? `    const rate = ${SCHEDULE_CODE[s.schedule](s)};\n    if (rate !== lr) { lr = rate; (opt as unknown as { learningRate: number }).learningRate = rate; }\n`
        : `    const rate = ${SCHEDULE_CODE[s.schedule](s)};\n    if (rate !== lr) { lr = rate; opt.setLearningRate(rate); }\n`;
  const row = (a: Float32Array, i: number, w: number) => list(a.subarray(i * w, i * w + w));
  return `// 由训练游乐场导出（${encodeState(s) || '默认设置'}），训练 ${epochs} 个 epoch。
// 数据、初始权重、打乱顺序和 dropout 的种子都与游乐场相同，最后打印的训练损失应与游乐场一致。
// 用的是 tf.train 的优化器与当前设置；手动改过的权重、中途改过的学习率不会导出。
${RNG_SOURCE}

const SEED = ${s.seed};
const EPOCHS = ${epochs};
const BATCH = ${s.batchSize};
const layers = ${JSON.stringify(layers)};
const shapes: [number, number][] = ${JSON.stringify(shapes)};
// 训练集：X 每行一个样本（${d} 个特征：${s.features.join(', ')}），Y 是目标（${head}）。
const Xrows: number[][] = [
${Array.from({ length: train.length }, (_, i) => `  ${row(X, i, d)},`).join('\n')}
];
const Yrows: number[][] = [
${Array.from({ length: train.length }, (_, i) => `  ${row(Y, i, yWidth)},`).join('\n')}
];
const init = {
  W: [${init.W.map(list).join(', ')}],
  b: [${init.b.map(list).join(', ')}],
};
const n = Xrows.length;
const W = shapes.map(([fin, fout], l) => tf.variable(tf.tensor2d(init.W[l]!, [fin, fout]), true));
const b = shapes.map((_, l) => tf.variable(tf.tensor1d(init.b[l]!), true));
${hasBn ? `const gamma = shapes.map(([, fout], l) => (layers[l]?.batchNorm ? tf.variable(tf.ones([fout]), true) : null));
const beta = shapes.map(([, fout], l) => (layers[l]?.batchNorm ? tf.variable(tf.zeros([fout]), true) : null));
const movingMean: (tf.Tensor | null)[] = shapes.map(([, fout], l) => (layers[l]?.batchNorm ? tf.zeros([fout]) : null));
const movingVar: (tf.Tensor | null)[] = shapes.map(([, fout], l) => (layers[l]?.batchNorm ? tf.ones([fout]) : null));
const vars = [...W.flatMap((w, l) => [w, b[l]!]), ...shapes.flatMap((_, l) => (gamma[l] ? [gamma[l]!, beta[l]!] : []))];` : 'const vars = W.flatMap((w, l) => [w, b[l]!]);'}

type Stats = { mean: tf.Tensor; variance: tf.Tensor }[];
function forward(X: tf.Tensor2D, training: boolean, stepSeed: number, stats: Stats): tf.Tensor2D {
  let h = X;
  for (let l = 0; l < W.length; l++) {
    let z = tf.add(tf.matMul(h, W[l]!), b[l]!) as tf.Tensor2D;
    if (l === W.length - 1) return z;
    const layer = layers[l]!;
${hasBn ? `    if (layer.batchNorm) {
      let mean: tf.Tensor, variance: tf.Tensor;
      if (training) {
        ({ mean, variance } = tf.moments(z, 0));
        stats.push({ mean: tf.keep(mean), variance: tf.keep(variance) });
      } else {
        mean = movingMean[l]!;
        variance = movingVar[l]!;
      }
      z = tf.add(tf.mul(tf.div(tf.sub(z, mean), tf.sqrt(tf.add(variance, 0.001))), gamma[l]!), beta[l]!) as tf.Tensor2D;
    }
` : ''}    let a = (layer.activation === 'relu' ? tf.relu(z) : layer.activation === 'tanh' ? tf.tanh(z) : layer.activation === 'sigmoid' ? tf.sigmoid(z) : z) as tf.Tensor2D;
    if (training && layer.dropout > 0) a = tf.dropout(a, layer.dropout, undefined, mixSeed(stepSeed, l)) as tf.Tensor2D;
    if (layer.residual && h.shape[1] === a.shape[1] && l > 0) a = tf.add(a, h) as tf.Tensor2D;
    h = a;
  }
  return h;
}
const sampleLoss = (out: tf.Tensor2D, Y: tf.Tensor2D) => ${lossCode[head]};
const penalty = () => ${penalty};
const opt = ${OPT_CODE[s.optimizer](s)};
let lr = ${f(s.learningRate)};
let steps = 0;
const Xtrain = tf.tensor2d(Xrows, [n, ${d}]);
const Ytrain = tf.tensor2d(Yrows, [n, ${yWidth}]);
const trainLoss = () => tf.tidy(() => tf.mean(sampleLoss(forward(Xtrain, false, 0, []), Ytrain)).dataSync()[0]!);
let loss = trainLoss();
train.log({ 训练损失: loss }, 0);
await train.loop(EPOCHS, (epoch) => {
  const order = Array.from({ length: n }, (_, i) => i);
  const rand = mulberry32(mixSeed(SEED, epoch, 31337));
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  for (let start = 0; start < n; start += BATCH) {
    const idx = order.slice(start, start + BATCH);
    const X = tf.tensor2d(idx.map((r) => Xrows[r]!), [idx.length, ${d}]);
    const Y = tf.tensor2d(idx.map((r) => Yrows[r]!), [idx.length, ${yWidth}]);
    const stepSeed = mixSeed(SEED, steps);
    const stats: Stats = [];
${setLr}    const { value, grads } = tf.variableGrads(() => {
      const data = tf.mean(sampleLoss(forward(X, true, stepSeed, stats), Y));
      const p = penalty();
      return (p ? tf.add(data, p) : data) as tf.Scalar;
    }, vars);
    opt.applyGradients(vars.map((v) => ({ name: v.name, tensor: grads[v.name]! })));
${hasBn ? `    let k = 0;
    for (let l = 0; l < W.length - 1; l++) {
      if (!layers[l]!.batchNorm) continue;
      const st = stats[k++]!;
      const nm = tf.tidy(() => tf.sub(movingMean[l]!, tf.mul(tf.sub(movingMean[l]!, st.mean), 1 - 0.99)));
      const nv = tf.tidy(() => tf.sub(movingVar[l]!, tf.mul(tf.sub(movingVar[l]!, st.variance), 1 - 0.99)));
      movingMean[l]!.dispose();
      movingVar[l]!.dispose();
      movingMean[l] = nm;
      movingVar[l] = nv;
    }
` : ''}    tf.dispose([X, Y, value, ...Object.values(grads), ...stats.flatMap((x) => [x.mean, x.variance])]);
    steps++;
  }
  loss = trainLoss();
  train.log({ 训练损失: loss }, epoch + 1);
}, { title: '训练损失', xLabel: 'epoch', yLabel: '损失' });
console.log('最终训练损失', String(loss)); // 全精度，便于与游乐场比较
`;
}
