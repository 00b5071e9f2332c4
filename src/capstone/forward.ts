// Inference of a kept model (./model-format.ts) in plain JavaScript, one sample at a time: what
// the drawing pad runs, in a worker of the site's own code, on numbers only. Why not tfjs: the
// pad needs one forward pass of a small model per stroke, which this does in about a millisecond,
// while loading tfjs (core, CPU backend and layers) would add ≈ 300 KB gzip and half a second of
// start-up to the page for the same numbers. tests/unit/capstone-model.test.ts checks, layer by
// layer, that it agrees with tfjs's own layers on random models.
import type { Activation, KeptModel, LayerPlan } from './model-format';

/** Runs the model on one sample (already scaled: (pixel − mean) / std), returning its q outputs. */
export function forward(model: Pick<KeptModel, 'weights'>, plan: readonly LayerPlan[], x: Float32Array): Float32Array {
  let h = x;
  let w = 0;
  for (const p of plan) {
    const s = p.spec;
    switch (s.type) {
      case 'dense': {
        const W = model.weights[w++]!.values;
        const b = s.useBias ? model.weights[w++]!.values : undefined;
        const d = p.input[0]!;
        const out = new Float32Array(s.units);
        for (let k = 0; k < s.units; k++) out[k] = b ? b[k]! : 0;
        for (let j = 0; j < d; j++) {
          const xj = h[j]!;
          if (xj === 0) continue;
          const row = j * s.units;
          for (let k = 0; k < s.units; k++) out[k]! += xj * W[row + k]!;
        }
        h = activate(out, s.activation);
        break;
      }
      case 'conv2d': {
        const K = model.weights[w++]!.values;
        const b = s.useBias ? model.weights[w++]!.values : undefined;
        const [H, Wd, C] = p.input as [number, number, number];
        const [oh, ow, F] = p.output as [number, number, number];
        const [kh, kw] = s.kernelSize;
        const [sh, sw] = s.strides;
        const [top, left] = padding(s.padding, H, Wd, kh, kw, sh, sw, oh, ow);
        const out = new Float32Array(oh * ow * F);
        for (let r = 0; r < oh; r++) {
          for (let c = 0; c < ow; c++) {
            const o = (r * ow + c) * F;
            for (let f = 0; f < F; f++) out[o + f] = b ? b[f]! : 0;
            for (let i = 0; i < kh; i++) {
              const y = r * sh + i - top;
              if (y < 0 || y >= H) continue;
              for (let j = 0; j < kw; j++) {
                const xx = c * sw + j - left;
                if (xx < 0 || xx >= Wd) continue;
                for (let ci = 0; ci < C; ci++) {
                  const v = h[(y * Wd + xx) * C + ci]!;
                  if (v === 0) continue;
                  const k = ((i * kw + j) * C + ci) * F;
                  for (let f = 0; f < F; f++) out[o + f]! += v * K[k + f]!;
                }
              }
            }
          }
        }
        h = activate(out, s.activation);
        break;
      }
      case 'maxPooling2d':
      case 'averagePooling2d': {
        const [H, Wd, C] = p.input as [number, number, number];
        const [oh, ow] = p.output as [number, number, number];
        const [kh, kw] = s.poolSize;
        const [sh, sw] = s.strides;
        const [top, left] = padding(s.padding, H, Wd, kh, kw, sh, sw, oh, ow);
        const max = s.type === 'maxPooling2d';
        const out = new Float32Array(oh * ow * C);
        for (let r = 0; r < oh; r++) {
          for (let c = 0; c < ow; c++) {
            for (let ci = 0; ci < C; ci++) {
              let acc = max ? -Infinity : 0;
              let count = 0;
              for (let i = 0; i < kh; i++) {
                const y = r * sh + i - top;
                if (y < 0 || y >= H) continue;
                for (let j = 0; j < kw; j++) {
                  const xx = c * sw + j - left;
                  if (xx < 0 || xx >= Wd) continue;
                  const v = h[(y * Wd + xx) * C + ci]!;
                  acc = max ? Math.max(acc, v) : acc + v;
                  count++;
                }
              }
              // tfjs's 'same' average pooling divides by the cells inside the image only.
              out[(r * ow + c) * C + ci] = max ? acc : acc / Math.max(count, 1);
            }
          }
        }
        h = out;
        break;
      }
      case 'flatten':
      case 'reshape':
      case 'dropout':
        break; // row-major channels-last data is already laid out as the next layer reads it
    }
  }
  return h;
}

/** Probabilities from the last layer's outputs: softmax, unless the model ends in one already. */
export function probabilities(plan: readonly LayerPlan[], out: Float32Array): Float32Array {
  const last = [...plan].reverse().find((p) => p.spec.type === 'dense' || p.spec.type === 'conv2d')?.spec;
  if (last && 'activation' in last && last.activation === 'softmax') return out;
  return activate(Float32Array.from(out), 'softmax');
}

/** TensorFlow's 'same' padding: the top/left share (the odd extra row or column goes last). */
function padding(mode: 'valid' | 'same', H: number, W: number, kh: number, kw: number, sh: number, sw: number, oh: number, ow: number): [number, number] {
  if (mode === 'valid') return [0, 0];
  const ph = Math.max((oh - 1) * sh + kh - H, 0);
  const pw = Math.max((ow - 1) * sw + kw - W, 0);
  return [Math.floor(ph / 2), Math.floor(pw / 2)];
}

function activate(a: Float32Array, fn: Activation): Float32Array {
  switch (fn) {
    case 'linear':
      return a;
    case 'relu':
      for (let i = 0; i < a.length; i++) if (a[i]! < 0) a[i] = 0;
      return a;
    case 'sigmoid':
      for (let i = 0; i < a.length; i++) a[i] = 1 / (1 + Math.exp(-a[i]!));
      return a;
    case 'tanh':
      for (let i = 0; i < a.length; i++) a[i] = Math.tanh(a[i]!);
      return a;
    case 'softmax': {
      // Over the last axis; a kept model's softmax ends it, so that is the whole vector.
      let m = -Infinity;
      for (const v of a) m = Math.max(m, v);
      let sum = 0;
      for (let i = 0; i < a.length; i++) sum += a[i] = Math.exp(a[i]! - m);
      for (let i = 0; i < a.length; i++) a[i]! /= sum;
      return a;
    }
  }
}
