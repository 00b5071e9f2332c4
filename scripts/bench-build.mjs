#!/usr/bin/env node
/**
 * `npm run bench:build`: wall-clock time of a cold `npm run build` (prebuild, astro build,
 * pagefind), as a fresh CI clone would run it. A measurement, never a pass/fail test.
 *
 * Before each run it deletes every build output and cache the build reads: dist/, .astro/,
 * src/generated/, public/_astro/, and Astro's and Vite's caches in
 * node_modules/.astro and node_modules/.vite. When node_modules is a symlink (shared with other
 * checkouts) those two caches are kept and the output says so: deleting them would disturb
 * the other checkouts, and neither is read by `astro build` for anything but content-layer
 * bookkeeping.
 *
 * Prints the total and Astro's own phase times, plus the load average before and after: on a
 * shared machine, compare two builds only under similar load. Options (env): BENCH_RUNS (1).
 */
import { spawn } from 'node:child_process';
import { lstatSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 1);
const OUTPUTS = ['dist', '.astro', 'src/generated', 'public/sandbox', 'public/_astro'];
const sharedModules = lstatSync(join(root, 'node_modules')).isSymbolicLink();
const CACHES = sharedModules ? [] : ['node_modules/.astro', 'node_modules/.vite'];

const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function build() {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(npm, ['run', 'build'], { cwd: root, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, ms: performance.now() - t0, out }));
  });
}

/** Astro's and the prebuild scripts' own timings, in the order they ran. */
function phases(out) {
  const lines = [];
  const pick = [
    [/^(gen-tf-types|sandbox|monaco|typescript [\d.]+):.*?(?: in ([\d.]+s))?$/, (m) => `prebuild ${m[1].split(' ')[0]}${m[2] ? ` ${m[2]}` : ''}`],
    [/\[types\] Generated ([\d.]+m?s)/, (m) => `sync (content, types) ${m[1]}`],
    [/\[build\] ✓ Completed in ([\d.]+m?s)/, (m) => `astro phase ${m[1]}`],
    [/\[vite\] ✓ built in (.+)$/, (m) => `  vite bundle ${m[1]}`],
    [/^\S+ ✓ Completed in ([\d.]+m?s)/, (m) => `generating pages ${m[1]}`],
    [/\[build\] \d+ page\(s\) built in ([\d.]+s)/, (m) => `astro build total ${m[1]}`],
  ];
  for (const raw of out.split('\n')) {
    const line = raw.replace(/\x1b\[[0-9;]*m/g, '').trim();
    for (const [re, fmt] of pick) {
      const m = re.exec(line);
      if (m) lines.push(fmt(m));
    }
  }
  return lines;
}

const times = [];
for (let run = 1; run <= RUNS; run++) {
  for (const p of [...OUTPUTS, ...CACHES]) rmSync(join(root, p), { recursive: true, force: true });
  const before = load();
  const r = await build();
  if (r.code !== 0) {
    console.error(r.out);
    console.error(`bench-build: npm run build failed (exit ${r.code})`);
    process.exit(1);
  }
  times.push(r.ms);
  console.log(`run ${run}/${RUNS}: cold npm run build ${(r.ms / 1000).toFixed(1)} s  (load average before: ${before}, after: ${load()})`);
  for (const l of phases(r.out)) console.log(`  ${l}`);
}
if (sharedModules) console.log('note: node_modules is a shared symlink, so node_modules/.astro and node_modules/.vite were kept');
if (RUNS > 1) {
  const s = [...times].sort((a, b) => a - b);
  const mid = s.length >> 1;
  console.log(`median of ${RUNS}: ${((s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2) / 1000).toFixed(1)} s`);
}
