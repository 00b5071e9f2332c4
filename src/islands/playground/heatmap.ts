// The big output map: a 100 × 100 canvas of the network's output over [−6, 6]² (or of the
// hovered neuron), the training points on an overlay canvas (test points too when asked), click
// to add a point, and a 查看数据 table (a 10 × 10 sample of the map and the points' predictions).
import { MAIN_GRID } from '../../playground/engine';
import { LIMITS } from '../../playground/state';
import { t } from '../../i18n/t';
import { classColor, css, diverging, fmt, h, palette, type Palette } from './dom';

export interface PointSet {
  x1: Float32Array;
  x2: Float32Array;
  label: Float32Array;
}

export interface Heatmap {
  el: HTMLElement;
  setPoints(train: PointSet, test: PointSet, regression: boolean): void;
  draw(main: Float32Array, mainClass: Uint8Array | null, opts: { discretize: boolean; showTest: boolean; focus: string | null }): void;
  redrawPoints(showTest: boolean): void;
  /** Called with domain coordinates when the map is clicked while adding points. */
  onClick(cb: (x1: number, x2: number) => void): void;
  setAdding(on: boolean): void;
  refreshTheme(): void;
}

const VIEW = 300;

export function createHeatmap(root: HTMLElement): Heatmap {
  const canvas = h('canvas', { width: MAIN_GRID, height: MAIN_GRID, class: 'pg-map-canvas', role: 'img', 'aria-label': t('playground.heatmapLabel') });
  const overlay = h('canvas', { width: VIEW * 2, height: VIEW * 2, class: 'pg-map-overlay', 'aria-hidden': 'true' });
  const frame = h('div', { class: 'pg-map-frame' }, canvas, overlay);
  const focusNote = h('p', { class: 'pg-note', 'aria-live': 'polite' });
  const table = h('div', { class: 'pg-table-wrap', tabindex: 0, role: 'region', 'aria-label': t('playground.viewData') });
  const details = h('details', { class: 'pg-data' }, h('summary', {}, t('playground.viewData')), table);
  const el = h('div', { class: 'pg-map' }, frame, focusNote, details);
  const ctx = canvas.getContext('2d')!;
  const octx = overlay.getContext('2d')!;
  const img = ctx.createImageData(MAIN_GRID, MAIN_GRID);
  let pal: Palette = palette(root);
  let train: PointSet | undefined;
  let test: PointSet | undefined;
  let regression = false;
  let showTestNow = false;
  let last: { main: Float32Array; mainClass: Uint8Array | null } | undefined;
  let clickCb: ((x1: number, x2: number) => void) | undefined;
  let adding = false;

  const toPx = (v: number) => ((v + LIMITS.domain) / (2 * LIMITS.domain)) * overlay.width;
  const drawPoints = () => {
    octx.clearRect(0, 0, overlay.width, overlay.height);
    const draw = (p: PointSet, isTest: boolean) => {
      for (let i = 0; i < p.x1.length; i++) {
        const x = toPx(p.x1[i]!);
        const y = overlay.height - toPx(p.x2[i]!);
        const l = p.label[i]!;
        octx.beginPath();
        octx.arc(x, y, 5, 0, 2 * Math.PI);
        if (regression) {
          const c = new Uint8ClampedArray(4);
          diverging(pal, l, c, 0);
          octx.fillStyle = `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
        } else octx.fillStyle = css(classColor(pal, l));
        octx.fill();
        octx.lineWidth = isTest ? 2.5 : 1.2;
        octx.strokeStyle = isTest ? pal.text : 'rgba(255,255,255,0.9)';
        octx.stroke();
      }
    };
    if (train) draw(train, false);
    if (test && showTestNow) draw(test, true);
  };

  const fillTable = () => {
    if (!details.open || !last) return;
    const rows: HTMLElement[] = [];
    const step = MAIN_GRID / 10;
    const head = h('tr', {}, h('th', { scope: 'col' }, 'X₂ \\ X₁'));
    for (let c = 0; c < 10; c++) head.append(h('th', { scope: 'col' }, fmt(-LIMITS.domain + ((c * step + step / 2) * 2 * LIMITS.domain) / MAIN_GRID, 3)));
    rows.push(head);
    for (let r = 0; r < 10; r++) {
      const gr = Math.floor(r * step + step / 2);
      const tr = h('tr', {}, h('th', { scope: 'row' }, fmt(LIMITS.domain - ((gr + 0.5) * 2 * LIMITS.domain) / MAIN_GRID, 3)));
      for (let c = 0; c < 10; c++) {
        const i = gr * MAIN_GRID + Math.floor(c * step + step / 2);
        tr.append(h('td', {}, last.mainClass ? `${last.mainClass[i]}（${fmt(last.main[i]!, 2)}）` : fmt(last.main[i]!, 3)));
      }
      rows.push(tr);
    }
    table.replaceChildren(h('table', {}, h('caption', {}, t('playground.gridTable')), h('tbody', {}, ...rows)));
  };
  details.addEventListener('toggle', fillTable);

  overlay.addEventListener('click', (e) => {
    if (!adding || !clickCb) return;
    const r = overlay.getBoundingClientRect();
    const x1 = ((e.clientX - r.left) / r.width) * 2 * LIMITS.domain - LIMITS.domain;
    const x2 = LIMITS.domain - ((e.clientY - r.top) / r.height) * 2 * LIMITS.domain;
    clickCb(Math.round(x1 * 100) / 100, Math.round(x2 * 100) / 100);
  });

  return {
    el,
    setPoints(tr, te, reg) {
      train = tr;
      test = te;
      regression = reg;
      drawPoints();
    },
    draw(main, mainClass, opts) {
      last = { main, mainClass };
      const d = img.data;
      for (let i = 0; i < main.length; i++) {
        let v = main[i]!;
        if (mainClass) {
          const c = classColor(pal, mainClass[i]!);
          const a = opts.discretize ? 1 : Math.max(0, Math.min(1, (v - 0.34) / 0.66)) * 0.85 + 0.15;
          d[i * 4] = pal.mid[0] + (c[0] - pal.mid[0]) * a;
          d[i * 4 + 1] = pal.mid[1] + (c[1] - pal.mid[1]) * a;
          d[i * 4 + 2] = pal.mid[2] + (c[2] - pal.mid[2]) * a;
          d[i * 4 + 3] = 255;
          continue;
        }
        if (opts.discretize && opts.focus === null) v = v >= 0 ? 1 : -1;
        diverging(pal, v, d, i * 4);
      }
      ctx.putImageData(img, 0, 0);
      if (opts.showTest !== showTestNow) {
        showTestNow = opts.showTest;
        drawPoints();
      }
      focusNote.textContent = opts.focus ? t('playground.heatmapFocus', { name: opts.focus }) : '';
      fillTable();
    },
    redrawPoints(st) {
      showTestNow = st;
      drawPoints();
    },
    onClick(cb) {
      clickCb = cb;
    },
    setAdding(on) {
      adding = on;
      frame.classList.toggle('pg-adding', on);
    },
    refreshTheme() {
      pal = palette(root);
      drawPoints();
    },
  };
}
