#!/usr/bin/env node
/**
 * Chapter code-cell benchmark (src/components/Cell.astro) in Chromium against the BUILT site.
 * Prints medians of BENCH_RUNS (5) fresh browser contexts; a measurement, never a pass/fail test.
 *
 *   cold run    click 运行 on a small cell → result shown, on a fresh page, clicked the moment
 *               it is scrolled into view (so the warm-up has no head start): loads the island,
 *               the sandbox bundle (SES + tfjs), starts the worker and runs the cell
 *   warm-up     a fresh page, the cell scrolled into view and no click: time until the loader's
 *               pre-warm has a ready realm (<body data-cell-realm="ready">)
 *   first run once warm
 *               then 运行: what a reader who reads the cell before clicking sees
 *   re-run      the same cell again once the pool's spare realm is ready
 *   live fps    /dev/cells/'s 2-8-1 MLP trains (train.loop, 20 000 steps) while the page counts
 *               requestAnimationFrame callbacks and chart renders (data-live-renders) for
 *               LIVE_MS: frames per second on the main thread, chart updates per second, the
 *               longest gap between two frames, and training steps per second; then 停止
 *   bytes       gzip bytes over the network on the chapter page: before interaction (JS alone,
 *               and everything), after the first run, and after running every cell (chart.js too)
 *   editor      time-to-editable and bytes of a cell's textarea (click 编辑 on a fresh page →
 *               focused textarea) against Monaco on an exercise page (DOMContentLoaded →
 *               editor created, i.e. what a cell would pay after 编辑, and the gzip bytes of
 *               Monaco's JS and workers), cold and with a warm HTTP cache
 *
 * `astro preview` serves files uncompressed, so each body is gzipped here (level 6) and summed.
 * Env: BENCH_QUICK=1 (only the runs and bytes, no live training or editors), BENCH_LIVE_MS (3000),
 * BENCH_EXERCISE (/exercises/linear-model/),
 * BENCH_DIST (dist), BENCH_PORT (4456), BENCH_RUNS (5), BENCH_CHAPTER (chapter 1; if it has no
 * cell, /dev/cells/ is used), BENCH_CELL (index of the small cell to time; default: the first cell
 * without sliders or training). `astro preview` sends no cache headers, so Monaco's second visit
 * re-downloads: read it as "second visit", not as a warm HTTP cache.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { findChromium } from './find-chromium.mjs';

// The offline precache (about 10 MB, downloaded in the background after `load`; its size is
// printed by scripts/build-sw.mjs) is not the page's own bytes or work: block it here, or it
// would be counted as such and compete with the timings.
const NO_SW = { serviceWorkers: 'block' };

const root = fileURLToPath(new URL('..', import.meta.url));
const DIST = process.env.BENCH_DIST ?? join(root, 'dist');
const PORT = Number(process.env.BENCH_PORT ?? 4456);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const BASE = `http://127.0.0.1:${PORT}`;
let CHAPTER = process.env.BENCH_CHAPTER ?? '/chapters/01-what-is-deep-learning/';
const SETTLE_MS = 1500;
const LIVE_MS = Number(process.env.BENCH_LIVE_MS ?? 3000);
const EXERCISE = process.env.BENCH_EXERCISE ?? '/exercises/linear-model/';

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
const timeRun = (page, index, scroll = false) =>
  page.evaluate(
    ([i, scroll]) =>
      new Promise((resolve) => {
        const cell = document.querySelectorAll('[data-cell]')[i];
        if (scroll) cell.scrollIntoView({ block: 'center' });
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
    [index, scroll],
  );

/** Live training on /dev/cells/: main-thread frames and chart renders per second while the MLP trains. */
async function liveFps(context) {
  const page = await context.newPage();
  await page.goto(`${BASE}/dev/cells/`);
  await page.waitForLoadState('networkidle');
  const cell = page.locator('[data-cell="dev-mlp"]');
  await cell.scrollIntoViewIfNeeded();
  await cell.locator('[data-cell-action="run"]').click();
  await page.waitForFunction(() => Number(document.querySelector('[data-cell="dev-mlp"] .cell-plot')?.dataset.livePoints ?? 0) > 20, null, { timeout: 60_000 });
  const r = await page.evaluate(
    (ms) =>
      new Promise((resolve) => {
        const plot = document.querySelector('[data-cell="dev-mlp"] .cell-plot');
        const bar = document.querySelector('[data-cell="dev-mlp"] [data-cell-progress]');
        const renders0 = Number(plot.dataset.liveRenders ?? 0);
        const steps0 = bar.value;
        let frames = 0;
        let last = performance.now();
        let maxGap = 0;
        const t0 = last;
        const tick = (now) => {
          frames++;
          maxGap = Math.max(maxGap, now - last);
          last = now;
          if (now - t0 < ms) requestAnimationFrame(tick);
          else {
            const s = (now - t0) / 1000;
            resolve({ fps: frames / s, updates: (Number(plot.dataset.liveRenders) - renders0) / s, maxGap, steps: (bar.value - steps0) / s });
          }
        };
        requestAnimationFrame(tick);
      }),
    LIVE_MS,
  );
  await cell.locator('[data-cell-action="stop"]').click();
  await page.waitForFunction(() => document.querySelector('[data-cell="dev-mlp"]')?.dataset.cellState === 'stopped');
  await page.close();
  return r;
}

/** Editor cost: a cell's textarea on the chapter page vs Monaco on an exercise page. */
async function editors(context) {
  const out = {};
  // textarea: click 编辑 on a fresh chapter page → focused editor (imports the island)
  {
    const page = await context.newPage();
    const bodies = [];
    page.on('response', async (res) => {
      const body = res.url().startsWith('http') && /\.m?js(\?|$)/.test(res.url()) ? await res.body().catch(() => null) : null;
      if (body) bodies.push(gzipSync(body, { level: 6 }).length);
    });
    await page.goto(BASE + CHAPTER);
    await page.waitForLoadState('networkidle');
    const before = bodies.reduce((a, b) => a + b, 0);
    out.textareaMs = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const cell = document.querySelector('[data-cell]');
          const t0 = performance.now();
          const check = () => (document.activeElement?.closest('.cell-editor') ? resolve(performance.now() - t0) : requestAnimationFrame(check));
          cell.querySelector('[data-cell-action="edit"]').click();
          check();
        }),
    );
    await page.waitForLoadState('networkidle');
    out.textareaBytes = bodies.reduce((a, b) => a + b, 0) - before;
    await page.close();
  }
  // Monaco on the exercise page, cold (fresh context) and again with the HTTP cache warm
  for (const pass of ['cold', 'warm']) {
    const page = await context.newPage();
    const bodies = [];
    page.on('response', async (res) => {
      if (!res.url().startsWith('http') && !res.url().startsWith('blob')) return;
      const body = await res.body().catch(() => null);
      if (body && /monaco|editor|ts\.worker|typescript/i.test(res.url())) bodies.push(gzipSync(body, { level: 6 }).length);
    });
    await page.goto(BASE + EXERCISE);
    await page.waitForFunction(() => window.__workbench?.editorReadyAt !== undefined, null, { timeout: 60_000 });
    out[`monaco_${pass}_ms`] = await page.evaluate(() => window.__workbench.editorReadyAt - performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd);
    // State, not network idle (the grader's workers keep the page from ever looking idle).
    await page.waitForFunction(() => window.__workbench?.typesReadyAt !== undefined && window.__workbench?.graderWarmAt !== undefined, null, { timeout: 60_000 });
    out[`monaco_${pass}_bytes`] = bodies.reduce((a, b) => a + b, 0);
    await page.close();
  }
  return out;
}

const results = { cold: [], warmUp: [], afterReading: [], rerun: [], jsBefore: [], before: [], afterFirst: [], after: [], fps: [], updates: [], maxGap: [], steps: [], textareaMs: [], textareaBytes: [], monacoColdMs: [], monacoWarmMs: [], monacoBytes: [], monacoWarmBytes: [] };
try {
  {
    const page = await browser.newPage();
    await page.goto(BASE + CHAPTER);
    if ((await page.locator('[data-cell]').count()) === 0) CHAPTER = '/dev/cells/';
    await page.close();
  }
  for (let r = 0; r < RUNS; r++) {
    const context = await browser.newContext(NO_SW);
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
    const index = process.env.BENCH_CELL !== undefined ? Number(process.env.BENCH_CELL) : await page.evaluate(() => [...document.querySelectorAll('[data-cell]')].findIndex((c) => !c.querySelector('[data-cell-param]') && !c.hasAttribute('data-expect-error') && !c.querySelector('[data-cell-source]')?.textContent?.includes('train.')));
    const cold = await timeRun(page, Math.max(0, index), true);
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
    // The same first run, after the reader has had the cell on screen for a moment.
    {
      const page2 = await context.newPage();
      await page2.goto(BASE + CHAPTER);
      await page2.waitForLoadState('networkidle');
      const warmMs = await page2.evaluate(
        (i) =>
          new Promise((resolve) => {
            const t0 = performance.now();
            document.querySelectorAll('[data-cell]')[i].scrollIntoView({ block: 'center' });
            const check = () => (document.body.dataset.cellRealm === 'ready' ? resolve(performance.now() - t0) : setTimeout(check, 10));
            check();
          }),
        Math.max(0, index),
      );
      results.warmUp.push(warmMs);
      results.afterReading.push((await timeRun(page2, Math.max(0, index))).ms);
      await page2.close();
    }
    await context.close();
    if (process.env.BENCH_QUICK !== '1') {
      const c2 = await browser.newContext(NO_SW);
      const live = await liveFps(c2);
      results.fps.push(live.fps);
      results.updates.push(live.updates);
      results.maxGap.push(live.maxGap);
      results.steps.push(live.steps);
      await c2.close();
    }
    if (process.env.BENCH_QUICK !== '1') {
      const c3 = await browser.newContext(NO_SW);
      const e = await editors(c3);
      results.textareaMs.push(e.textareaMs);
      results.textareaBytes.push(e.textareaBytes);
      results.monacoColdMs.push(e.monaco_cold_ms);
      results.monacoWarmMs.push(e.monaco_warm_ms);
      results.monacoBytes.push(e.monaco_cold_bytes);
      results.monacoWarmBytes.push(e.monaco_warm_bytes);
      await c3.close();
    }
  }
} finally {
  await browser.close();
  stopServer();
}

console.log(`bench-cells: ${CHAPTER}, median of ${RUNS} fresh contexts (Chromium, gzip level 6)`);
console.log(`  first cold run of a cell (incl. loading tfjs) ${ms(median(results.cold))}   (clicked as it scrolls into view)`);
console.log(`  warm-up: cell scrolled near → realm ready     ${ms(median(results.warmUp))}   (no click: the loader's pre-warm)`);
console.log(`  first run once warm (reader read first)       ${ms(median(results.afterReading))}`);
console.log(`  re-run of a small cell                        ${ms(median(results.rerun))}`);
console.log(`  live training (/dev/cells/ MLP, ${LIVE_MS / 1000} s window):`);
console.log(`    main-thread frames per second               ${median(results.fps).toFixed(1)}`);
console.log(`    chart updates per second                    ${median(results.updates).toFixed(1)}`);
console.log(`    longest frame gap                           ${ms(median(results.maxGap))}`);
console.log(`    training steps per second (in the worker)   ${Math.round(median(results.steps))}`);
console.log(`  editor: textarea, 编辑 → editable             ${ms(median(results.textareaMs))}, +${kb(median(results.textareaBytes))} JS`);
console.log(`  editor: Monaco (exercise page), → editable    ${ms(median(results.monacoColdMs))} first visit, ${ms(median(results.monacoWarmMs))} second; ${kb(median(results.monacoBytes))} JS + workers`);
console.log(`  page JS before interaction                    ${kb(median(results.jsBefore))}`);
console.log(`  page bytes before interaction (all)           ${kb(median(results.before))}`);
console.log(`  page bytes after the first run (all)          ${kb(median(results.afterFirst))}`);
console.log(`  page bytes after running every cell (all)     ${kb(median(results.after))}`);
process.exit(0);
