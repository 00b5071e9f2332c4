#!/usr/bin/env node
/**
 * `npm run bench:lighthouse`: Lighthouse 12 (performance only) against the BUILT site, served as a
 * production host serves it (scripts/serve-dist.mjs: gzip, public/_headers cache rules), in
 * Debian's Chromium. Prints performance score, total blocking time, LCP, DOM size (and FCP, CLS,
 * the longest main-thread task) per page: median of BENCH_RUNS runs (default 3). Numbers, never
 * a pass/fail test.
 *
 * Pages: the exercise page (/exercises/softmax/) and the longest chapter, with the mobile preset
 * (Lighthouse's default: a mid-range phone, 4× CPU slowdown, slow 4G, simulated); the exercise
 * page once more with the desktop preset, where Monaco loads on idle (on a phone it waits for the
 * learner to touch the editor), so its cost shows. `--all` measures every chapter.
 * Options (env): BENCH_DIST (dist), BENCH_RUNS (3), CHROME_PATH (found like the e2e tests).
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium } from './find-chromium.mjs';
import { serveDist } from './serve-dist.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const DIST = process.env.BENCH_DIST ?? join(root, 'dist');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const all = process.argv.includes('--all');
if (!existsSync(join(DIST, 'exercises', 'softmax', 'index.html'))) {
  console.error(`bench-lighthouse: ${DIST} 中没有构建好的站点，请先运行 npm run build / build the site first`);
  process.exit(1);
}

const chapters = readdirSync(join(DIST, 'chapters'))
  .filter((d) => existsSync(join(DIST, 'chapters', d, 'index.html')))
  .map((d) => ({ path: `/chapters/${d}/`, size: statSync(join(DIST, 'chapters', d, 'index.html')).size }))
  .sort((a, b) => b.size - a.size);
const targets = [
  { path: '/exercises/softmax/', preset: 'mobile' },
  ...(all ? chapters : chapters.slice(0, 1)).map((c) => ({ path: c.path, preset: 'mobile', note: c === chapters[0] ? 'longest chapter' : '' })),
  { path: '/exercises/softmax/', preset: 'desktop', note: 'Monaco loads on idle' },
];

const server = await serveDist({ dist: DIST });
const chrome = process.env.CHROME_PATH ?? findChromium();
const cli = join(root, 'node_modules/lighthouse/cli/index.js');

/** Runs the Lighthouse CLI (asynchronously: this process is also the web server it measures). */
function run(args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env });
    const out = [];
    const err = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}

async function lighthouse(url, preset) {
  const args = [cli, url, '--quiet', '--output=json', '--output-path=stdout', '--only-categories=performance', '--chrome-flags=--headless=new --no-sandbox --disable-gpu'];
  if (preset === 'desktop') args.push('--preset=desktop');
  const r = await run(args, { ...process.env, CHROME_PATH: chrome });
  if (r.status !== 0) throw new Error(`lighthouse ${url}: ${r.stderr.slice(-2000)}`);
  const lhr = JSON.parse(r.stdout);
  const a = lhr.audits;
  const tasks = a['long-tasks']?.details?.items ?? [];
  return {
    score: Math.round(lhr.categories.performance.score * 100),
    tbt: a['total-blocking-time'].numericValue,
    lcp: a['largest-contentful-paint'].numericValue,
    fcp: a['first-contentful-paint'].numericValue,
    cls: a['cumulative-layout-shift'].numericValue,
    dom: a['dom-size'].numericValue,
    longest: tasks.reduce((mx, t) => Math.max(mx, t.duration), 0),
  };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const rows = [];
for (const t of targets) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    runs.push(await lighthouse(`${server.url}${t.path}`, t.preset));
    process.stderr.write(`bench-lighthouse: ${t.path} (${t.preset}) ${i + 1}/${RUNS}\n`);
  }
  const pick = (k) => median(runs.map((r) => r[k]));
  rows.push({ page: `${t.path} (${t.preset}${t.note ? `, ${t.note}` : ''})`, score: pick('score'), tbt: pick('tbt'), lcp: pick('lcp'), fcp: pick('fcp'), cls: pick('cls'), dom: pick('dom'), longest: pick('longest'), scores: runs.map((r) => r.score).join('/') });
}
await server.close();

console.log(`\nbench-lighthouse (Lighthouse 12, performance; median of ${RUNS}; served with gzip and public/_headers)`);
const w = Math.max(...rows.map((r) => r.page.length));
console.log(`  ${'page'.padEnd(w)}  perf (runs)     TBT      LCP      FCP    CLS    DOM   longest task (as Lighthouse reports it)`);
for (const r of rows) {
  console.log(`  ${r.page.padEnd(w)}  ${String(r.score).padStart(4)} (${r.scores.padEnd(8)})  ${`${Math.round(r.tbt)} ms`.padStart(7)}  ${`${(r.lcp / 1000).toFixed(2)} s`.padStart(7)}  ${`${(r.fcp / 1000).toFixed(2)} s`.padStart(7)}  ${r.cls.toFixed(3)}  ${String(r.dom).padStart(6)}  ${Math.round(r.longest)} ms`);
}
