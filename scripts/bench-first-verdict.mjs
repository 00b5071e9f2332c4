#!/usr/bin/env node
/**
 * `npm run bench:first-verdict`: how long a new learner waits for a first verdict, next to how
 * long Python in the browser takes to give its first result.
 *
 *   ours     a fresh browser context opens /exercises/softmax/, pastes a correct softmax into the
 *            editor as soon as the page is usable (clipboard + Ctrl+V, as a person does), runs the
 *            tests (Ctrl+Enter), and stops the clock at 全部通过.
 *   Pyodide  a fresh browser context opens a page that loads Pyodide's core (pyodide 314.0.8 from
 *            node_modules, served locally like our site: no network) and runs one line of Python;
 *            the clock stops at its result.
 *
 * Both clocks start at navigation (performance.timeOrigin), both are served by the same local
 * server with gzip (scripts/serve-dist.mjs), in the same Chromium, alternating ours and Pyodide's
 * runs; prints the median of BENCH_RUNS (default 5) of each, and their ratio.
 * Options (env): BENCH_DIST (dist), BENCH_RUNS (5), BENCH_SW=block (no service worker: without
 * the offline precache that a first visit starts in the background).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { findChromium } from './find-chromium.mjs';
import { serveDist } from './serve-dist.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const DIST = process.env.BENCH_DIST ?? join(root, 'dist');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PYODIDE = join(root, 'node_modules/pyodide');
if (!existsSync(join(DIST, 'exercises', 'softmax', 'index.html'))) {
  console.error(`bench-first-verdict: ${DIST} 中没有构建好的站点，请先运行 npm run build / build the site first`);
  process.exit(1);
}
if (!existsSync(join(PYODIDE, 'pyodide.mjs'))) {
  console.error('bench-first-verdict: node_modules/pyodide is missing (npm ci)');
  process.exit(1);
}
const pyodideVersion = JSON.parse(readFileSync(join(PYODIDE, 'package.json'), 'utf8')).version;
const solution = readFileSync(join(root, 'exercises/softmax/solution.ts'), 'utf8');

const server = await serveDist({ dist: DIST, mounts: { '/pyodide/': PYODIDE } });
const PY_PAGE = `<!doctype html><meta charset="utf-8"><title>pyodide</title><p id="out">loading</p>
<script type="module">
import { loadPyodide } from '/pyodide/pyodide.mjs';
const py = await loadPyodide({ indexURL: '/pyodide/' });
const result = py.runPython('sum(i * i for i in range(10))');
document.getElementById('out').textContent = String(result);
window.__pyResult = { value: result, at: performance.now() };
</script>`;

const browser = await chromium.launch({
  executablePath: findChromium(),
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});

/** Records, in the page, the moment a verdict appears in the results panel. */
function watchVerdict() {
  const record = () => {
    const s = document.querySelector('[data-results] [data-summary]');
    if (!s || window.__verdict) return false;
    window.__verdict = { at: performance.now(), text: s.textContent };
    return true;
  };
  addEventListener('DOMContentLoaded', () => {
    const mo = new MutationObserver(() => record() && mo.disconnect());
    mo.observe(document.body, { childList: true, subtree: true });
  });
}

async function ours() {
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'], ...(process.env.BENCH_SW === 'block' ? { serviceWorkers: 'block' } : {}) });
  await context.addInitScript(watchVerdict);
  const page = await context.newPage();
  await page.goto(`${server.url}/exercises/softmax/`, { waitUntil: 'commit' });
  const textarea = page.locator('[data-editor][data-plain-ready="true"] textarea.pe-input');
  await textarea.waitFor({ state: 'attached', timeout: 60_000 });
  await page.evaluate((text) => navigator.clipboard.writeText(text), solution);
  await textarea.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
  await page.keyboard.press('Control+Enter');
  const verdict = await (await page.waitForFunction(() => window.__verdict, null, { timeout: 120_000, polling: 50 })).jsonValue();
  await context.close();
  return verdict.text.startsWith('全部通过') ? verdict.at : NaN;
}

async function pyodide() {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.route(`${server.url}/__pyodide__/`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: PY_PAGE }));
  await page.goto(`${server.url}/__pyodide__/`, { waitUntil: 'commit' });
  const r = await page.waitForFunction(() => window.__pyResult, null, { timeout: 180_000, polling: 50 });
  const { value, at } = await r.jsonValue();
  if (value !== 285) throw new Error(`pyodide returned ${value}`);
  await context.close();
  return at;
}

const median = (xs) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const a = [];
const b = [];
for (let i = 0; i < RUNS; i++) {
  // Alternate which goes first, so neither always runs on a machine the other just warmed.
  if (i % 2 === 0) {
    a.push(await ours());
    b.push(await pyodide());
  } else {
    b.push(await pyodide());
    a.push(await ours());
  }
  process.stderr.write(`bench-first-verdict: ${i + 1}/${RUNS}: ours ${Math.round(a.at(-1))} ms, Pyodide ${Math.round(b.at(-1))} ms\n`);
}
await browser.close();
await server.close();
if (a.some((x) => !Number.isFinite(x))) console.log('  ! a run did not end in 全部通过');
console.log(`\nbench-first-verdict (median of ${RUNS}, alternating, Chromium ${browser.version()}, served locally with gzip)`);
console.log(`  fresh visit → paste a correct softmax → 全部通过   ${`${Math.round(median(a))} ms`.padStart(9)}   (runs: ${a.map(Math.round).join(', ')})`);
console.log(`  Pyodide ${pyodideVersion} core → one Python result      ${`${Math.round(median(b))} ms`.padStart(9)}   (runs: ${b.map(Math.round).join(', ')})`);
console.log(`  ratio (ours ÷ Pyodide, goal ≤ 0.30)                  ${(median(a) / median(b)).toFixed(2).padStart(9)}`);
