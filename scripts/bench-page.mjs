#!/usr/bin/env node
/**
 * `npm run bench:page`: exercise-page performance in Debian Chromium against the BUILT site.
 * Prints numbers (median of 5 fresh browser contexts); it is a measurement, never a pass/fail test.
 *
 *   latency   warm grading (click → results rendered) for sigmoid and conv2d; cold (first run right
 *             after the editor shows); time until the editor is usable / tf types loaded / grader warm
 *   bytes     gzip bytes on an exercise page: before the editor starts loading, until the editor is
 *             usable, in total (types + grader warm); on a second exercise page with the hashed
 *             /_astro/ assets already cached; on a chapter page (which must not load Monaco or tfjs)
 *
 * `astro preview` serves files uncompressed, so every response body is gzipped here (level 6,
 * the usual server default) and summed. Options (env): BENCH_DIST (default dist), BENCH_PORT (4410),
 * BENCH_RUNS (5).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { findChromium } from './find-chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const DIST = process.env.BENCH_DIST ?? join(root, 'dist');
const PORT = Number(process.env.BENCH_PORT ?? 4410);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const BASE = `http://127.0.0.1:${PORT}`;
const CHAPTER = process.env.BENCH_CHAPTER ?? '/chapters/01-what-is-deep-learning/';

if (!existsSync(join(DIST, 'exercises', 'sigmoid', 'index.html'))) {
  console.error(`bench-page: ${DIST} 中没有构建好的站点，请先运行 npm run build / build the site first`);
  process.exit(1);
}

const SETTLE_MS = 1500;
const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n) => `${Math.round(n)} ms`;

/* ---------- server ---------- */
const server = spawn(process.execPath, [join(root, 'node_modules/astro/astro.js'), 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--outDir', DIST], {
  cwd: root,
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  stdio: ['ignore', 'pipe', 'pipe'],
});
const stopServer = () => {
  if (server.exitCode === null) server.kill('SIGTERM');
};
process.on('exit', stopServer);
for (let i = 0; i < 100; i++) {
  try {
    if ((await fetch(`${BASE}/`)).ok) break;
  } catch {
    /* not yet */
  }
  await new Promise((r) => setTimeout(r, 200));
}

/* ---------- byte accounting ---------- */
const gzCache = new Map();
/** Records every response with the Node-side time it finished and its gzip size. */
function track(context) {
  const log = [];
  context.on('requestfinished', async (req) => {
    const entry = { url: req.url(), at: performance.now(), gz: 0 };
    log.push(entry);
    try {
      if (gzCache.has(entry.url)) entry.gz = gzCache.get(entry.url);
      else {
        const res = await req.response();
        const body = res ? await res.body() : Buffer.alloc(0);
        entry.gz = gzipSync(body, { level: 6 }).length;
        gzCache.set(entry.url, entry.gz);
      }
    } catch {
      /* body gone (navigated away) */
    }
  });
  return log;
}
/**
 * Bytes over the network with a working HTTP cache: each URL counts once. A fresh learner Worker
 * per run re-requests the same hashed grader.worker script, which a browser serves from cache.
 */
const sumUntil = (log, t = Infinity) => {
  const seen = new Set();
  return log.filter((e) => e.at <= t && !seen.has(e.url) && seen.add(e.url)).reduce((s, e) => s + e.gz, 0);
};
/** Waits until no response has finished for `quiet` ms (max 15 s): `networkidle` can hang on pages with workers. */
async function quiet(log, quietMs = 800) {
  const t0 = performance.now();
  for (;;) {
    const last = log.length ? log[log.length - 1].at : t0;
    if (performance.now() - last >= quietMs || performance.now() - t0 > 15_000) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

const browser = await chromium.launch({
  executablePath: findChromium(),
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});

const code = {
  sigmoid: (await import('node:fs')).readFileSync(join(root, 'exercises/sigmoid/solution.ts'), 'utf8'),
  conv2d: (await import('node:fs')).readFileSync(join(root, 'exercises/conv2d/solution.ts'), 'utf8'),
};

/** Sets the code, clicks 运行测试, resolves with ms until the results panel shows a verdict. */
async function timedRun(page, source) {
  return page.evaluate(async (src) => {
    const w = window.__workbench;
    w.editor.setValue(src);
    const results = document.querySelector('[data-results]');
    const btn = document.querySelector('[data-action="run"]');
    const runsBefore = w.runs;
    const t0 = performance.now();
    btn.click();
    await new Promise((resolve) => {
      const check = () => (w.runs > runsBefore && results.querySelector('[data-summary], [data-error-kind]') ? resolve() : requestAnimationFrame(check));
      check();
    });
    return performance.now() - t0;
  }, source);
}

async function openExercise(page, id) {
  await page.goto(`${BASE}/exercises/${id}/`);
  await page.waitForSelector('[data-editor][data-ready="true"] .monaco-editor', { timeout: 60_000 });
}
const probe = (page) => page.evaluate(() => ({ ...window.__workbench, editor: undefined, lastReport: undefined }));
const waitWarm = (page) =>
  page.waitForFunction(() => window.__workbench?.graderWarmAt !== undefined && window.__workbench?.typesReadyAt !== undefined, null, { timeout: 60_000 });

const m = {
  editorReady: [], typesReady: [], graderWarm: [], cold: [], warmSigmoid: [], warmConv2d: [],
  bytesBeforeEditor: [], bytesEditorUsable: [], bytesTotal: [], bytesSecondPage: [], bytesSecondPageUncached: [], bytesChapter: [], bytesChapterJs: [],
};
let chapterHeavy = [];

for (let run = 0; run < RUNS; run++) {
  // 1. Cold page load + first run.
  {
    const context = await browser.newContext();
    const log = track(context);
    const page = await context.newPage();
    let editorRequestedAt = Infinity;
    context.on('request', (r) => {
      if (/\/_astro\/editor\.[^/]*\.js$/.test(r.url())) editorRequestedAt = Math.min(editorRequestedAt, performance.now());
    });
    await openExercise(page, 'sigmoid');
    const usableAt = performance.now();
    m.cold.push(await timedRun(page, code.sigmoid));
    await waitWarm(page);
    await quiet(log);
    const p = await probe(page);
    m.editorReady.push(p.editorReadyAt);
    m.typesReady.push(p.typesReadyAt);
    m.graderWarm.push(p.graderWarmAt);
    m.bytesBeforeEditor.push(sumUntil(log.filter((e) => e.at < editorRequestedAt)));
    if (process.env.BENCH_DEBUG) console.log(log.filter((e) => e.at < editorRequestedAt).map((e) => `${(e.gz / 1024).toFixed(1)} ${e.url}`).join('\n'));
    m.bytesEditorUsable.push(sumUntil(log, usableAt));
    m.bytesTotal.push(sumUntil(log));

    // 2. Second exercise page in the same session: what is new over the network.
    const seen = new Set(log.map((e) => e.url));
    const before = log.length;
    await openExercise(page, 'conv2d');
    await waitWarm(page);
    await quiet(log);
    const second = log.slice(before);
    // Hashed /_astro/ assets never change: a browser (or CDN) with immutable caching skips them.
    m.bytesSecondPage.push(second.filter((e) => !(seen.has(e.url) && e.url.includes('/_astro/'))).reduce((s, e) => s + e.gz, 0));
    m.bytesSecondPageUncached.push(second.reduce((s, e) => s + e.gz, 0));
    m.warmConv2d.push(await timedRun(page, code.conv2d));
    await context.close();
  }
  // 3. Warm sigmoid latency (grader warmed, one run done).
  {
    const context = await browser.newContext();
    const page = await context.newPage();
    await openExercise(page, 'sigmoid');
    await waitWarm(page);
    await timedRun(page, code.sigmoid);
    // Every run gets a fresh learner worker, and the next one starts loading tfjs as a run begins.
    // A learner reads the results and edits before running again; give the spare that time.
    await page.waitForTimeout(SETTLE_MS);
    m.warmSigmoid.push(await timedRun(page, code.sigmoid));
    await context.close();
  }
  // 4. Chapter page.
  {
    const context = await browser.newContext();
    const log = track(context);
    const page = await context.newPage();
    await page.goto(`${BASE}${CHAPTER}`);
    await page.waitForLoadState('load');
    await quiet(log);
    m.bytesChapter.push(sumUntil(log));
    m.bytesChapterJs.push(sumUntil(log.filter((e) => /\.m?js(\?|$)/.test(e.url))));
    chapterHeavy = log.map((e) => e.url).filter((u) => /editor|monaco|worker|tf-types|tfjs/i.test(u));
    await context.close();
  }
  process.stderr.write(`bench-page: run ${run + 1}/${RUNS} done\n`);
}

await browser.close();
stopServer();

const rows = [
  ['editor usable after navigation', ms(median(m.editorReady))],
  ['tfjs types loaded after navigation', ms(median(m.typesReady))],
  ['grader warm after navigation', ms(median(m.graderWarm))],
  ['cold run: click → results (first run once the editor shows)', ms(median(m.cold))],
  ['warm run sigmoid: click → results', ms(median(m.warmSigmoid))],
  ['warm run conv2d: click → results', ms(median(m.warmConv2d))],
  ['exercise page gzip: before the editor loads', kb(median(m.bytesBeforeEditor))],
  ['exercise page gzip: until the editor is usable', kb(median(m.bytesEditorUsable))],
  ['exercise page gzip: total (types + grader warm)', kb(median(m.bytesTotal))],
  ['second exercise page gzip, hashed assets cached', kb(median(m.bytesSecondPage))],
  ['second exercise page gzip, nothing cached', kb(median(m.bytesSecondPageUncached))],
  ['chapter page gzip total (HTML, CSS, fonts, JS)', kb(median(m.bytesChapter))],
  ['chapter page gzip JavaScript only (budget 15 KB)', kb(median(m.bytesChapterJs))],
];
console.log(`\nbench-page (median of ${RUNS}, Chromium ${browser.version?.() ?? ''})`);
const w = Math.max(...rows.map((r) => r[0].length));
for (const [k, v] of rows) console.log(`  ${k.padEnd(w)}  ${v.padStart(10)}`);
console.log(`  chapter page requests for Monaco/tfjs/workers: ${chapterHeavy.length ? chapterHeavy.join(', ') : 'none'}`);
process.exit(0);
