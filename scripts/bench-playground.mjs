#!/usr/bin/env node
/**
 * Training-playground benchmark (issue #22) in Chromium against the BUILT site; a measurement,
 * never a pass/fail test. Prints medians of BENCH_RUNS (3) fresh pages:
 *
 *   redraw fps   a 2-8-8-1 network (tanh, SGD, batch 10) on circle's 500 points (90 % = 450 for
 *                training) trains for BENCH_MS (5000) while the page redraws the 100 × 100 map,
 *                the neuron thumbnails, the links and the numbers: map redraws per second (frames
 *                that arrived from the worker and were drawn), main-thread frames per second and
 *                the longest gap between two animation frames
 *   ms/step      wall time per optimizer step (one mini-batch) and per epoch while drawing
 *   floor        the same training with drawing off (the page polls the worker twice a second
 *                instead of every frame): steps per second, and the ratio drawing ÷ floor
 *   bytes        JS (gzip) that /dev/playground/ loads before the embed is scrolled near, and
 *                whether the island loaded (it must not)
 *
 * `astro preview` serves files uncompressed, so bodies are gzipped here (level 6).
 * Env: BENCH_DIST (dist), BENCH_PORT (4458), BENCH_RUNS (3), BENCH_MS (5000).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { findChromium } from './find-chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const DIST = process.env.BENCH_DIST ?? join(root, 'dist');
const PORT = Number(process.env.BENCH_PORT ?? 4458);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const MS = Number(process.env.BENCH_MS ?? 5000);
const BASE = `http://127.0.0.1:${PORT}`;
const SETUP = '/playground/#layers=8,8&trainRatio=90';

if (!existsSync(join(DIST, 'playground', 'index.html'))) {
  console.error(`bench-playground: ${DIST} 中没有构建好的游乐场，请先构建 / build the site first`);
  process.exit(1);
}
const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

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
  console.error('bench-playground: astro preview did not start');
  process.exit(1);
}
const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });

/** Trains for MS on a fresh page; `draw` false measures the floor. */
async function measure(draw) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(`${BASE}${SETUP}`);
  await page.waitForFunction(() => document.querySelector('[data-playground]')?.dataset.pgState === 'ready', null, { timeout: 60_000 });
  if (!draw) await page.evaluate(() => (document.querySelector('[data-playground]').dataset.pgDraw = 'off'));
  await page.getByRole('button', { name: '开始', exact: true }).click();
  // Warm up: the first epochs pay tfjs's kernel set-up.
  await page.waitForFunction(() => Number(document.querySelector('[data-playground]')?.dataset.epoch ?? 0) >= 3, null, { timeout: 60_000 });
  const r = await page.evaluate(
    (ms) =>
      new Promise((resolve) => {
        const el = document.querySelector('[data-playground]');
        const read = () => ({ frames: Number(el.dataset.frames ?? 0), steps: Number(el.dataset.steps ?? 0), epoch: Number(el.dataset.epoch ?? 0) });
        const a = read();
        let raf = 0;
        let last = performance.now();
        let maxGap = 0;
        const t0 = last;
        const tick = (now) => {
          raf++;
          maxGap = Math.max(maxGap, now - last);
          last = now;
          if (now - t0 < ms) requestAnimationFrame(tick);
          else {
            // The floor's page hears of steps only at its polls: wait for the next one.
            const done = () => {
              const b = read();
              const s = (performance.now() - t0) / 1000;
              resolve({ redraws: (b.frames - a.frames) / s, raf: raf / s, maxGap, steps: b.steps - a.steps, epochs: b.epoch - a.epoch, seconds: s, drawMs: Number(el.dataset.drawMs) });
            };
            if (el.dataset.pgDraw === 'off') {
              const f = Number(el.dataset.frames);
              const obs = new MutationObserver(() => {
                if (Number(el.dataset.frames) > f) {
                  obs.disconnect();
                  done();
                }
              });
              obs.observe(el, { attributes: true, attributeFilter: ['data-frames'] });
            } else done();
          }
        };
        requestAnimationFrame(tick);
      }),
    MS,
  );
  await page.close();
  return r;
}

async function bytesBeforeInteraction() {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  let js = 0;
  let island = false;
  page.on('response', async (res) => {
    const url = res.url();
    if (!url.startsWith(BASE)) return;
    const type = res.headers()['content-type'] ?? '';
    if (!/javascript/.test(type) && !url.endsWith('.js')) return;
    try {
      js += gzipSync(await res.body(), { level: 6 }).length;
    } catch {
      // body unavailable (redirect)
    }
  });
  await page.goto(`${BASE}/dev/playground/`);
  await page.waitForLoadState('networkidle');
  island = await page.evaluate(() => document.querySelector('[data-playground]')?.dataset.pgBooted !== undefined);
  await page.close();
  return { js, island };
}

const drawn = [];
const floor = [];
for (let i = 0; i < RUNS; i++) {
  drawn.push(await measure(true));
  floor.push(await measure(false));
}
const bytes = await bytesBeforeInteraction();
await browser.close();
stopServer();

const stepsPerS = (r) => r.steps / r.seconds;
const d = {
  redraws: median(drawn.map((r) => r.redraws)),
  raf: median(drawn.map((r) => r.raf)),
  drawMs: median(drawn.map((r) => r.drawMs)),
  maxGap: median(drawn.map((r) => r.maxGap)),
  msPerStep: median(drawn.map((r) => (r.seconds * 1000) / r.steps)),
  msPerEpoch: median(drawn.map((r) => (r.seconds * 1000) / Math.max(1, r.epochs))),
  stepsPerS: median(drawn.map(stepsPerS)),
};
const f = { stepsPerS: median(floor.map(stepsPerS)), msPerStep: median(floor.map((r) => (r.seconds * 1000) / r.steps)), msPerEpoch: median(floor.map((r) => (r.seconds * 1000) / Math.max(1, r.epochs))) };
const fix = (x, n = 1) => (Number.isFinite(x) ? x.toFixed(n) : 'n/a');
console.log(`训练游乐场基准 / playground bench (${RUNS} runs × ${MS} ms, median; load average ${loadavg().map((x) => x.toFixed(2)).join(' ')})`);
console.log(`  setup: 2-8-8-1 tanh, SGD, batch 10, circle 500 points (450 train)`);
console.log(`  redraw fps (maps drawn per second while training): ${fix(d.redraws)}   goal ≥ 30`);
console.log(`  main-thread fps: ${fix(d.raf)}   longest frame gap: ${fix(d.maxGap, 0)} ms   page time to draw one frame: ${fix(d.drawMs, 2)} ms`);
console.log(`  while drawing: ${fix(d.msPerStep, 2)} ms per step (mini-batch), ${fix(d.msPerEpoch, 0)} ms per epoch (45 steps); a frame is 16.7 ms`);
console.log(`  floor (no drawing): ${fix(f.msPerStep, 2)} ms per step, ${fix(f.msPerEpoch, 0)} ms per epoch`);
console.log(`  ratio drawing ÷ floor (training throughput): ${fix(d.stepsPerS / f.stepsPerS, 2)}`);
console.log(`  /dev/playground/ before interaction: ${(bytes.js / 1024).toFixed(1)} KB gzip JS, island loaded: ${bytes.island ? 'yes (!)' : 'no'}`);
