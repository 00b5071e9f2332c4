#!/usr/bin/env node
/**
 * Chapter code-cell benchmark (src/components/Cell.astro) in Chromium against the BUILT site.
 * Prints medians of BENCH_RUNS (5) fresh browser contexts; a measurement, never a pass/fail test.
 *
 *   cold run    click 运行 on a small cell → result shown, on a fresh page: loads the island, the
 *               sandbox bundle (SES + tfjs), starts the worker and runs the cell
 *   re-run      the same cell again once the pool's spare realm is ready
 *   bytes       gzip bytes over the network on the chapter page: before interaction (JS alone,
 *               and everything), after the first run, and after running every cell (chart.js too)
 *
 * `astro preview` serves files uncompressed, so each body is gzipped here (level 6) and summed.
 * Env: BENCH_DIST (dist), BENCH_PORT (4456), BENCH_RUNS (5), BENCH_CHAPTER (chapter 1; if it has no
 * cell, /dev/cells/ is used), BENCH_CELL (index of the small cell to time; default: the first cell
 * without sliders).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { findChromium } from './find-chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const DIST = process.env.BENCH_DIST ?? join(root, 'dist');
const PORT = Number(process.env.BENCH_PORT ?? 4456);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const BASE = `http://127.0.0.1:${PORT}`;
let CHAPTER = process.env.BENCH_CHAPTER ?? '/chapters/01-what-is-deep-learning/';
const SETTLE_MS = 1500;

if (!existsSync(join(DIST, 'index.html'))) {
  console.error(`bench-cells: ${DIST} 中没有构建好的站点，请先构建 / build the site first`);
  process.exit(1);
}

const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n) => `${Math.round(n)} ms`;

const server = spawn(process.execPath, [join(root, 'node_modules/astro/astro.js'), 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--outDir', DIST], {
  cwd: root,
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  stdio: ['ignore', 'ignore', 'ignore'],
});
const stopServer = () => {
  if (server.exitCode === null) server.kill('SIGTERM');
};
process.on('exit', stopServer);
let up = false;
for (let i = 0; i < 150 && !up; i++) {
  try {
    up = (await fetch(`${BASE}/`)).ok;
  } catch {
    await new Promise((r) => setTimeout(r, 200));
  }
}
if (!up) {
  console.error('bench-cells: astro preview did not start');
  process.exit(1);
}

const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });

/** Clicks 运行 in cell `index` and resolves with the time until the run's final state. */
const timeRun = (page, index) =>
  page.evaluate(
    (i) =>
      new Promise((resolve) => {
        const cell = document.querySelectorAll('[data-cell]')[i];
        let running = false;
        const t0 = performance.now();
        const obs = new MutationObserver(() => {
          const s = cell.dataset.cellState;
          if (s === 'running') running = true;
          else if (running && s) {
            obs.disconnect();
            resolve({ ms: performance.now() - t0, state: s });
          }
        });
        obs.observe(cell, { attributes: true, attributeFilter: ['data-cell-state'] });
        cell.querySelector('[data-cell-action="run"]').click();
      }),
    index,
  );

const results = { cold: [], rerun: [], jsBefore: [], before: [], afterFirst: [], after: [] };
try {
  {
    const page = await browser.newPage();
    await page.goto(BASE + CHAPTER);
    if ((await page.locator('[data-cell]').count()) === 0) CHAPTER = '/dev/cells/';
    await page.close();
  }
  for (let r = 0; r < RUNS; r++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const bodies = [];
    page.on('response', async (res) => {
      // Workers start from a blob: that is memory, not the network.
      if (!res.url().startsWith('http')) return;
      const body = await res.body().catch(() => null);
      if (body) bodies.push({ url: res.url(), gz: gzipSync(body, { level: 6 }).length });
    });
    await page.goto(BASE + CHAPTER);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(SETTLE_MS);
    results.before.push(bodies.reduce((a, b) => a + b.gz, 0));
    results.jsBefore.push(bodies.filter((b) => /\.m?js(\?|$)/.test(b.url)).reduce((a, b) => a + b.gz, 0));
    const index = process.env.BENCH_CELL !== undefined ? Number(process.env.BENCH_CELL) : await page.evaluate(() => [...document.querySelectorAll('[data-cell]')].findIndex((c) => !c.querySelector('[data-cell-param]') && !c.hasAttribute('data-expect-error')));
    const cold = await timeRun(page, Math.max(0, index));
    if (cold.state !== 'ok') console.warn(`bench-cells: cold run ended in state ${cold.state}`);
    results.cold.push(cold.ms);
    await page.waitForTimeout(SETTLE_MS);
    results.afterFirst.push(bodies.reduce((a, b) => a + b.gz, 0));
    const again = await timeRun(page, Math.max(0, index));
    results.rerun.push(again.ms);
    // Run every other cell too, so "after" includes plots (chart.js).
    const n = await page.locator('[data-cell]').count();
    for (let i = 0; i < n; i++) if (i !== index) await timeRun(page, i);
    await page.waitForTimeout(SETTLE_MS);
    results.after.push(bodies.reduce((a, b) => a + b.gz, 0));
    await context.close();
  }
} finally {
  await browser.close();
  stopServer();
}

console.log(`bench-cells: ${CHAPTER}, median of ${RUNS} fresh contexts (Chromium, gzip level 6)`);
console.log(`  first cold run of a cell (incl. loading tfjs) ${ms(median(results.cold))}`);
console.log(`  re-run of a small cell                        ${ms(median(results.rerun))}`);
console.log(`  page JS before interaction                    ${kb(median(results.jsBefore))}`);
console.log(`  page bytes before interaction (all)           ${kb(median(results.before))}`);
console.log(`  page bytes after the first run (all)          ${kb(median(results.afterFirst))}`);
console.log(`  page bytes after running every cell (all)     ${kb(median(results.after))}`);
process.exit(0);
