// The network view: one column per layer (the input features, each hidden layer, the output),
// a thumbnail heat map in every neuron, and links coloured by the weight's sign and sized by its
// magnitude. Hovering or focusing a neuron shows its map in the big view; clicking a neuron (or
// Enter) or a link opens the parameter editor (bias and incoming weights, as number inputs, so
// everything works from the keyboard). In step-through backprop each neuron shows δ and each
// link ∂ℓ/∂w, with the formula and its numbers in the editor and in the link's tooltip.
import { t } from '../../i18n/t';
import { feature, gridPoints } from '../../playground/data';
import { THUMB_GRID, type WeightsSnapshot } from '../../playground/engine';
import type { TraceMessage } from '../../playground/protocol';
import { outputUnits, type PlaygroundState } from '../../playground/state';
import { css, diverging, fmt, h, palette, type Palette } from './dom';

const NODE = 40;
const SVGNS = 'http://www.w3.org/2000/svg';

export interface NetworkView {
  el: HTMLElement;
  build(s: PlaygroundState): void;
  drawThumbs(thumbs: Float32Array): void;
  setWeights(w: WeightsSnapshot): void;
  /** Step-through backprop: 'forward' shows each neuron's h, 'backward' its δ and every ∂ℓ/∂w. */
  setTrace(tr: TraceMessage | null, phase?: 'forward' | 'backward'): void;
  onFocus(cb: (focus: [number, number] | null, name: string | null) => void): void;
  onSet(cb: (layer: number, from: number, to: number, value: number, what: string) => void): void;
  refreshTheme(): void;
}

export function createNetwork(root: HTMLElement): NetworkView {
  const area = h('div', { class: 'pg-net-area' });
  const svg = document.createElementNS(SVGNS, 'svg');
  svg.setAttribute('class', 'pg-net-links');
  svg.setAttribute('aria-hidden', 'true');
  const nodesBox = h('div', { class: 'pg-net-nodes' });
  area.append(svg, nodesBox);
  const editor = h('div', { class: 'pg-editor', role: 'group', hidden: true });
  const hint = h('p', { class: 'pg-note' }, t('playground.neuronHint'));
  const el = h('div', { class: 'pg-net' }, hint, area, editor);
  let pal: Palette = palette(root);
  let state: PlaygroundState | undefined;
  let widths: number[] = [];
  let names: string[][] = [];
  let thumbCanvases: HTMLCanvasElement[][] = [];
  let links: SVGPathElement[][][] = [];
  let weights: WeightsSnapshot | undefined;
  let trace: TraceMessage | null = null;
  let phase: 'forward' | 'backward' = 'backward';
  let selected: [number, number] | null = null;
  let focusCb: ((f: [number, number] | null, name: string | null) => void) | undefined;
  let setCb: ((layer: number, from: number, to: number, value: number, what: string) => void) | undefined;
  let geometry: { x: number[]; y: (c: number, r: number) => number; width: number; height: number } | undefined;
  const imgCache = new Map<HTMLCanvasElement, ImageData>();

  const layout = () => {
    const width = Math.max(area.clientWidth, 240);
    const cols = widths.length;
    const maxRows = Math.max(...widths);
    const gapY = 10;
    const height = maxRows * (NODE + gapY) + gapY;
    const x = widths.map((_, c) => (cols === 1 ? width / 2 : NODE / 2 + 4 + (c * (width - NODE - 8)) / (cols - 1)));
    const y = (c: number, r: number) => {
      const n = widths[c]!;
      const top = (height - n * (NODE + gapY) + gapY) / 2;
      return top + r * (NODE + gapY) + NODE / 2;
    };
    geometry = { x, y, width, height };
    area.style.height = `${height}px`;
    svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    svg.setAttribute('width', String(width));
    svg.setAttribute('height', String(height));
    thumbCanvases.forEach((col, c) =>
      col.forEach((cv, r) => {
        const btn = cv.parentElement!;
        btn.style.left = `${x[c]! - NODE / 2}px`;
        btn.style.top = `${y(c, r) - NODE / 2}px`;
      }),
    );
    links.forEach((layer, l) =>
      layer.forEach((from, j) =>
        from.forEach((p, k) => {
          const x0 = x[l]! + NODE / 2;
          const y0 = y(l, j);
          const x1 = x[l + 1]! - NODE / 2;
          const y1 = y(l + 1, k);
          const mx = (x0 + x1) / 2;
          p.setAttribute('d', `M${x0},${y0} C${mx},${y0} ${mx},${y1} ${x1},${y1}`);
        }),
      ),
    );
  };
  new ResizeObserver(() => {
    if (widths.length) layout();
  }).observe(area);

  const nodeName = (c: number, r: number) => names[c]?.[r] ?? '';

  const openEditor = (l: number, k: number, focusFrom?: number) => {
    // l: layer index of the weights (0 = first hidden layer's), k: unit in column l + 1.
    if (!state || !weights) return;
    selected = [l, k];
    const name = nodeName(l + 1, k);
    const W = weights.W[l]!;
    const b = weights.b[l]!;
    const fout = b.length;
    const fin = W.length / fout;
    const inputs: HTMLElement[] = [];
    const makeInput = (label: string, value: number, from: number, extra: string | null) => {
      const id = `pg-w-${Math.random().toString(36).slice(2)}`;
      const input = h('input', { id, type: 'number', step: 'any', value: String(Number(value.toPrecision(6))), 'data-from': from });
      input.addEventListener('change', () => {
        const v = Number(input.value);
        if (input.value.trim() === '' || !Number.isFinite(v)) {
          input.setAttribute('aria-invalid', 'true');
          status.textContent = t('playground.weightBad');
          return;
        }
        input.removeAttribute('aria-invalid');
        setCb?.(l, from, k, v, label);
      });
      return h('div', { class: 'pg-field' }, h('label', { for: id }, label), input, extra ? h('span', { class: 'pg-formula' }, extra) : null);
    };
    const tr = phase === 'backward' ? trace : null;
    const delta = tr?.delta[l]?.[k];
    inputs.push(makeInput(t('playground.bias'), b[k]!, -1, tr && delta !== undefined ? t('playground.traceBias', { value: fmt(tr.db[l]![k]!) }) : null));
    for (let j = 0; j < fin; j++) {
      const hPrev = tr ? (l === 0 ? tr.x[j] : tr.H[l - 1]?.[j]) : undefined;
      const grad = tr?.dW[l]?.[j * fout + k];
      const extra = tr && hPrev !== undefined && grad !== undefined && delta !== undefined ? t('playground.traceGrad', { h: fmt(hPrev), delta: fmt(delta), value: fmt(grad) }) : null;
      inputs.push(makeInput(t('playground.weightFrom', { from: nodeName(l, j) }), W[j * fout + k]!, j, extra));
    }
    const status = h('p', { class: 'pg-note', role: 'status' });
    const deltaLine = tr && delta !== undefined ? h('p', { class: 'pg-formula' }, deltaFormula(tr, l, k)) : null;
    editor.replaceChildren(h("h4", {}, t("playground.editTitle", { name })), ...(deltaLine ? [deltaLine] : []), ...inputs, status);
    editor.setAttribute('aria-label', t('playground.editTitle', { name }));
    editor.hidden = false;
    if (focusFrom !== undefined) editor.querySelector<HTMLInputElement>(`input[data-from="${focusFrom}"]`)?.focus();
  };

  const deltaFormula = (tr: TraceMessage, l: number, k: number): string => {
    const value = tr.delta[l]![k]!;
    const D = tr.delta.length;
    if (l === D - 1) return t('playground.traceDeltaOut', { value: fmt(value) });
    const layer = state!.layers[l]!;
    const next = state!.layers[l + 1];
    if (layer.batchNorm || layer.dropout > 0 || layer.residual || next?.residual) return t('playground.traceDeltaOther', { value: fmt(value) });
    const z = tr.Z[l]![k]!;
    const a = tr.H[l]![k]!;
    const dphi = layer.activation === 'relu' ? (z > 0 ? 1 : 0) : layer.activation === 'tanh' ? 1 - a * a : layer.activation === 'sigmoid' ? a * (1 - a) : 1;
    const W = weights!.W[l + 1]!;
    const fout = weights!.b[l + 1]!.length;
    let sum = 0;
    for (let m = 0; m < fout; m++) sum += W[k * fout + m]! * tr.delta[l + 1]![m]!;
    return t('playground.traceDeltaHidden', { dphi: fmt(dphi), sum: fmt(sum), value: fmt(value) });
  };

  const updateLinks = () => {
    if (!weights) return;
    links.forEach((layer, l) => {
      const W = weights!.W[l];
      const fout = weights!.b[l]?.length ?? 0;
      if (!W) return;
      layer.forEach((from, j) =>
        from.forEach((p, k) => {
          const w = W[j * fout + k] ?? 0;
          const width = Math.max(0.5, Math.min(6, Math.abs(w) * 2));
          p.setAttribute('stroke-width', width.toFixed(2));
          p.setAttribute('stroke', css(w >= 0 ? pal.pos : pal.neg));
          const tr = phase === 'backward' ? trace : null;
          const g = tr?.dW[l]?.[j * fout + k];
          const hPrev = tr ? (l === 0 ? tr.x[j] : tr.H[l - 1]?.[j]) : undefined;
          const d = tr?.delta[l]?.[k];
          const formula = g !== undefined && hPrev !== undefined && d !== undefined ? `，${t('playground.traceGrad', { h: fmt(hPrev), delta: fmt(d), value: fmt(g) })}` : '';
          const title = p.firstChild as SVGTitleElement;
          title.textContent = `${nodeName(l, j)} → ${nodeName(l + 1, k)}: w = ${fmt(w)}${formula}`;
        }),
      );
    });
  };

  const view: NetworkView = {
    el,
    build(s) {
      state = s;
      widths = [s.features.length, ...s.layers.map((l) => l.units), outputUnits(s.dataset)];
      names = widths.map((w, c) =>
        Array.from({ length: w }, (_, r) =>
          c === 0 ? t('playground.inputNeuron', { name: t(`playground.featureNames.${s.features[r]!}` as never) }) : c === widths.length - 1 ? t('playground.outputNeuron', { j: r + 1 }) : t('playground.neuron', { l: c, j: r + 1 }),
        ),
      );
      nodesBox.replaceChildren();
      svg.replaceChildren();
      imgCache.clear();
      thumbCanvases = widths.map((w, c) =>
        Array.from({ length: w }, (_, r) => {
          const cv = h('canvas', { width: THUMB_GRID, height: THUMB_GRID, 'aria-hidden': 'true' });
          const btn = h('button', { type: 'button', class: 'pg-node', 'aria-label': nodeName(c, r), 'data-col': c, 'data-row': r }, cv);
          if (c > 0) {
            const enter = () => focusCb?.(c < widths.length - 1 ? [c - 1, r] : null, c < widths.length - 1 ? nodeName(c, r) : null);
            btn.addEventListener('pointerenter', enter);
            btn.addEventListener('focus', enter);
            btn.addEventListener('pointerleave', () => focusCb?.(null, null));
            btn.addEventListener('blur', () => focusCb?.(null, null));
            btn.addEventListener('click', () => openEditor(c - 1, r));
          } else btn.disabled = false;
          nodesBox.append(btn);
          return cv;
        }),
      );
      // Input maps: the feature itself over the grid (computed here once).
      const pts = gridPoints(THUMB_GRID);
      thumbCanvases[0]!.forEach((cv, r) => {
        const f = s.features[r]!;
        const vals = pts.map((p) => feature(f, p.x1, p.x2));
        const max = Math.max(...vals.map(Math.abs)) || 1;
        paint(cv, Float32Array.from(vals, (v) => v / max));
      });
      links = widths.slice(0, -1).map((w, l) =>
        Array.from({ length: w }, (_, j) =>
          Array.from({ length: widths[l + 1]! }, (_, k) => {
            const p = document.createElementNS(SVGNS, 'path');
            p.setAttribute('fill', 'none');
            p.setAttribute('class', 'pg-link');
            p.append(document.createElementNS(SVGNS, 'title'));
            p.addEventListener('click', () => openEditor(l, k, j));
            svg.append(p);
            return p;
          }),
        ),
      );
      editor.hidden = true;
      selected = null;
      layout();
      updateLinks();
    },
    drawThumbs(thumbs) {
      const G = THUMB_GRID * THUMB_GRID;
      let off = 0;
      for (let c = 1; c < thumbCanvases.length; c++) {
        for (const cv of thumbCanvases[c]!) {
          paint(cv, thumbs.subarray(off, off + G));
          off += G;
        }
      }
    },
    setWeights(w) {
      weights = w;
      updateLinks();
      if (selected && !editor.hidden && !editor.contains(document.activeElement)) openEditor(selected[0], selected[1]);
    },
    setTrace(tr, p = 'backward') {
      trace = tr;
      phase = p;
      thumbCanvases.forEach((col, c) =>
        col.forEach((cv, r) => {
          const btn = cv.parentElement!;
          // Forward: the value each neuron passes on (the input itself in column 0); backward: δ.
          const v = !tr ? undefined : p === 'forward' ? (c === 0 ? tr.x[r] : tr.H[c - 1]?.[r]) : c > 0 ? tr.delta[c - 1]?.[r] : undefined;
          let badge = btn.querySelector<HTMLElement>('.pg-delta');
          if (v === undefined) {
            badge?.remove();
            btn.setAttribute('aria-label', nodeName(c, r));
            return;
          }
          const sym = p === 'forward' ? 'h' : 'δ';
          badge ??= btn.appendChild(h('span', { class: 'pg-delta', 'aria-hidden': 'true' }));
          // The accessible name contains the visible text (WCAG 2.5.3, label in name).
          badge.textContent = `${sym} ${fmt(v, 2)}`;
          btn.setAttribute('aria-label', `${nodeName(c, r)}，${badge.textContent}`);
        }),
      );
      updateLinks();
      if (selected) openEditor(selected[0], selected[1]);
    },
    onFocus(cb) {
      focusCb = cb;
    },
    onSet(cb) {
      setCb = cb;
    },
    refreshTheme() {
      pal = palette(root);
      updateLinks();
    },
  };

  function paint(cv: HTMLCanvasElement, values: Float32Array) {
    const ctx = cv.getContext('2d');
    if (!ctx) return;
    let img = imgCache.get(cv);
    if (!img) {
      img = ctx.createImageData(THUMB_GRID, THUMB_GRID);
      imgCache.set(cv, img);
    }
    for (let i = 0; i < values.length; i++) diverging(pal, values[i]!, img.data, i * 4);
    ctx.putImageData(img, 0, 0);
  }

  void geometry;
  return view;
}
