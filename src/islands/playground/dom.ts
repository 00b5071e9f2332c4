// Small DOM helpers for the playground island. Learner-influenced text only ever goes in through
// textContent (h()'s string children), never as HTML.
type Attrs = Record<string, string | number | boolean | undefined | null>;

/** Creates an element: attributes (booleans toggle), then children (strings become text nodes). */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Node | string | null | undefined | false)[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') el.className = String(v);
    else if (k === 'text') el.textContent = String(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

let uid = 0;
/** A unique id for label/for pairs (several playgrounds can share a page). */
export const nextId = (prefix: string): string => `${prefix}-${++uid}`;

/** A labelled control in a wrapper that `<name>_hide` can hide. */
export function field(control: string | undefined, label: string, input: HTMLElement, extra?: Node): HTMLElement {
  const id = input.id || nextId('pg');
  input.id = id;
  return h('div', { class: 'pg-field', 'data-control': control }, h('label', { for: id }, label), input, extra ?? null);
}

export function select(options: readonly (readonly [string, string])[], value: string): HTMLSelectElement {
  const s = h('select', {});
  for (const [v, label] of options) s.append(h('option', { value: v }, label));
  s.value = value;
  return s;
}

export type Rgb = [number, number, number];

/** Parses '#rrggbb' or 'rgb(r, g, b)'. */
export function parseColor(c: string, fallback: Rgb): Rgb {
  const s = c.trim();
  let m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(s);
  if (m) return [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
  m = /^rgb\(\s*(\d+)[ ,]+(\d+)[ ,]+(\d+)/i.exec(s);
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3])];
  return fallback;
}

/** The playground's colours from CSS variables (they follow the dark/light theme). */
export interface Palette {
  neg: Rgb;
  mid: Rgb;
  pos: Rgb;
  third: Rgb;
  text: string;
  muted: string;
  grid: string;
  series: string[];
}
export function palette(el: Element): Palette {
  const cs = getComputedStyle(el);
  const v = (n: string, f: string) => cs.getPropertyValue(n).trim() || f;
  return {
    neg: parseColor(v('--pg-neg', '#e8710a'), [232, 113, 10]),
    mid: parseColor(v('--pg-mid', '#ffffff'), [255, 255, 255]),
    pos: parseColor(v('--pg-pos', '#0b6fbf'), [11, 111, 191]),
    third: parseColor(v('--pg-third', '#2e8b57'), [46, 139, 87]),
    text: v('--text', '#1d2129'),
    muted: v('--text-muted', '#545b66'),
    grid: v('--border', '#dadde3'),
    series: [1, 2, 3, 4, 5, 6].map((i) => v(`--pg-series-${i}`, '#2150c4')),
  };
}

/** Colour of a value in [−1, 1]: neg → mid → pos (TensorFlow Playground's orange–white–blue). */
export function diverging(p: Palette, v: number, out: Uint8ClampedArray, at: number): void {
  const u = Number.isFinite(v) ? Math.max(-1, Math.min(1, v)) : 0;
  const to = u >= 0 ? p.pos : p.neg;
  const a = Math.abs(u);
  out[at] = p.mid[0] + (to[0] - p.mid[0]) * a;
  out[at + 1] = p.mid[1] + (to[1] - p.mid[1]) * a;
  out[at + 2] = p.mid[2] + (to[2] - p.mid[2]) * a;
  out[at + 3] = 255;
}

export const classColor = (p: Palette, c: number): Rgb => (c === 0 ? p.neg : c === 1 ? p.pos : p.third);
export const css = (c: Rgb): string => `rgb(${c[0]}, ${c[1]}, ${c[2]})`;

/** A number for people: 4 significant digits, NaN/∞ spelled out. */
export function fmt(x: number | null | undefined, digits = 4): string {
  if (x === null || x === undefined) return '—';
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  if (x !== 0 && (Math.abs(x) < 1e-3 || Math.abs(x) >= 1e5)) return x.toExponential(digits - 1);
  return String(Number(x.toPrecision(digits)));
}
