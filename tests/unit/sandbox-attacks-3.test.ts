// The third attack on grading (issue #26), each item closed by a test that fails if it reopens:
// allowed ops that are banned ones in disguise (exercises/<id>/disguises/, proved by
// tests/exercises.test.ts), a layer that answers for itself, a banned class brought back by
// name, student code that hangs the compiler, reports that flood, and learner text that skips
// sanitising. Through the same Node host the CLI uses, and through the CLI itself.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatHuman } from '../../src/grader/report';
import { createTestGrader } from '../support/node-grader';

const grader = createTestGrader();
afterAll(() => grader.dispose());

const HEAD = `import * as tf from '@tensorflow/tfjs';\n`;
const BIN = join(process.cwd(), 'src/cli/bin.mjs');
const cli = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000 });
const dir = mkdtempSync(join(tmpdir(), 'attack3-'));
const file = (name: string, code: string) => {
  const path = join(dir, name);
  writeFileSync(path, code);
  return path;
};
/** Terminal control: C0 (but tab and newline), DEL, C1 (8-bit CSI, OSC), bidi overrides and isolates. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** dense-layer's reference solution, with `body` added to the class. */
const denseWith = (body: string, build = true) => `${HEAD}
export class MyDense extends tf.layers.Layer {
  static className = 'MyDense';
  units: number; activation: string; useBias: boolean;
  kernel: any = null; bias: any = null;
  constructor(c: any) { super({}); this.units = c.units; this.activation = c.activation ?? 'linear'; this.useBias = c.useBias ?? true; }
  ${build ? `build(s: any) { const shape = Array.isArray(s[0]) ? s[0] : s; const d = shape[shape.length - 1];
    this.kernel = this.addWeight('kernel', [d, this.units], 'float32', tf.initializers.glorotUniform({}));
    if (this.useBias) this.bias = this.addWeight('bias', [this.units], 'float32', tf.initializers.zeros());
    this.built = true; }` : ''}
  call(inputs: any) { return tf.tidy(() => { const x = Array.isArray(inputs) ? inputs[0] : inputs;
    let y = tf.matMul(x, this.kernel.read ? this.kernel.read() : this.kernel); if (this.bias) y = tf.add(y, this.bias.read ? this.bias.read() : this.bias);
    return this.activation === 'relu' ? tf.relu(y) : y; }); }
  computeOutputShape(s: any) { const shape = Array.isArray(s[0]) ? s[0] : s; return [shape[0] ?? null, this.units]; }
  ${body}
}`;

describe('a layer is graded by what the framework tracked, not by what it says about itself', () => {
  it('a layer that never calls addWeight and overrides weights, setWeights and countParams fails', async () => {
    // It keeps the grader's weights in plain fields and reports shapes and counts it made up.
    const code = denseWith(`
  build(s: any) { this.built = true; }
  get weights(): any { const d = 3; return this.useBias ? [{ shape: [d, this.units] }, { shape: [this.units] }] : [{ shape: [d, this.units] }]; }
  setWeights(w: any[]) { this.kernel = tf.keep(w[0].clone()); this.bias = this.useBias ? tf.keep(w[1].clone()) : null; }
  countParams() { return 0; }`, false);
    const r = await grader.grade('dense-layer', code, 1);
    expect(r.passed).toBe(false);
    expect(r.cases.filter((c) => c.passed)).toEqual([]);
  });

  it('weights pushed into the tracked lists by hand do not count as added', async () => {
    const code = denseWith(`
  build(s: any) { const shape = Array.isArray(s[0]) ? s[0] : s; const d = shape[shape.length - 1];
    this.kernel = tf.variable(tf.zeros([d, this.units])); this.bias = this.useBias ? tf.variable(tf.zeros([this.units])) : null;
    (this as any)._trainableWeights.push({ shape: [d, this.units], read: () => this.kernel, write: (v: any) => this.kernel.assign(v) });
    this.built = true; }`, false);
    const r = await grader.grade('dense-layer', code, 1);
    expect(r.passed).toBe(false);
  });

  it('countParams and setWeights overridden on top of honest weights change nothing', async () => {
    const code = denseWith(`
  countParams() { return 12345; }
  setWeights(_w: any[]) { /* ignores the grader */ }`);
    const r = await grader.grade('dense-layer', code, 1);
    // Weights are set and counted through the variables addWeight returned: the overrides are never called.
    expect(r.error, r.error?.message).toBeUndefined();
    expect(r.passed).toBe(true);
  });
});

describe('a banned class is not brought back by its registered name', () => {
  it.each([
    ['TimeDistributed.fromConfig', `(() => { const td: any = (tf.layers as any).timeDistributed({ layer: new (tf.layers as any).Layer({}) }); return td.constructor.fromConfig(td.constructor, { layer: { className: 'Dense', config: { units: this.units } } }).layer; })()`],
    ['Sequential.fromConfig', `(() => { const m: any = (tf as any).sequential(); return m.constructor.fromConfig(m.constructor, { name: 's', layers: [{ className: 'Dense', config: { units: this.units, batchInputShape: [null, 3] } }] }).layers[0]; })()`],
  ])('%s', async (_name, getDense) => {
    const code = `${HEAD}
export class MyDense extends tf.layers.Layer {
  static className = 'MyDense';
  units: number; inner: any = null;
  constructor(c: any) { super({}); this.units = c.units; }
  call(x: any) { this.inner ??= ${getDense}; return this.inner.apply(Array.isArray(x) ? x[0] : x); }
  computeOutputShape(s: any) { return [s[0], this.units]; }
}`;
    const r = await grader.grade('dense-layer', code, 1);
    expect(r.passed).toBe(false);
    expect(r.error?.kind, r.error?.message).toBe('banned');
  });

  it("tfjs's custom-layer idiom works: static className, getConfig and serialization.registerClass", async () => {
    const code = `${grader.source('dense-layer', 'solution.ts').replace(/\n\}\s*$/, `
  override getConfig() { return { ...super.getConfig(), units: (this as any).units }; }
}`)}
tf.serialization.registerClass(MyDense);
`;
    const r = await grader.grade('dense-layer', code, 1);
    expect(r.error, r.error?.message).toBeUndefined();
    expect(r.passed).toBe(true);
  });
});

describe('compiling is learner input: a hung compile is a timeout of that submission only', () => {
  // Sucrase backtracks exponentially over nested generic arrow heads: 22 took 32 s, 28 take hours.
  const genericBomb = `${HEAD}export const relu = ${'<T>('.repeat(28)}x${')'.repeat(28)};\n`;
  // Sucrase rejects this at once; TypeScript's parser, asked where the error is, speculates exponentially.
  const asyncBomb = `${HEAD}export function softmax(z: tf.Tensor) { return ${'async ('.repeat(30)}\n`;

  it('sucrase backtracking ends as a timeout verdict, with one JSON object from the CLI', () => {
    const r = cli(['grade', 'relu', file('generic.ts', genericBomb), '--json', '--seed', '1']);
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.passed).toBe(false);
    expect(out.error.kind).toBe('timeout');
  });

  it("TypeScript's speculation is cut short: the verdict is a compile error with sucrase's position", () => {
    const r = cli(['grade', 'softmax', file('async.ts', asyncBomb), '--json', '--seed', '1']);
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.error.kind).toBe('compile');
    expect(out.error.message).toMatch(/第 \d+ 行/);
  });

  it('an ordinary syntax error is still refined by TypeScript to the real line', async () => {
    const r = await grader.grade('sigmoid', `${HEAD}export const sigmoid = (z: tf.Tensor) => {\n  const a = tf.neg(z);\n  return tf.div(1, tf.add(1, tf.exp(a))\n};\n`, 1);
    // Sucrase blames the arrow on line 2; TypeScript points at the "}" of line 5, where the call is still open.
    expect(r.error?.kind).toBe('compile');
    expect(r.error?.line).toBe(5);
    expect(r.error?.message).toMatch(/第 5 行.*这里缺少/);
  });
});

describe('reports have a budget, and every piece of learner text is sanitised', () => {
  it('a result with 9,990 long keys gives a bounded, parseable JSON report', () => {
    const code = `${HEAD}export function sigmoid(z: tf.Tensor): any { const o: any = {}; for (let i = 0; i < 9990; i++) o['k'.repeat(190) + String(i).padStart(5, '0')] = i; return o; }\n`;
    const r = cli(['grade', 'sigmoid', file('keys.ts', code), '--json', '--seed', '1']);
    expect(r.status).toBe(1);
    expect(r.stdout.length).toBeLessThan(400_000);
    const out = JSON.parse(r.stdout);
    expect(out.passed).toBe(false);
    expect(JSON.stringify(out)).toContain('（已截断）');
  });

  it('control characters in returned keys, thrown messages and logs never reach the human report', async () => {
    const evil = '\\u001b]0;owned\\u0007\\u001b]52;c;cm0gLXJmIH4=\\u0007\\u009b31m\\u202e\\u0007';
    const code = `${HEAD}export function sigmoid(z: tf.Tensor): any {
  console.log('${evil}log');
  const o: any = {}; o['${evil}key'] = 1; o['b${evil}'] = tf.zerosLike(z);
  if (z.size === 5) throw new Error('${evil}thrown');
  return o;
}\n`;
    const r = await grader.grade('sigmoid', code, 1);
    const human = formatHuman(r, 'Sigmoid');
    expect(human).toContain('key');
    expect(human).not.toMatch(CONTROL);
    expect(JSON.stringify(r)).not.toMatch(/\\u001b|\\u0007|\\u009b|\u202e/);
  });
});

describe('standard globals a learner needs', () => {
  it('Float32Array and Float64Array exist in the compartment, frozen: new works, patching throws', async () => {
    const code = `${HEAD}export function sigmoid(z: tf.Tensor): tf.Tensor {
  const a = new Float32Array([0.5]);
  let patched = 'refused';
  try { (Float32Array.prototype as any).fill = () => 0; patched = 'patched'; } catch {}
  console.log('len ' + a.length + ' ' + new Float64Array(2).length + ' ' + patched);
  return tf.tidy(() => tf.div(1, tf.add(1, tf.exp(tf.neg(z)))));
}\n`;
    const r = await grader.grade('sigmoid', code, 1);
    expect(r.logs.map((l) => l.text)).toContain('len 1 2 refused');
  });
});
