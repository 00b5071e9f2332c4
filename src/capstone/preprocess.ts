// A drawn digit → the 28×28 input the model sees, the way MNIST's digits were made (LeCun,
// Cortes & Burges, "The MNIST database of handwritten digits"): the digit's bounding box is
// scaled, keeping its aspect ratio, to fit a 20×20 box (the scaling leaves grey levels at the
// edges: anti-aliasing), then the result is placed in a 28×28 field so that its centre of mass
// lies at the centre of the field. Pure functions over numbers; tests/unit/capstone-model.test.ts.

/** Side of the box the digit's longer side is scaled to. */
export const BOX = 20;
/** Side of the field. */
export const FIELD = 28;
/** Ink below this (0–1) does not count for the bounding box. */
const INK_THRESHOLD = 0.1;

export interface Prepared {
  /** FIELD × FIELD values in [0, 1], row-major: 0 is background, 1 full ink. */
  pixels: Float32Array;
  /** The digit's bounding box in the source, [x0, y0, x1, y1) in source pixels. */
  box: [number, number, number, number];
  /** Size of the scaled digit (≤ BOX × BOX) and where its top-left corner went in the field. */
  scaled: { width: number; height: number; left: number; top: number };
}

/**
 * `ink` holds width × height values in [0, 1] (1 = ink), row-major. Returns null when nothing
 * is drawn.
 */
export function prepareDigit(ink: ArrayLike<number>, width: number, height: number): Prepared | null {
  let x0 = width;
  let y0 = height;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (ink[y * width + x]! <= INK_THRESHOLD) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  if (x1 < 0) return null;
  const bw = x1 - x0 + 1;
  const bh = y1 - y0 + 1;
  const scale = BOX / Math.max(bw, bh);
  const tw = Math.max(1, Math.round(bw * scale));
  const th = Math.max(1, Math.round(bh * scale));
  const small = resampleBox(ink, width, x0, y0, bw, bh, tw, th);
  // Centre of mass in pixel indices, then the shift that puts it on pixel (14, 14) of the field:
  // where MNIST's own digits have it (their centres of mass, measured the same way, lie within
  // about half a pixel of row 14, column 14; tests/unit/capstone-model.test.ts).
  let mass = 0;
  let mx = 0;
  let my = 0;
  for (let y = 0; y < th; y++) {
    for (let x = 0; x < tw; x++) {
      const v = small[y * tw + x]!;
      mass += v;
      mx += v * x;
      my += v * y;
    }
  }
  const left = Math.round(FIELD / 2 - mx / mass);
  const top = Math.round(FIELD / 2 - my / mass);
  const pixels = new Float32Array(FIELD * FIELD);
  for (let y = 0; y < th; y++) {
    const fy = y + top;
    if (fy < 0 || fy >= FIELD) continue;
    for (let x = 0; x < tw; x++) {
      const fx = x + left;
      if (fx < 0 || fx >= FIELD) continue;
      pixels[fy * FIELD + fx] = Math.min(1, small[y * tw + x]!);
    }
  }
  return { pixels, box: [x0, y0, x1 + 1, y1 + 1], scaled: { width: tw, height: th, left, top } };
}

/**
 * Area averaging: each target pixel is the mean of the source area it covers (fractional
 * coverage at the edges), the anti-aliased downscaling that leaves grey edges.
 */
export function resampleBox(src: ArrayLike<number>, stride: number, x0: number, y0: number, w: number, h: number, tw: number, th: number): Float32Array {
  const sx = w / tw;
  const sy = h / th;
  const weights = (n: number, s: number, count: number) => {
    // For each target index, the source indices it covers and by how much.
    const out: { i: number; w: number }[][] = [];
    for (let t = 0; t < count; t++) {
      const a = t * s;
      const b = Math.min((t + 1) * s, n);
      const list: { i: number; w: number }[] = [];
      for (let i = Math.floor(a); i < Math.ceil(b); i++) {
        const cover = Math.min(b, i + 1) - Math.max(a, i);
        if (cover > 0) list.push({ i, w: cover / (b - a) });
      }
      out.push(list);
    }
    return out;
  };
  const wx = weights(w, sx, tw);
  const wy = weights(h, sy, th);
  const out = new Float32Array(tw * th);
  for (let ty = 0; ty < th; ty++) {
    for (let tx = 0; tx < tw; tx++) {
      let acc = 0;
      for (const { i: iy, w: ky } of wy[ty]!) {
        const row = (y0 + iy) * stride + x0;
        for (const { i: ix, w: kx } of wx[tx]!) acc += src[row + ix]! * ky * kx;
      }
      out[ty * tw + tx] = acc;
    }
  }
  return out;
}

/** The model's input from the field's pixels: (255·v − mean) / std, as the cell trained it. */
export function modelInput(pixels: Float32Array, input: { mean: number; std: number }): Float32Array {
  const x = new Float32Array(pixels.length);
  for (let i = 0; i < x.length; i++) x[i] = (255 * pixels[i]! - input.mean) / input.std;
  return x;
}
