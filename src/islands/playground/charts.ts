// Line charts of the playground (chart.js, loaded on first use like the cells' plots): the loss
// curves (train and test, per optimizer when two run side by side) and per-layer gradient norms.
// Each has a 查看数据 table. Updates are coalesced: at most CHART_HZ redraws a second, with
// chart.update('none'); the heat maps are what must redraw every frame, not the curves.
import { t } from '../../i18n/t';
import { fmt, h, palette } from './dom';

type ChartJs = typeof import('chart.js');
let chartJs: Promise<ChartJs> | undefined;
const loadChart = () =>
  (chartJs ??= import('chart.js').then((m) => {
    m.Chart.register(m.LineController, m.LineElement, m.PointElement, m.LinearScale, m.LogarithmicScale, m.Legend, m.Tooltip);
    return m;
  }));

const CHART_HZ = 10;
const MAX_TABLE_ROWS = 200;

export interface LineChart {
  el: HTMLElement;
  /** Replaces the series names (clears the data). */
  reset(names: string[]): void;
  /** Adds one x with a value per series. */
  push(x: number, ys: number[]): void;
  /** Draws what was pushed (coalesced). */
  render(): void;
  refreshTheme(): void;
  /** The points so far, per series (tests read them through data attributes too). */
  data(): { xs: number[]; ys: number[][] };
}

export function createLineChart(root: HTMLElement, title: string, ariaLabel: string, xLabel: string, yLabel: string, opts: { logY?: boolean; paired?: boolean } = {}): LineChart {
  const canvas = h('canvas', { role: 'img', 'aria-label': ariaLabel });
  const frame = h('div', { class: 'pg-chart-frame' }, canvas);
  const table = h('div', { class: 'pg-table-wrap', tabindex: 0, role: 'region', 'aria-label': `${title}：${t('playground.viewData')}` });
  const details = h('details', { class: 'pg-data' }, h('summary', {}, t('playground.viewData')), table);
  const el = h('figure', { class: 'pg-chart' }, h('figcaption', {}, title), frame, details);
  let names: string[] = [];
  let xs: number[] = [];
  let ys: number[][] = [];
  let chart: import('chart.js').Chart<'line'> | undefined;
  let dirty = false;
  let lastDraw = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let building = false;

  const datasets = () => {
    const pal = palette(root);
    // Paired series (train, test per optimizer) share a colour; the second of a pair is dashed.
    return names.map((name, i) => ({
      label: name,
      data: xs.map((x, j) => ({ x, y: ys[i]![j] ?? NaN })),
      borderColor: pal.series[(opts.paired ? i >> 1 : i) % pal.series.length]!,
      backgroundColor: pal.series[(opts.paired ? i >> 1 : i) % pal.series.length]!,
      borderDash: opts.paired && i % 2 === 1 ? [6, 4] : [],
      pointRadius: 0,
      borderWidth: 2,
    }));
  };
  const draw = async () => {
    dirty = false;
    lastDraw = performance.now();
    el.dataset.points = String(xs.length);
    el.dataset.series = String(names.filter((_, i) => ys[i]!.length > 0).length);
    if (details.open) fillTable();
    if (chart) {
      chart.data.datasets = datasets();
      chart.update('none');
      return;
    }
    if (building) return;
    building = true;
    const m = await loadChart();
    const pal = palette(root);
    const axis = (text: string, type: 'linear' | 'logarithmic' = 'linear') => ({ type, title: { display: true, text, color: pal.muted }, ticks: { color: pal.muted }, grid: { color: pal.grid } });
    chart = new m.Chart(canvas, {
      type: 'line',
      data: { datasets: datasets() },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        parsing: false,
        normalized: true,
        scales: { x: axis(xLabel), y: axis(yLabel, opts.logY ? 'logarithmic' : 'linear') },
        plugins: { legend: { labels: { color: pal.text } }, tooltip: { enabled: true } },
      },
    });
    building = false;
  };
  const fillTable = () => {
    const start = Math.max(0, xs.length - MAX_TABLE_ROWS);
    const head = h('tr', {}, h('th', { scope: 'col' }, xLabel), ...names.map((n) => h('th', { scope: 'col' }, n)));
    const rows = xs.slice(start).map((x, j) => h('tr', {}, h('th', { scope: 'row' }, String(x)), ...names.map((_, i) => h('td', {}, fmt(ys[i]![start + j])))));
    table.replaceChildren(h('table', {}, h('thead', {}, head), h('tbody', {}, ...rows)));
  };
  details.addEventListener('toggle', () => details.open && fillTable());

  return {
    el,
    reset(n) {
      names = n;
      xs = [];
      ys = n.map(() => []);
      chart?.destroy();
      chart = undefined;
      dirty = true;
    },
    push(x, values) {
      xs.push(x);
      values.forEach((v, i) => ys[i]?.push(v));
      dirty = true;
    },
    render() {
      if (!dirty) return;
      const wait = 1000 / CHART_HZ - (performance.now() - lastDraw);
      if (wait <= 0) void draw();
      else timer ??= setTimeout(() => {
        timer = undefined;
        if (dirty) void draw();
      }, wait);
    },
    refreshTheme() {
      chart?.destroy();
      chart = undefined;
      dirty = true;
      void draw();
    },
    data: () => ({ xs, ys }),
  };
}
