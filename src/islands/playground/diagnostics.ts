// Diagnostics panel: per-layer gradient norms over epochs (a line chart), activation histograms
// per hidden layer (small canvases with a 查看数据 table), dead ReLUs, and the confusion matrix.
import { t } from '../../i18n/t';
import type { FrameMessage } from '../../playground/protocol';
import { createLineChart, type LineChart } from './charts';
import { css, fmt, h, palette } from './dom';

export interface DiagnosticsView {
  el: HTMLElement;
  /** Opened: the page asks the worker for diagnostics only then. */
  readonly open: boolean;
  reset(layers: number): void;
  update(f: FrameMessage, units: number[]): void;
  refreshTheme(): void;
}

export function createDiagnostics(root: HTMLElement, control: string): DiagnosticsView {
  const norms: LineChart = createLineChart(root, t('playground.gradNorms'), t('playground.gradNormsLabel'), 'epoch', '‖∂L/∂W‖', { logY: true });
  const hist = h('div', { class: 'pg-hists' });
  const histTable = h('div', { class: 'pg-table-wrap', tabindex: 0, role: 'region', 'aria-label': `${t('playground.histograms')}：${t('playground.viewData')}` });
  const dead = h('ul', { class: 'pg-dead' });
  const confusion = h('div', { class: 'pg-confusion' });
  const body = h(
    'div',
    { class: 'pg-diag-body' },
    norms.el,
    h('figure', { class: 'pg-chart' }, h('figcaption', {}, t('playground.histograms')), hist, h('details', { class: 'pg-data' }, h('summary', {}, t('playground.viewData')), histTable)),
    dead,
    h('div', {}, h('p', { class: 'pg-subhead' }, t('playground.confusion')), confusion),
  );
  const el = h('details', { class: 'pg-section', 'data-control': control }, h('summary', {}, t('playground.sections.diagnostics')), h('p', { class: 'pg-note' }, t('playground.diagnosticsOff')), body);
  let lastEpoch = -1;

  const drawHist = (counts: number[], cv: HTMLCanvasElement) => {
    const ctx = cv.getContext('2d');
    if (!ctx) return;
    const pal = palette(root);
    ctx.clearRect(0, 0, cv.width, cv.height);
    const max = Math.max(1, ...counts);
    const w = cv.width / counts.length;
    ctx.fillStyle = pal.series[0]!;
    counts.forEach((c, i) => {
      const bh = (c / max) * (cv.height - 2);
      ctx.fillRect(i * w + 1, cv.height - bh, w - 2, bh);
    });
    ctx.strokeStyle = css(pal.neg);
  };

  return {
    el,
    get open() {
      return el.open;
    },
    reset(layers) {
      norms.reset(Array.from({ length: layers }, (_, l) => t('playground.layerName', { l: l + 1 })));
      lastEpoch = -1;
      hist.replaceChildren();
      dead.replaceChildren();
      confusion.replaceChildren();
    },
    update(f, units) {
      const d = f.diagnostics;
      if (d && f.epoch !== lastEpoch && d.gradNorms.length > 0 && f.epoch > 0) {
        lastEpoch = f.epoch;
        norms.push(f.epoch, d.gradNorms);
        norms.render();
      }
      if (d) {
        if (hist.children.length !== d.hist.length) {
          hist.replaceChildren(...d.hist.map((_, l) => h('canvas', { width: 120, height: 48, role: 'img', 'data-layer': l })));
        }
        d.hist.forEach((hg, l) => {
          const cv = hist.children[l] as HTMLCanvasElement;
          cv.setAttribute('aria-label', t('playground.histLabel', { l: l + 1, lo: fmt(hg.lo, 3), hi: fmt(hg.hi, 3) }));
          drawHist(hg.counts, cv);
        });
        histTable.replaceChildren(
          h('table', {}, h('tbody', {}, ...d.hist.map((hg, l) => h('tr', {}, h('th', { scope: 'row' }, t('playground.histLabel', { l: l + 1, lo: fmt(hg.lo, 3), hi: fmt(hg.hi, 3) })), h('td', {}, hg.counts.join(' ')))))),
        );
        const lines = d.dead.map((n, l) => (n === null ? null : h('li', {}, t('playground.deadRelu', { l: l + 1, dead: n, units: units[l] ?? 0 })))).filter((x): x is HTMLLIElement => x !== null);
        dead.replaceChildren(...(lines.length ? lines : [h('li', {}, t('playground.noDead'))]));
        el.dataset.dead = JSON.stringify(d.dead);
      }
      const cm = f.test[0]?.confusion;
      if (cm) {
        const q = cm.length;
        confusion.replaceChildren(
          h(
            'table',
            {},
            h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, '真\\预'), ...Array.from({ length: q }, (_, k) => h('th', { scope: 'col' }, String(k))))),
            h('tbody', {}, ...cm.map((row, i) => h('tr', {}, h('th', { scope: 'row' }, String(i)), ...row.map((c) => h('td', {}, String(c)))))),
          ),
        );
      } else confusion.replaceChildren();
    },
    refreshTheme() {
      norms.refreshTheme();
    },
  };
}
