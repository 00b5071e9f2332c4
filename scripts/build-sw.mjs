#!/usr/bin/env node
/**
 * The offline course: the last step of `npm run build` (after `astro build` and Pagefind) runs
 * Workbox's generateSW over dist/ and writes dist/sw.js, a service worker that precaches the
 * whole course — every page, Monaco and its workers, the tfjs types, the sandbox bundles, the
 * browser TypeScript used for syntax errors, the cell data, the KaTeX fonts and the search index —
 * so that after one online visit every chapter, exercise, cell, the playground and /teacher/ work
 * without a network. The page registers it after `load` (src/pwa/register.ts).
 *
 * Decisions (README「离线使用」):
 *  - Workbox, not a hand-written worker: precaching with per-file revisions (an update downloads
 *    only what changed), stale-entry cleanup and the SKIP_WAITING message all come from it.
 *  - The size limit is set on purpose: Workbox's default is 2 MiB of RAW size per file, and it
 *    silently skips bigger files (with a warning). Monaco's TypeScript worker alone is ~7 MB raw,
 *    so the limit is MAX_FILE_BYTES, and ANY warning fails the build: a file that falls out of the
 *    precache must never go unnoticed.
 *  - Globs name what the browser actually loads: html, js, css, json, svg, woff2 (KaTeX's .woff and
 *    .ttf fallbacks are never requested by a browser that reads woff2, so they stay out), Monaco's
 *    codicon .ttf, the cell data (.bin), the icons and manifest, and the parts of Pagefind the
 *    search uses (not its unused UI bundles). /dev/ pages are test fixtures and stay out.
 *  - Hashed files (/_astro/, /data/) carry no revision: their name is their version, so the
 *    browser may even take them from its HTTP cache when it already has them.
 *  - Navigation: every page is precached, served cache-first, so the page and the hashed files it
 *    names always come from the same deployment. Any other navigation goes to the network; offline
 *    it gets the 404 page (which then says the learner is offline), never the home page.
 *  - Query strings are ignored when matching (a static host ignores them too).
 *  - A new deployment waits: the new worker installs in the background and takes over only when
 *    the learner clicks 「刷新」 (SKIP_WAITING message) or every tab of the course is closed.
 *  - REQUIRED lists what must be in the precache; the build fails naming what is missing.
 *
 *   node scripts/build-sw.mjs [--dist dist]        (part of `npm run build`)
 *   import { buildServiceWorker } from './build-sw.mjs'
 */
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { generateSW } from 'workbox-build';

/** Largest single file to precache (raw bytes on disk): Monaco's TypeScript worker is ~7.0 MB. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

export const GLOB_PATTERNS = [
  '**/*.html',
  '_astro/**/*.{js,css,json,svg,woff2}',
  '_astro/monaco/*.ttf',
  'data/*.bin',
  'pagefind/{pagefind.js,pagefind-worker.js,pagefind-entry.json}',
  'pagefind/*.{pf_meta,pagefind}',
  'pagefind/{index,fragment,filter}/*',
  '*.{svg,webmanifest}',
  'icons/*.{png,svg}',
];
export const GLOB_IGNORES = ['dev/**', 'sw.js', '_headers'];

/**
 * What the offline course cannot do without, as [description, test over the precached URLs
 * (relative to the site base, e.g. "chapters/01-…/index.html")]. Kept loose on purpose (patterns,
 * not file names) so a new chapter or a renamed chunk does not need an edit here.
 */
export const REQUIRED = [
  ['home page', (u) => u.includes('index.html')],
  ['404 page (the offline fallback)', (u) => u.includes('404.html')],
  ['every chapter page', (u, pages) => pages.chapters.every((c) => u.includes(`chapters/${c}/index.html`))],
  ['every exercise page', (u, pages) => pages.exercises.every((e) => u.includes(`exercises/${e}/index.html`))],
  ['/playground/, /teacher/, /grader/, /progress/', (u) => ['playground', 'teacher', 'grader', 'progress'].every((p) => u.includes(`${p}/index.html`))],
  ['/glossary/ and /references/ when they exist', (u, pages) => pages.optional.every((p) => u.includes(`${p}/index.html`))],
  ['the learner sandbox bundle', (u) => u.some((x) => /^_astro\/sandbox\/learner-realm\./.test(x))],
  ['the function exercises\' learner sandbox bundle', (u) => u.some((x) => /^_astro\/sandbox\/learner-realm-core\./.test(x))],
  ['the playground sandbox bundle', (u) => u.some((x) => /^_astro\/sandbox\/playground-realm\./.test(x))],
  ['Monaco and its workers', (u) => ['ts.worker.', 'editor.worker.', 'monaco.'].every((n) => u.some((x) => x.startsWith(`_astro/monaco/${n}`)))],
  ['the drawing pad\'s prediction worker', (u) => u.some((x) => /^_astro\/predict\.worker-.*\.js$/.test(x))],
  ['the grader worker', (u) => u.some((x) => /^_astro\/grader\.worker-.*\.js$/.test(x))],
  ['the tfjs types for Monaco', (u) => u.some((x) => /^_astro\/tf-types\..*\.json$/.test(x))],
  ['the browser TypeScript (syntax-error locations)', (u) => u.some((x) => /^_astro\/vendor\/typescript\./.test(x))],
  ['the cell data files', (u, pages) => pages.data.every((d) => u.includes(`data/${d}`))],
  ['the search index', (u) => u.includes('pagefind/pagefind.js') && u.includes('pagefind/pagefind-entry.json')],
  ['the web app manifest', (u) => u.includes('manifest.webmanifest')],
];

const list = (dir) => {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
};

/**
 * Generates `<dist>/sw.js`. Resolves with the precache's file count, raw and gzip bytes, and the
 * entries; throws on any Workbox warning or a missing required file.
 */
export async function buildServiceWorker({ dist = 'dist', gzip = true } = {}) {
  const root = resolve(dist);
  /** @type {{ url: string, size: number }[]} */
  let entries = [];
  const result = await generateSW({
    globDirectory: root,
    globPatterns: GLOB_PATTERNS,
    globIgnores: GLOB_IGNORES,
    swDest: join(root, 'sw.js'),
    maximumFileSizeToCacheInBytes: MAX_FILE_BYTES,
    dontCacheBustURLsMatching: /^(_astro|data)\//,
    ignoreURLParametersMatching: [/./],
    directoryIndex: 'index.html',
    cacheId: 'dlc',
    cleanupOutdatedCaches: true,
    // The first worker takes over the open page at once (its lazily loaded parts then come from
    // the cache too); later ones only activate after 「刷新」 (or when every tab is closed).
    clientsClaim: true,
    skipWaiting: false,
    inlineWorkboxRuntime: true,
    sourcemap: false,
    mode: 'production',
    disableDevLogs: true,
    manifestTransforms: [
      async (manifest) => {
        entries = manifest.map((e) => ({ url: e.url, size: e.size }));
        return { manifest, warnings: [] };
      },
    ],
    runtimeCaching: [
      {
        // Navigations the precache does not answer (a mistyped address, a page of a newer
        // deployment): the network, and offline the 404 page.
        urlPattern: ({ request, url }) => request.mode === 'navigate' && url.origin === self.location.origin,
        handler: 'NetworkOnly',
        options: { precacheFallback: { fallbackURL: '404.html' } },
      },
    ],
  });
  if (result.warnings.length) {
    throw new Error(`service worker: Workbox warned, refusing to build a partial offline course:\n  ${result.warnings.join('\n  ')}`);
  }
  const urls = entries.map((e) => e.url);
  const pages = {
    chapters: list(join(root, 'chapters')),
    exercises: list(join(root, 'exercises')),
    optional: ['glossary', 'references'].filter((p) => list(join(root, p)).includes('index.html')),
    data: list(join(root, 'data')),
  };
  const missing = REQUIRED.filter(([, test]) => !test(urls, pages)).map(([what]) => what);
  if (missing.length) throw new Error(`service worker: the precache lacks ${missing.join('; ')}`);
  const raw = entries.reduce((s, e) => s + e.size, 0);
  const gz = gzip ? entries.reduce((s, e) => s + gzipSync(readFileSync(join(root, e.url)), { level: 6 }).length, 0) : null;
  return { count: entries.length, raw, gzip: gz, entries };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--dist');
  const dist = i > 0 ? process.argv[i + 1] : 'dist';
  const t0 = performance.now();
  try {
    const { count, raw, gzip } = await buildServiceWorker({ dist });
    const mb = (n) => `${(n / 1e6).toFixed(1)} MB`;
    console.log(`service worker: ${dist}/sw.js precaches ${count} files, ${mb(raw)} raw, ${mb(gzip ?? 0)} gzip, in ${((performance.now() - t0) / 1000).toFixed(1)}s`);
  } catch (error) {
    // Never leave a worker behind that precaches only part of the course.
    rmSync(join(dist, 'sw.js'), { force: true });
    console.error(String(error instanceof Error ? error.message : error));
    process.exit(1);
  }
}
