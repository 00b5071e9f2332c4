// Attacks on the learner realm, by class, through the same Node host the CLI uses (a child
// process per submission). Each attack would pass `sigmoid` with wrong code, or read, write or
// reach something, if its hole were open; each test asserts the verdict and what it reached.
import { afterAll, describe, expect, it } from 'vitest';
import { createTestGrader } from '../support/node-grader';

const grader = createTestGrader();
afterAll(() => grader.dispose());

const HEAD = `import * as tf from '@tensorflow/tfjs';\n`;
/** A wrong sigmoid whose only chance is the attack in `prelude`; it logs what it reached. */
const attack = (prelude: string, ret = 'tf.zerosLike(z)') => `${HEAD}${prelude}\nexport function sigmoid(z: tf.Tensor): tf.Tensor { return ${ret}; }`;
const logs = (r: { logs: { text: string }[] }) => r.logs.map((l) => l.text).join('\n');

describe('no path from an endowed object to the host', () => {
  const probes: [string, string][] = [
    ['a function constructor', `(() => {}).constructor('return process')()`],
    ["tf's functions", `(tf.add as any).constructor('return process')()`],
    ['a tensor', `(tf.scalar(1) as any).constructor.constructor('return process')()`],
    ['console', `(console.log as any).constructor('return process')()`],
    ['the module function', `(require as any).constructor('return process')()`],
    ['a thrown host error', `(() => { try { (tf as any).scalar(1).reshape([7]); } catch (e: any) { return e.constructor.constructor('return process')(); } })()`],
    ['async functions', `Object.getPrototypeOf(async function () {}).constructor('return process')()`],
    ['generators', `Object.getPrototypeOf(function* () {}).constructor('return process')()`],
    ['this at the top level', `(function (this: any) { return this?.process; })()`],
    ['new Function', `new Function('return globalThis.process')()`],
    ['indirect eval', `(0, eval)('typeof process === "undefined" ? undefined : process')`],
  ];
  it.each(probes)('through %s', async (_name, expr) => {
    const r = await grader.grade('sigmoid', attack(`let reached: unknown;\ntry { reached = ${expr}; } catch (e) { reached = 'threw'; }\nconsole.log('reached: ' + (reached && typeof reached === 'object' && 'pid' in (reached as object) ? 'PROCESS' : String(reached)));`), 1);
    expect(logs(r)).toMatch(/reached: /);
    expect(logs(r)).not.toContain('PROCESS');
    expect(r.passed).toBe(false);
  });

  it('globals of the host (process, require, module, fetch, _tfengine) are not in the realm', async () => {
    const names = ['process', 'require', 'module', 'fetch', '_tfengine', '_tfGlobals', 'setTimeout', 'Buffer', 'WebAssembly'];
    // fetch (like every OFFLINE_GLOBALS name) is a getter that throws the realm's own "no network" error.
    const r = await grader.grade('sigmoid', attack(`console.log(${JSON.stringify(names)}.map((n) => { try { return n + '=' + typeof (globalThis as any)[n]; } catch { return n + '=blocked'; } }).join(' '));`), 1);
    for (const n of names.slice(0, 8)) expect(logs(r)).toContain(n === 'fetch' ? 'fetch=blocked' : `${n}=undefined`);
  });
});

describe('patches of intrinsics and tfjs objects change nothing the host reads', () => {
  it('the TypedArray iterator and Array.from are frozen', async () => {
    const r = await grader.grade('sigmoid', attack(`
for (const f of [() => { (Float32Array.prototype as any)[Symbol.iterator] = function* () { yield 0.5; }; }, () => { Array.from = (() => []) as any; }, () => { (Object as any).keys = () => []; }]) {
  try { f(); console.log('patched'); } catch { console.log('refused'); }
}`), 1);
    expect(logs(r)).not.toContain('patched');
    expect(r.passed).toBe(false);
  });

  it("a patched dataSync, a shape getter and a look-alike tensor can't forge what crosses", async () => {
    const r = await grader.grade('sigmoid', attack(`
const P = tf.Tensor.prototype as any;
P.dataSync = function () { return new Float32Array(this.size).fill(0.5); };
P.arraySync = function () { return 0.5; };
`, `(() => { const t: any = tf.zerosLike(z); Object.defineProperty(t, 'shape', { get: () => [1] }); return t; })()`), 1);
    expect(r.passed).toBe(false);
    expect(r.cases.every((c) => !c.passed)).toBe(true);
    const fake = await grader.grade('sigmoid', attack('', `Object.create(tf.Tensor.prototype, { shape: { value: z.shape }, dtype: { value: 'float32' }, size: { value: z.size } })`), 1);
    expect(fake.passed).toBe(false);
    expect(fake.cases[0]?.message).toMatch(/不是 tfjs 创建的|类的实例/);
  });

  it('a getter on the exports object never runs on the host side', async () => {
    const code = `${HEAD}Object.defineProperty(exports, 'sigmoid', { enumerable: true, get() { return (z: tf.Tensor) => tf.zerosLike(z); } });`;
    const r = await grader.grade('sigmoid', code, 1);
    expect(r.passed).toBe(false);
    expect(r.error?.kind).toBe('type');
  });
});

describe('pure tf routes around a ban are closed', () => {
  const routes: [string, string, string][] = [
    ['sigmoid', 'a fused matMul with a sigmoid activation', `(tf as any).fused.matMul({ a: z.reshape([1, -1]), b: tf.eye(z.size), activation: 'sigmoid' }).reshape(z.shape)`],
    ['sigmoid', 'engine().runKernel', `(tf as any).engine().runKernel('Sigmoid', { x: z })`],
    ['sigmoid', 'the softplus identity', `tf.exp(tf.neg((tf as any).softplus(tf.neg(z))))`],
    ['sigmoid', 'a tensor method', `(z as any).sigmoid()`],
    ['sigmoid', 'a layer activation by name', `(tf as any).layers.activation({ activation: 'sigmoid' }).apply(z)`],
    ['sigmoid', 'the serialization registry', `(tf as any).serialization.SerializationMap.getMap()`],
    ['sigmoid', 'env()', `(tf as any).env().global.process`],
    ['sigmoid', 'util', `(tf as any).util.fetch`],
  ];
  it.each(routes)('%s: %s', async (id, _name, expr) => {
    const r = await grader.grade(id, attack('', expr), 1);
    expect(r.passed).toBe(false);
    expect(r.error?.kind).toBe('banned');
  });

  it('softmax: exp(z − logSumExp(z)) is banned', async () => {
    const code = `${HEAD}export function softmax(z: tf.Tensor) { return tf.exp(tf.sub(z, (tf as any).logSumExp(z, -1, true))); }`;
    const r = await grader.grade('softmax', code, 1);
    expect(r.error?.kind).toBe('banned');
  });

  it('relu: leakyRelu with slope 0 and prelu are banned', async () => {
    for (const body of [`tf.leakyRelu(x, 0)`, `tf.prelu(x, tf.scalar(0))`]) {
      const r = await grader.grade('relu', `${HEAD}export function relu(x: tf.Tensor) { return ${body}; }`, 1);
      expect(r.error?.kind, body).toBe('banned');
    }
  });

  it.each([
    ['conv2dTranspose (a backprop kernel that computes the convolution)', `tf.conv2dTranspose(x as any, tf.reverse(k as any, [0, 1]) as any, [1, 1, 1, 1] as any, 1, 'valid')`],
    ['conv3d of depth 1', `tf.conv3d((x as any).expandDims(1), (k as any).expandDims(0), 1, 'valid').squeeze([1])`],
    ['depthwiseConv2d', `tf.depthwiseConv2d(x as any, k as any, 1, 'valid')`],
  ])('conv2d: %s is banned', async (_name, body) => {
    const code = `${HEAD}export function conv2d(x: tf.Tensor4D, k: tf.Tensor4D) { return ${body}; }`;
    const r = await grader.grade('conv2d', code, 1);
    expect(r.error?.kind).toBe('banned');
  });

  it('two-layer-backprop: an optimizer and engine gradients are out of reach', async () => {
    for (const body of [`(tf as any).train.sgd(0.1).computeGradients(() => tf.sum(x))`, `(tf as any).engine().gradients(() => tf.sum(x), [x])`, `(tf as any).grad((a: tf.Tensor) => tf.sum(a))(x)`]) {
      const code = `${HEAD}export function twoLayerBackprop(x: any) { return ${body}; }`;
      const r = await grader.grade('two-layer-backprop', code, 1);
      expect(r.error?.kind, body).toBe('banned');
    }
  });

  it('a composite loss (softmax-cross-entropy through tf.losses) is out of reach', async () => {
    const code = `${HEAD}export function softmaxCrossEntropy(y: tf.Tensor, z: tf.Tensor) { return (tf as any).losses.softmaxCrossEntropy(y, z); }`;
    const r = await grader.grade('softmax-cross-entropy', code, 1);
    expect(r.error?.kind).toBe('banned');
  });
});

describe('channels and errors are reported truthfully', () => {
  it('a thrown object with banned: true is a runtime error with no borrowed text', async () => {
    const r = await grader.grade('sigmoid', attack(`throw { banned: true, message: '全部通过' };`), 1);
    expect(r.error?.kind).toBe('runtime');
    expect(r.passed).toBe(false);
  });

  it("a real banned error relabelled by learner code shows the guard's own message", async () => {
    const r = await grader.grade('sigmoid', attack('', `(() => { try { return (z as any).sigmoid(); } catch (e: any) { e.message = '一切正常'; throw e; } })()`), 1);
    expect(r.error?.kind).toBe('banned');
    expect(r.error?.message).toContain('tensor.sigmoid()');
    expect(r.error?.message).not.toContain('一切正常');
  });

  it('ANSI, C1 and bidi control characters are stripped from learner text', async () => {
    const r = await grader.grade('sigmoid', attack(`console.log('\\u001b[2J\\u001b[32m✓ 全部通过\\u009b31m\\u202e' + 'x');`), 1);
    const text = logs(r);
    expect(text).toContain('✓ 全部通过');
    expect(text).not.toMatch(/[\u001b\u009b\u202e]/);
  });

  it('a log flood is cut to a bounded size', async () => {
    const r = await grader.grade('sigmoid', attack(`for (let i = 0; i < 1e6; i++) console.log('x'.repeat(1000));`), 1);
    expect(JSON.stringify(r.logs).length).toBeLessThan(100_000);
  });
});

describe('limits are limits', () => {
  const LIMIT_SLACK_MS = 2000;
  it('a 10M-element output ends within the timeout with an output error', async () => {
    const t0 = Date.now();
    const r = await grader.grade('sigmoid', attack('', `tf.zeros([10_000_000])`), 1, { timeoutMs: 5000 });
    expect(Date.now() - t0).toBeLessThan(5000 + LIMIT_SLACK_MS + 3000);
    expect(r.passed).toBe(false);
    expect(r.cases[0]?.message).toMatch(/返回值太大/);
  });

  it('one tensor repeated under many keys counts every time', async () => {
    const r = await grader.grade('sigmoid', attack('', `(() => { const t = tf.zeros([500_000]); const o: any = {}; for (let i = 0; i < 20; i++) o['k' + i] = t; return o; })()`), 1, { timeoutMs: 30_000 });
    expect(r.cases[0]?.message).toMatch(/返回值太大/);
  }, 60_000);

  it('off-heap allocation is stopped by the memory watchdog', async () => {
    const r = await grader.grade('sigmoid', attack(`const keep: Uint8Array[] = []; for (let i = 0; i < 64; i++) keep.push(new Uint8Array(256 * 1024 * 1024).fill(1));`), 1, { timeoutMs: 60_000 });
    expect(r.passed).toBe(false);
    // The memory cap stopped it, not the (generous) timeout: the message says so.
    expect(r.error?.kind).toBe('runtime');
    expect(r.error?.message).toMatch(/内存/);
  }, 90_000);
});

describe('nothing one job does reaches the next', () => {
  it("job A patches every tfjs object it can reach; job B's verdict is unchanged", async () => {
    const solution = grader.source('sigmoid', 'solution.ts');
    const before = await grader.grade('sigmoid', solution, 4);
    const a = await grader.grade('sigmoid', attack(`
const P = tf.Tensor.prototype as any;
for (const k of Object.getOwnPropertyNames(P)) { try { P[k] = () => { throw new Error('patched by A'); }; } catch {} }
for (const k of Object.keys(tf)) { try { const f = (tf as any)[k]; if (typeof f === 'function') f.prototype && (f.prototype.dataSync = () => new Float32Array(1)); } catch {} }
try { (globalThis as any).tfPatched = true; } catch {}`), 4);
    expect(a.passed).toBe(false);
    const after = await grader.grade('sigmoid', solution, 4);
    expect(after.passed).toBe(true);
    expect(after.cases.map((c) => c.passed)).toEqual(before.cases.map((c) => c.passed));
  });
});
