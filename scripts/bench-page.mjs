#!/usr/bin/env node
/**
 * `npm run bench:page`: exercise-page performance in Debian Chromium against the BUILT site.
 * Prints numbers (median of BENCH_RUNS fresh browser contexts); a measurement, never a pass/fail.
 *
 *   latency  when the page is usable (plain editor editable, 运行测试 works), when Monaco has
 *            taken over, when the tfjs types and the grader are warm; the first run right after
 *            the page is usable (cold); warm runs of sigmoid and conv2d; and the FLOOR: the same
 *            cases computed directly by the reference solution in one warm worker (no compile,
 *            no fresh realm; scripts/bench/floor-worker.ts), with warm grading's ratio to it
 *   bytes    over the wire, as a production host serves them (scripts/serve-dist.mjs: gzip, and
 *            the cache rules of public/_headers): the page itself, the grader, Monaco and its
 *            types, before Monaco, in total; a SECOND exercise page in the same browser, counting everything the browser
 *            really fetched again (its HTTP cache decides: HTML revalidated, hashed files kept);
 *            a chapter page (which must not load Monaco or tfjs)
 *
 * Options (env): BENCH_DIST (default dist), BENCH_RUNS (5), BENCH_CHAPTER.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { buildSync } from 'esbuild';
import { findChromium } from './find-chromium.mjs';
import { serveDist } from './serve-dist.mjs';

// The offline precache (about 10 MB, downloaded in the background after `load`; its size is
// printed by scripts/build-sw.mjs) is not the page's own bytes or work: block it here, or it
// would be counted as such and compete with the timings.
const NO_SW = { serviceWorkers: 'block' };

const root = fileURLToPath(new URL('..', import.meta.url));
const DIST = process.env.BENCH_DIST ?? join(root, 'dist');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
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
const ms = (n) => `${n < 20 ? n.toFixed(1) : Math.round(n)} ms`;

const server = await serveDist({ dist: DIST });
const BASE = server.url;
const bytes = (entries) => entries.reduce((s, e) => s + e.bytes, 0);
/** Waits until the server has answered nothing for `quietMs` (max 15 s): `networkidle` can hang with workers. */
async function quiet(quietMs = 800) {
  const t0 = performance.now();
  for (;;) {
    const last = server.log.length ? server.log[server.log.length - 1].at : t0;
    if (performance.now() - Math.max(last, t0) >= quietMs || performance.now() - t0 > 15_000) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

// The floor worker: tfjs (CPU) + the two exercises' cases and reference solutions, one IIFE.
const floorWorker = buildSync({
  entryPoints: [join(root, 'scripts/bench/floor-worker.ts')],
  bundle: true,
  write: false,
  format: 'iife',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  alias: { '@tensorflow/tfjs': join(root, 'scripts/bench/tf-shim.ts'), 'node-fetch': join(root, 'src/stubs/node-fetch.ts') },
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
}).outputFiles[0].text;

const browser = await chromium.launch({
  executablePath: findChromium(),
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});

const code = {
  sigmoid: readFileSync(join(root, 'exercises/sigmoid/solution.ts'), 'utf8'),
  conv2d: readFileSync(join(root, 'exercises/conv2d/solution.ts'), 'utf8'),
};

/** Puts the code in the editor, clicks 运行测试, resolves with ms until a verdict is rendered. */
async function timedRun(page, source) {
  return page.evaluate(async (src) => {
    const w = window.__workbench;
    w.surface.replaceAll(src);
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

const usable = (page) => page.waitForSelector('[data-editor][data-plain-ready="true"]', { state: 'attached', timeout: 60_000 });
const probe = (page) => page.evaluate(() => ({ ...window.__workbench, editor: undefined, surface: undefined, store: undefined, lastReport: undefined }));
const waitWarm = (page) =>
  page.waitForFunction(() => ['graderWarmAt', 'editorReadyAt', 'typesReadyAt'].every((k) => window.__workbench?.[k] !== undefined), null, { timeout: 90_000 });
async function floor(page, id) {
  return page.evaluate(
    ({ source, id }) =>
      new Promise((resolve, reject) => {
        const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
        worker.onmessage = (e) => (worker.terminate(), e.data.error ? reject(new Error(e.data.error)) : resolve(e.data.ms));
        worker.onerror = (e) => reject(new Error(e.message));
        worker.postMessage({ id, seed: 1, reps: 21 });
      }),
    { source: floorWorker, id },
  );
}

/** What a file is for: Monaco and its types; the grader (sandbox, workers, engine, cases); or the page itself. */
const MONACO = /^\/_astro\/(monaco\/|monaco\.|tf-types\.)/;
const GRADER = /^\/_astro\/(sandbox\/|grader\.worker|client\.|cases-)/;

const m = {
  usable: [], editorReady: [], typesReady: [], graderWarm: [], cold: [], warmSigmoid: [], warmConv2d: [], floorSigmoid: [], floorConv2d: [],
  bytesPage: [], bytesGrader: [], bytesMonaco: [], bytesBeforeMonaco: [], bytesTotal: [], bytesSecondPage: [], requestsSecondPage: [], bytesChapter: [], bytesChapterJs: [],
};
let chapterHeavy = [];
let secondPageList = [];

for (let run = 0; run < RUNS; run++) {
  // 1. A fresh visit: usable → first run at once → everything warm.
  {
    const context = await browser.newContext(NO_SW);
    const page = await context.newPage();
    const start = server.log.length;
    await page.goto(`${BASE}/exercises/sigmoid/`);
    await usable(page);
    m.cold.push(await timedRun(page, code.sigmoid));
    await waitWarm(page);
    await quiet();
    const p = await probe(page);
    m.usable.push(p.plainReadyAt);
    m.editorReady.push(p.editorReadyAt);
    m.typesReady.push(p.typesReadyAt);
    m.graderWarm.push(p.graderWarmAt);
    const visit = server.log.slice(start);
    const firstMonaco = visit.find((e) => e.path.startsWith('/_astro/monaco/'))?.at ?? Infinity;
    const kind = (path) => (MONACO.test(path) ? 'monaco' : GRADER.test(path) ? 'grader' : 'page');
    m.bytesPage.push(bytes(visit.filter((e) => kind(e.path) === 'page')));
    m.bytesGrader.push(bytes(visit.filter((e) => kind(e.path) === 'grader')));
    m.bytesMonaco.push(bytes(visit.filter((e) => kind(e.path) === 'monaco')));
    m.bytesBeforeMonaco.push(bytes(visit.filter((e) => e.at < firstMonaco)));
    m.bytesTotal.push(bytes(visit));

    // 2. A second exercise page in the same browser: what went over the wire again.
    const before = server.log.length;
    await page.goto(`${BASE}/exercises/conv2d/`);
    await usable(page);
    await waitWarm(page);
    await quiet();
    const second = server.log.slice(before);
    m.bytesSecondPage.push(bytes(second));
    m.requestsSecondPage.push(second.length);
    secondPageList = second.filter((e) => e.bytes > 0).map((e) => `${e.path} ${kb(e.bytes)}`);
    m.warmConv2d.push(await timedRun(page, code.conv2d));
    await context.close();
  }
  // 3. Warm sigmoid (grader warmed, one run done), then the floor in the same page.
  {
    const context = await browser.newContext(NO_SW);
    const page = await context.newPage();
    await page.goto(`${BASE}/exercises/sigmoid/`);
    await waitWarm(page);
    await timedRun(page, code.sigmoid);
    // Every run gets a fresh learner worker, and the next one starts loading as a run begins.
    // A learner reads the results and edits before running again; give the spare that time.
    await page.waitForTimeout(SETTLE_MS);
    m.warmSigmoid.push(await timedRun(page, code.sigmoid));
    m.floorSigmoid.push(await floor(page, 'sigmoid'));
    m.floorConv2d.push(await floor(page, 'conv2d'));
    await context.close();
  }
  // 4. A chapter page.
  {
    const context = await browser.newContext(NO_SW);
    const page = await context.newPage();
    const start = server.log.length;
    await page.goto(`${BASE}${CHAPTER}`);
    await page.waitForLoadState('load');
    await quiet();
    const visit = server.log.slice(start);
    m.bytesChapter.push(bytes(visit));
    m.bytesChapterJs.push(bytes(visit.filter((e) => /\.m?js$/.test(e.path))));
    chapterHeavy = visit.map((e) => e.path).filter((u) => /monaco|worker|tf-types|tfjs|learner-realm/i.test(u));
    await context.close();
  }
  process.stderr.write(`bench-page: run ${run + 1}/${RUNS} done\n`);
}

await browser.close();
await server.close();

const ratio = (a, b) => `${(median(a) / median(b)).toFixed(1)}×`;
const rows = [
  ['page usable (plain editor, 运行测试) after navigation', ms(median(m.usable))],
  ['Monaco has taken over after navigation', ms(median(m.editorReady))],
  ['tfjs types loaded after navigation', ms(median(m.typesReady))],
  ['grader warm after navigation', ms(median(m.graderWarm))],
  ['cold run: click → results, as soon as the page is usable', ms(median(m.cold))],
  ['warm run sigmoid: click → results', ms(median(m.warmSigmoid))],
  ['warm run conv2d: click → results', ms(median(m.warmConv2d))],
  ['floor sigmoid: its cases computed directly in one warm worker', ms(median(m.floorSigmoid))],
  ['floor conv2d: its cases computed directly in one warm worker', ms(median(m.floorConv2d))],
  ['warm grade ÷ floor, sigmoid', ratio(m.warmSigmoid, m.floorSigmoid)],
  ['warm grade ÷ floor, conv2d', ratio(m.warmConv2d, m.floorConv2d)],
  ['exercise page gzip over the wire: the page (HTML, CSS, fonts, its JS)', kb(median(m.bytesPage))],
  ['exercise page gzip over the wire: the grader (sandbox, workers, cases)', kb(median(m.bytesGrader))],
  ['exercise page gzip over the wire: Monaco and the tfjs types', kb(median(m.bytesMonaco))],
  ['exercise page gzip over the wire: before Monaco starts loading', kb(median(m.bytesBeforeMonaco))],
  ['exercise page gzip over the wire: total', kb(median(m.bytesTotal))],
  ['second exercise page: everything fetched again (real HTTP cache)', `${kb(median(m.bytesSecondPage))} in ${median(m.requestsSecondPage)} requests`],
  ['chapter page gzip total (HTML, CSS, fonts, JS)', kb(median(m.bytesChapter))],
  ['chapter page gzip JavaScript only (budget 15 KB)', kb(median(m.bytesChapterJs))],
];
console.log(`\nbench-page (median of ${RUNS}, Chromium ${browser.version?.() ?? ''}, served with gzip and public/_headers cache rules)`);
const w = Math.max(...rows.map((r) => r[0].length));
for (const [k, v] of rows) console.log(`  ${k.padEnd(w)}  ${v.padStart(12)}`);
console.log(`  second exercise page, bodies sent (last run): ${secondPageList.join(', ') || 'none'}`);
console.log(`  chapter page requests for Monaco/tfjs/workers: ${chapterHeavy.length ? chapterHeavy.join(', ') : 'none'}`);
process.exit(0);
