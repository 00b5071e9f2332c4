#!/usr/bin/env node
/**
 * `npm run bench:realm`: what one fresh browser learner realm costs, for each build
 * (src/sandbox/flavour.ts: `core` for function exercises, `full` for layer exercises and cells),
 * in Debian Chromium against the BUILT site, through the site's own spawner
 * (src/runtime/browser-spawn.ts: a worker from a blob inside the sandboxed iframe).
 *
 *   bytes   the bundle, raw and gzip
 *   cold    a new spawner: fetch (HTTP cache after the first run), blob, first worker → 'ready'
 *   fresh   one more worker from the same blob → 'ready' (what each isolated job pays)
 *   stages  where a fresh `core` realm's time goes: the same worker built up one stage at a
 *           time (an empty worker; + SES lockdown; + tfjs-core evaluated; + the CPU backend
 *           ready; + the job runner and sucrase evaluated, the guard installed and tfjs's classes
 *           frozen; + a first compile),
 *           each a plain blob worker timed to its first message; a stage's cost is its
 *           difference from the one before
 *
 * Medians of BENCH_RUNS (default 7), the two builds alternating in one browser. A measurement,
 * never a pass/fail. Options (env): BENCH_DIST (default dist), BENCH_RUNS.
 */
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { buildSync } from 'esbuild';
import { findChromium } from './find-chromium.mjs';
import { serveDist } from './serve-dist.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const DIST = process.env.BENCH_DIST ?? join(root, 'dist');
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const manifest = JSON.parse(readFileSync(join(root, 'src/generated/sandbox.json'), 'utf8'));
const BUILDS = { core: manifest.learnerRealmCore, full: manifest.learnerRealm };
for (const path of Object.values(BUILDS)) {
  if (!existsSync(join(DIST, path))) {
    console.error(`bench-realm: ${DIST} 中没有 ${path}，请先运行 npm run build / build the site first`);
    process.exit(1);
  }
}

// The site's spawner as one script the bench page can call.
const harness = buildSync({
  stdin: {
    contents: `import { createBrowserSpawner } from './src/runtime/browser-spawn';
      window.benchRealm = async (url, fresh) => {
        const spawner = createBrowserSpawner(url);
        const times = [];
        try {
          let t0 = performance.now();
          (await spawner()).kill();
          times.push(performance.now() - t0);
          for (let i = 0; i < fresh; i++) {
            t0 = performance.now();
            (await spawner()).kill();
            times.push(performance.now() - t0);
          }
        } finally {
          spawner.dispose();
        }
        return times;
      };`,
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  write: false,
  format: 'iife',
  target: 'es2022',
  logLevel: 'warning',
}).outputFiles[0].text;

/** The `core` realm built up one stage at a time (each stage's source adds to the previous one). */
const STAGES = [
  ['an empty worker', ''],
  ['SES lockdown', `import './src/sandbox/lockdown';`],
  ['tfjs-core evaluated', `import { tf } from './src/sandbox/tf-core'; self.__tf = tf;`],
  ['CPU backend ready', `import { useGradingBackend } from './src/grader/backend'; await useGradingBackend(tf);`],
  ['run-job + sucrase evaluated, guard in', `import { prepareRealm } from './src/sandbox/run-job'; prepareRealm({ tf, emit: () => undefined, flavour: 'core' });`],
  ['first compile (sucrase)', `import { compileSubmission } from './src/grader/compile'; compileSubmission(${JSON.stringify(readFileSync(join(root, 'exercises/sigmoid/solution.ts'), 'utf8'))});`],
];
const stageCode = STAGES.map((_, i) => {
  const parts = STAGES.slice(0, i + 1).map(([, src]) => src);
  const imports = parts.flatMap((p) => p.match(/import [^;]+;/g) ?? []);
  const body = parts.map((p) => p.replace(/import [^;]+;/g, '')).join('\n');
  return buildSync({
    stdin: { contents: `${imports.join('\n')}\n(async () => {\n${body}\npostMessage('ready');\n})();`, resolveDir: root, loader: 'ts' },
    bundle: true, write: false, format: 'iife', platform: 'browser', target: 'es2022', minify: true,
    alias: { 'node-fetch': join(root, 'src/stubs/node-fetch.ts') }, define: { 'process.env.NODE_ENV': '"production"' },
    banner: { js: '"use strict";' }, logLevel: 'warning',
  }).outputFiles[0].text;
});

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (n) => `${Math.round(n)} ms`.padStart(7);

const server = await serveDist({ dist: DIST });
const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
const load = loadavg()[0];
try {
  const page = await browser.newPage();
  await page.goto(`${server.url}/404.html`);
  await page.addScriptTag({ content: harness });
  const cold = { core: [], full: [] };
  const fresh = { core: [], full: [] };
  // Discarded: the first download of each bundle.
  for (const path of Object.values(BUILDS)) await page.evaluate(([u]) => window.benchRealm(u, 0), [`${server.url}/${path}`]);
  for (let i = 0; i < RUNS; i++) {
    for (const name of i % 2 ? ['full', 'core'] : ['core', 'full']) {
      const [first, ...more] = await page.evaluate(([u, n]) => window.benchRealm(u, n), [`${server.url}/${BUILDS[name]}`, 2]);
      cold[name].push(first);
      fresh[name].push(...more);
    }
  }
  // Stages: each a fresh plain worker from its own blob, timed to its first message.
  const stageTimes = await page.evaluate(
    async ([codes, runs]) => {
      const urls = codes.map((c) => URL.createObjectURL(new Blob([c], { type: 'text/javascript' })));
      const times = codes.map(() => []);
      const once = (u) =>
        new Promise((resolve, reject) => {
          const t0 = performance.now();
          const w = new Worker(u);
          w.onmessage = () => (w.terminate(), resolve(performance.now() - t0));
          w.onerror = (e) => (w.terminate(), reject(new Error(e.message)));
        });
      for (const u of urls) await once(u); // first compile of each blob, discarded
      for (let r = 0; r < runs; r++) for (let i = 0; i < urls.length; i++) times[i].push(await once(urls[i]));
      return times;
    },
    [stageCode, RUNS],
  );
  console.log(`learner realm builds, Chromium, median of ${RUNS} (load ${load.toFixed(1)} when it started)`);
  console.log('  build   raw       gzip      cold     fresh');
  for (const name of ['core', 'full']) {
    const raw = readFileSync(join(DIST, BUILDS[name]));
    console.log(`  ${name.padEnd(6)}  ${`${(raw.length / 1024).toFixed(0)} KB`.padEnd(8)}  ${`${(gzipSync(raw).length / 1024).toFixed(0)} KB`.padEnd(8)}  ${ms(median(cold[name]))}  ${ms(median(fresh[name]))}`);
  }
  console.log(`where a fresh core realm's time goes (plain blob workers, built up one stage at a time; median of ${RUNS}):`);
  let before = 0;
  STAGES.forEach(([label], i) => {
    const total = median(stageTimes[i]);
    console.log(`  ${`+ ${label}`.padEnd(36)} ${ms(total)} total  ${i === 0 ? '' : `${ms(total - before)} for this stage`}`);
    before = total;
  });
} finally {
  await browser.close();
  await server.close();
}
