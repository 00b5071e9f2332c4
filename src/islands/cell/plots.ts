// Plots for code cells, loaded only when a run draws one.
//
// chart.js rather than uPlot: chart.js is already a dependency (no new package on a machine
// without a network), tree-shakes to the scatter controller we use (≈ 60 KB gz, loaded only
// after a run), has legends, tooltips and titles built in, and updates data in place
// (`chart.update('none')`), which is what a slider needs. uPlot is smaller and faster for
// 100k-point series, which cells never draw (≤ 5 000 points per series).
// Heatmaps and images are drawn on a plain canvas (chart.js has no heatmap without a plugin).
// Every plot has a 查看数据 toggle with the same numbers as a table.
import { Chart, Legend, LinearScale, LineElement, PointElement, ScatterController, Title, Tooltip, type ChartDataset } from 'chart.js';
import { formatNumber } from '../../grader/format';
import { t } from '../../i18n/t';
import type { PlotSpec } from '../../sandbox/cell-protocol';

Chart.register(ScatterController, LineElement, PointElement, LinearScale, Legend, Tooltip, Title);

const MAX_TABLE_ROWS = 200;

interface Theme {
  text: string;
  muted: string;
  grid: string;
  bg: string;
  series: string[];
}

function theme(cell: HTMLElement): Theme {
  const cs = getComputedStyle(cell);
  const v = (name: string, fallback: string) => cs.getPropertyValue(name).trim() || fallback;
  return {
    text: v('--text', '#1d2129'),
    muted: v('--text-muted', '#545b66'),
    grid: v('--border', '#dadde3'),
    bg: v('--bg', '#ffffff'),
    series: [1, 2, 3, 4, 5, 6].map((i) => v(`--cell-series-${i}`, '#2150c4')),
  };
}

export function createPlot(el: HTMLElement, spec: PlotSpec, cell: HTMLElement): { update(spec: PlotSpec): void } {
  const title = spec.title || t('cell.plotUntitled');
  const heading = document.createElement('p');
  heading.className = 'cell-plot-title';
  const frame = document.createElement('div');
  frame.className = `cell-plot-frame cell-plot-${spec.kind}`;
  const canvas = document.createElement('canvas');
  canvas.setAttribute('role', 'img');
  frame.append(canvas);
  const details = document.createElement('details');
  details.className = 'cell-data';
  const summary = document.createElement('summary');
  summary.textContent = t('cell.viewData');
  const tableWrap = document.createElement('div');
  tableWrap.className = 'cell-table-wrap';
  tableWrap.tabIndex = 0;
  details.append(summary, tableWrap);
  el.append(heading, frame, details);

  let current = spec;
  let chart: Chart<'scatter'> | undefined;
  const describe = (s: PlotSpec) => {
    const name = s.title || t('cell.plotUntitled');
    heading.textContent = name;
    if (s.kind === 'xy') canvas.setAttribute('aria-label', t('cell.plotLabel', { title: name, x: s.xLabel, y: s.yLabel }));
    else if (s.kind === 'heatmap') canvas.setAttribute('aria-label', t('cell.heatmapLabel', { title: name, rows: s.rows, cols: s.cols }));
    else canvas.setAttribute('aria-label', t('cell.imageLabel', { title: name, height: s.height, width: s.width }));
    el.dataset.plotKind = s.kind;
    el.dataset.plotData = JSON.stringify(s.kind === 'xy' ? s.series.map((x) => x.ys) : s.values.slice(0, 50));
    fillTable(tableWrap, s);
  };

  const datasets = (s: Extract<PlotSpec, { kind: 'xy' }>, th: Theme): ChartDataset<'scatter'>[] =>
    s.series.map((series, i) => {
      const color = th.series[i % th.series.length]!;
      const data = series.xs.map((x, j) => ({ x: x ?? NaN, y: series.ys[j] ?? NaN }));
      return series.type === 'line'
        ? { label: series.label, data, showLine: true, borderColor: color, backgroundColor: color, pointRadius: 0, borderWidth: 2 }
        : { label: series.label, data, showLine: false, borderColor: color, backgroundColor: color, pointRadius: 3.5 };
    });

  const drawXy = (s: Extract<PlotSpec, { kind: 'xy' }>) => {
    const th = theme(cell);
    const axis = (label: string) => ({
      type: 'linear' as const,
      title: { display: true, text: label, color: th.muted },
      ticks: { color: th.muted },
      grid: { color: th.grid },
      border: { color: th.grid },
    });
    if (chart) {
      chart.data.datasets = datasets(s, th);
      chart.options.scales = { x: axis(s.xLabel), y: axis(s.yLabel) };
      if (chart.options.plugins?.legend) chart.options.plugins.legend.display = s.series.length > 1;
      chart.update('none');
      return;
    }
    chart = new Chart(canvas, {
      type: 'scatter',
      data: { datasets: datasets(s, th) },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: { x: axis(s.xLabel), y: axis(s.yLabel) },
        plugins: {
          legend: { display: s.series.length > 1, labels: { color: th.text } },
          tooltip: { enabled: true },
        },
      },
    });
  };

  const drawGrid = (s: Exclude<PlotSpec, { kind: 'xy' }>) => {
    const th = theme(cell);
    const rows = s.kind === 'heatmap' ? s.rows : s.height;
    const cols = s.kind === 'heatmap' ? s.cols : s.width;
    canvas.width = cols;
    canvas.height = rows;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    const img = ctx.createImageData(cols, rows);
    if (s.kind === 'image') {
      for (let p = 0; p < rows * cols; p++) {
        for (let c = 0; c < 3; c++) img.data[p * 4 + c] = Math.round(255 * (s.values[s.channels === 1 ? p : p * 3 + c] ?? 0));
        img.data[p * 4 + 3] = 255;
      }
    } else {
      const finite = s.values.filter((x): x is number => x !== null);
      const lo = Math.min(...finite);
      const hi = Math.max(...finite);
      const [r0, g0, b0] = rgb(th.bg);
      const [r1, g1, b1] = rgb(th.series[0]!);
      for (let p = 0; p < rows * cols; p++) {
        const v = s.values[p];
        const u = v === null || v === undefined ? 0 : hi > lo ? (v - lo) / (hi - lo) : 1;
        img.data[p * 4] = r0 + (r1 - r0) * u;
        img.data[p * 4 + 1] = g0 + (g1 - g0) * u;
        img.data[p * 4 + 2] = b0 + (b1 - b0) * u;
        img.data[p * 4 + 3] = 255;
      }
    }
    ctx.putImageData(img, 0, 0);
  };

  const draw = (s: PlotSpec) => {
    current = s;
    describe(s);
    if (s.kind === 'xy') drawXy(s);
    else drawGrid(s);
  };
  draw(spec);
  void title;

  // Follow the site's theme toggle (html[data-theme]).
  const observer = new MutationObserver(() => {
    if (!el.isConnected) {
      observer.disconnect();
      return;
    }
    chart?.destroy();
    chart = undefined;
    draw(current);
  });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });

  return { update: draw };
}

function rgb(color: string): [number, number, number] {
  const m = /^#([0-9a-f]{6})$/i.exec(color);
  if (m) {
    const n = parseInt(m[1]!, 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  }
  const r = /rgba?\((\d+)[ ,]+(\d+)[ ,]+(\d+)/.exec(color);
  return r ? [Number(r[1]), Number(r[2]), Number(r[3])] : [128, 128, 128];
}

const fmt = (x: number | null | undefined) => (x === null || x === undefined ? '—' : formatNumber(x));

function fillTable(wrap: HTMLElement, s: PlotSpec): void {
  const table = document.createElement('table');
  const caption = document.createElement('caption');
  caption.textContent = t('cell.tableCaption', { title: s.title || t('cell.plotUntitled') });
  table.append(caption);
  const head = document.createElement('tr');
  const body = document.createElement('tbody');
  const th = (text: string) => {
    const c = document.createElement('th');
    c.scope = 'col';
    c.textContent = text;
    head.append(c);
  };
  const row = (cells: string[]) => {
    const tr = document.createElement('tr');
    for (const text of cells) {
      const td = document.createElement('td');
      td.textContent = text;
      tr.append(td);
    }
    body.append(tr);
  };
  let total = 0;
  if (s.kind === 'xy') {
    const n = Math.max(...s.series.map((x) => x.xs.length));
    total = n;
    const sameX = s.series.every((x) => x.xs.length === s.series[0]!.xs.length && x.xs.every((v, i) => v === s.series[0]!.xs[i]));
    if (sameX) {
      th(s.xLabel);
      for (const series of s.series) th(`${series.label}（${s.yLabel}）`);
      for (let i = 0; i < Math.min(n, MAX_TABLE_ROWS); i++) row([fmt(s.series[0]!.xs[i]), ...s.series.map((x) => fmt(x.ys[i]))]);
    } else {
      th(t('cell.series'));
      th(s.xLabel);
      th(s.yLabel);
      total = 0;
      for (const series of s.series) {
        for (let i = 0; i < series.xs.length; i++) {
          total++;
          if (total <= MAX_TABLE_ROWS) row([series.label, fmt(series.xs[i]), fmt(series.ys[i])]);
        }
      }
    }
  } else {
    const rows = s.kind === 'heatmap' ? s.rows : s.height;
    const cols = s.kind === 'heatmap' ? s.cols : s.width;
    const per = s.kind === 'image' ? s.channels : 1;
    th(t('cell.rowHeader'));
    const shownCols = Math.min(cols, 32);
    for (let c = 0; c < shownCols; c++) th(String(c));
    total = rows;
    for (let r = 0; r < Math.min(rows, MAX_TABLE_ROWS); r++) {
      const cells = [String(r)];
      for (let c = 0; c < shownCols; c++) {
        const at = (r * cols + c) * per;
        cells.push(per === 1 ? fmt(s.values[at]) : [0, 1, 2].map((k) => fmt(s.values[at + k])).join('/'));
      }
      row(cells);
    }
  }
  const thead = document.createElement('thead');
  thead.append(head);
  table.append(thead, body);
  const parts: Node[] = [table];
  if (total > MAX_TABLE_ROWS) {
    const note = document.createElement('p');
    note.className = 'cell-note';
    note.textContent = t('cell.rowsTruncated', { n: MAX_TABLE_ROWS, total });
    parts.push(note);
  }
  wrap.replaceChildren(...parts);
}

export interface LiveMeta {
  title: string;
  xLabel: string;
  yLabel: string;
}
export interface LiveBatch {
  thin?: boolean | undefined;
  series: { name: string; xs: (number | null)[]; ys: (number | null)[] }[];
}
export interface LivePlot {
  /** A new run: drop the points, keep the element (and its place on the page). */
  reset(meta: LiveMeta): void;
  /** Queues points; nothing is drawn until render(). */
  append(batch: LiveBatch): void;
  /** Draws what was appended since the last render: one chart.update('none'). */
  render(): void;
  /** The run ended (done, stopped, timed out): the table under 查看数据 gets the final numbers. */
  finish(): void;
  points(): number;
}

/**
 * A live-training chart (train.log in a cell): one line per logged name, appended in place.
 * The island calls render() at most once per animation frame, however fast points arrive.
 */
export function createLivePlot(el: HTMLElement, meta: LiveMeta, cell: HTMLElement): LivePlot {
  const heading = document.createElement('p');
  heading.className = 'cell-plot-title';
  const frame = document.createElement('div');
  frame.className = 'cell-plot-frame cell-plot-xy';
  const canvas = document.createElement('canvas');
  canvas.setAttribute('role', 'img');
  frame.append(canvas);
  const details = document.createElement('details');
  details.className = 'cell-data';
  const summary = document.createElement('summary');
  summary.textContent = t('cell.viewData');
  const tableWrap = document.createElement('div');
  tableWrap.className = 'cell-table-wrap';
  tableWrap.tabIndex = 0;
  details.append(summary, tableWrap);
  el.append(heading, frame, details);
  el.dataset.plotKind = 'live';

  let current = meta;
  let series = new Map<string, { x: number; y: number }[]>();
  let chart: Chart<'scatter'> | undefined;
  let dirty = true;
  let total = 0;

  const spec = (): PlotSpec => ({
    kind: 'xy',
    title: current.title,
    xLabel: current.xLabel,
    yLabel: current.yLabel,
    series: [...series].map(([label, pts]) => ({ type: 'line' as const, label, xs: pts.map((p) => p.x), ys: pts.map((p) => (Number.isFinite(p.y) ? p.y : null)) })),
  });
  const describe = () => {
    const name = current.title || t('cell.plotUntitled');
    heading.textContent = name;
    canvas.setAttribute('aria-label', t('cell.plotLabel', { title: name, x: current.xLabel, y: current.yLabel }));
  };
  const build = () => {
    const th = theme(cell);
    const axis = (label: string) => ({
      type: 'linear' as const,
      title: { display: true, text: label, color: th.muted },
      ticks: { color: th.muted },
      grid: { color: th.grid },
      border: { color: th.grid },
    });
    chart?.destroy();
    chart = new Chart(canvas, {
      type: 'scatter',
      data: { datasets: [] },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        parsing: false,
        normalized: true,
        scales: { x: axis(current.xLabel), y: axis(current.yLabel) },
        plugins: { legend: { display: false, labels: { color: th.text } }, tooltip: { enabled: true } },
      },
    });
    dirty = true;
  };
  const sync = () => {
    if (!chart) return;
    const th = theme(cell);
    const names = [...series.keys()];
    names.forEach((name, i) => {
      const data = series.get(name)!;
      const ds = chart!.data.datasets[i];
      if (ds && ds.label === name) {
        ds.data = data;
        return;
      }
      const color = th.series[i % th.series.length]!;
      chart!.data.datasets[i] = { label: name, data, showLine: true, borderColor: color, backgroundColor: color, pointRadius: 0, borderWidth: 2 };
    });
    chart.data.datasets.length = names.length;
    if (chart.options.plugins?.legend) chart.options.plugins.legend.display = names.length > 1;
  };

  describe();
  build();
  const observer = new MutationObserver(() => {
    if (!el.isConnected) {
      observer.disconnect();
      chart?.destroy();
      return;
    }
    build();
    sync();
    chart?.update('none');
  });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  details.addEventListener('toggle', () => {
    if (details.open) fillTable(tableWrap, spec());
  });

  const live: LivePlot = {
    reset(meta) {
      current = meta;
      series = new Map();
      total = 0;
      describe();
      build();
      tableWrap.replaceChildren();
      el.dataset.livePoints = '0';
    },
    append(batch) {
      if (batch.thin) {
        total = 0;
        for (const [name, pts] of series) {
          const kept = pts.filter((_, i) => i % 2 === 0);
          series.set(name, kept);
          total += kept.length;
        }
      }
      for (const s of batch.series) {
        let pts = series.get(s.name);
        if (!pts) {
          pts = [];
          series.set(s.name, pts);
        }
        for (let i = 0; i < s.xs.length; i++) pts.push({ x: s.xs[i] ?? NaN, y: s.ys[i] ?? NaN });
        total += s.xs.length;
      }
      dirty = true;
    },
    render() {
      if (!dirty) return;
      dirty = false;
      sync();
      chart?.update('none');
      el.dataset.livePoints = String(total);
      el.dataset.liveRenders = String(Number(el.dataset.liveRenders ?? 0) + 1);
    },
    finish() {
      live.render();
      el.dataset.plotData = JSON.stringify([...series.values()].map((pts) => pts.slice(-50).map((p) => p.y)));
      if (details.open) fillTable(tableWrap, spec());
    },
    points: () => total,
  };
  return live;
}
