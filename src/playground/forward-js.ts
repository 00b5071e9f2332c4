// The network's inference pass in plain JavaScript, from a weights snapshot: what the heat maps,
// neuron thumbnails and activation histograms draw. tfjs's CPU matMul costs ≈ 7 ms for a
// 10 000 × 8 × 8 product here (measured with tsx on this machine), while this loop does the
// whole 100 × 100 map of a 2-8-8-1 network in about a millisecond, so maps can redraw every
// frame while tfjs trains. Inference only (no dropout; batch norm with the moving statistics),
// the same as Model.forward(…, { training: false }); tests/unit/playground.test.ts checks they agree.
import type { WeightsSnapshot } from './engine';
import type { LayerSettings } from './state';

export interface JsForward {
  /** Activations H^(l) of every hidden layer (rows × units, flat) and the output logits. */
  hidden: Float32Array<ArrayBuffer>[];
  out: Float32Array<ArrayBuffer>;
}

const BN_EPSILON = 1e-3;

export function forwardJs(X: Float32Array, rows: number, layers: readonly LayerSettings[], w: WeightsSnapshot): JsForward {
  const depth = w.W.length;
  let h = X;
  let width = rows > 0 ? X.length / rows : 0;
  const hidden: Float32Array<ArrayBuffer>[] = [];
  for (let l = 0; l < depth; l++) {
    const W = Float64Array.from(w.W[l]!);
    const b = w.b[l]!;
    const out = b.length;
    const z = new Float32Array(rows * out);
    // Column-major copy of W: each output unit's weights are contiguous for the dot product.
    const Wt = new Float64Array(W.length);
    for (let j = 0; j < width; j++) for (let k = 0; k < out; k++) Wt[k * width + j] = W[j * out + k]!;
    for (let r = 0; r < rows; r++) {
      const ho = r * width;
      const zo = r * out;
      for (let k = 0; k < out; k++) {
        let acc = b[k]!;
        const wo = k * width;
        for (let j = 0; j < width; j++) acc += h[ho + j]! * Wt[wo + j]!;
        z[zo + k] = acc;
      }
    }
    if (l === depth - 1) return { hidden, out: z };
    const layer = layers[l]!;
    if (layer.batchNorm) {
      const mean = w.movingMean[l]!;
      const variance = w.movingVar[l]!;
      const gamma = w.gamma[l]!;
      const beta = w.beta[l]!;
      const scale = mean.map((_, k) => gamma[k]! / Math.sqrt(variance[k]! + BN_EPSILON));
      for (let i = 0; i < z.length; i++) {
        const k = i % out;
        z[i] = (z[i]! - mean[k]!) * scale[k]! + beta[k]!;
      }
    }
    const a = z;
    switch (layer.activation) {
      case 'relu':
        for (let i = 0; i < a.length; i++) if (a[i]! < 0) a[i] = 0;
        break;
      case 'tanh':
        for (let i = 0; i < a.length; i++) a[i] = Math.tanh(a[i]!);
        break;
      case 'sigmoid':
        for (let i = 0; i < a.length; i++) a[i] = 1 / (1 + Math.exp(-a[i]!));
        break;
      case 'linear':
        break;
    }
    if (layer.residual && l > 0 && width === out) for (let i = 0; i < a.length; i++) a[i]! += h[i]!;
    hidden.push(a);
    h = a;
    width = out;
  }
  return { hidden, out: new Float32Array(0) };
}
