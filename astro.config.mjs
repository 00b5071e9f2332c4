// @ts-check
/**
 * Astro configuration for 深度学习互动课程. Kept thin on purpose: the reasoning for each
 * setting is in the comment next to it, the logic lives in src/markdown/*.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import rehypeKatexStrict from './src/markdown/rehype-katex-strict.mjs';
import rehypeCodeCopy from './src/markdown/rehype-code-copy.mjs';
import rehypeTableScroll from './src/markdown/rehype-table-scroll.mjs';
import rehypeSections from './src/markdown/rehype-sections.mjs';
import remarkCiteTerm from './src/markdown/remark-cite-term.ts';
import { loadContentIndex } from './src/refs/load.ts';

// The machine (and CI) has no network: never phone home.
process.env.ASTRO_TELEMETRY_DISABLED = '1';

/**
 * The browser's lazy `import('typescript')` (src/grader/compile.ts, only on a syntax error) loads
 * the copy that scripts/build-typescript.mjs prebuilt with esbuild (same package, same version),
 * instead of Rollup bundling the 9 MB CommonJS file: that alone cost ~35 s of CPU per build.
 * Client build only; SSR, the CLI and the tests import the package itself. Without the prebuilt
 * file (e.g. `astro build` run without the prebuild step) Vite bundles it as before.
 */
function prebuiltTypescript() {
  const manifestPath = fileURLToPath(new URL('./src/generated/vendor.json', import.meta.url));
  let base = '/';
  return {
    name: 'dlc:prebuilt-typescript',
    apply: /** @type {const} */ ('build'),
    enforce: /** @type {const} */ ('pre'),
    /** @param {{ base: string }} config */
    configResolved(config) {
      base = config.base;
    },
    /** @param {string} id @param {string | undefined} _importer @param {{ ssr?: boolean }} [options] */
    resolveId(id, _importer, options) {
      if (id !== 'typescript' || options?.ssr || !existsSync(manifestPath)) return null;
      const { typescript } = JSON.parse(readFileSync(manifestPath, 'utf8'));
      return { id: `${base}${typescript}`, external: true };
    },
  };
}

/**
 * `virtual:dlc-heldout-digits`: the held-out digits (scripts/build-data.mjs writes them under
 * src/generated/data/, never under public/) as a base64 string of the gzip file. Only
 * exercises/train-classifier/digits.ts imports it, dynamically and only in the browser, so the
 * bytes live in a chunk that only the reference worker loads when it grades train-classifier:
 * no page and no learner realm ever contains them (tests/e2e/capstone.spec.ts checks dist/).
 */
function heldoutDigits() {
  const id = 'virtual:dlc-heldout-digits';
  const resolved = `\0${id}`;
  return {
    name: 'dlc:heldout-digits',
    /** @param {string} source */
    resolveId(source) {
      return source === id ? resolved : null;
    },
    /** @param {string} loaded */
    load(loaded) {
      if (loaded !== resolved) return null;
      const manifest = fileURLToPath(new URL('./src/generated/data-private.json', import.meta.url));
      if (!existsSync(manifest)) throw new Error('virtual:dlc-heldout-digits: run `node scripts/prebuild.mjs` first');
      const { path } = JSON.parse(readFileSync(manifest, 'utf8')).datasets['digits-heldout'];
      const bytes = readFileSync(fileURLToPath(new URL(`./${path}`, import.meta.url)));
      return `export default ${JSON.stringify(bytes.toString('base64'))};`;
    },
  };
}

/**
 * Pre-bundle the grading workers' dependencies when `astro dev` starts; otherwise Vite finds
 * them on the first grade, re-optimizes and reloads the page mid-run. Dev only: `astro build`
 * never uses pre-bundled deps, yet its content-sync step would pre-bundle them (typescript
 * included) on every cold build.
 */
const devPrebundle = {
  name: 'dlc:dev-prebundle',
  hooks: {
    /** @param {{ command: string, updateConfig: (c: object) => unknown }} options */
    'astro:config:setup': ({ command, updateConfig }) => {
      if (command !== 'dev') return;
      updateConfig({
        vite: {
          optimizeDeps: {
            include: [
              '@tensorflow/tfjs-core',
              '@tensorflow/tfjs-core/dist/register_all_gradients',
              '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops',
              '@tensorflow/tfjs-backend-cpu',
              '@tensorflow/tfjs-layers',
              'sucrase',
              'typescript',
              'zod',
            ],
          },
        },
      });
    },
  },
};

/**
 * One reference database and one glossary (content/references.json, content/glossary.json):
 * checked once when the build (or `astro dev`) starts, so an unknown citation key, a duplicate
 * key or an entry nothing cites fails the build with the file named (src/refs/check.ts).
 */
const contentLinks = {
  name: 'dlc:content-links',
  hooks: {
    'astro:config:setup': () => {
      loadContentIndex();
    },
  },
};

export default defineConfig({
  // Astro's content cache (the data store of every chapter and exercise) lives in the checkout,
  // not in node_modules: several checkouts (git worktrees) may share one node_modules, and one
  // build must never render another checkout's content.
  cacheDir: './.astro/cache/',
  // No `site`: every internal link is root-relative (built with import.meta.env.BASE_URL),
  // so the output works on any host. Set `base` if the course is served from a sub-path.
  // Directory URLs everywhere (/chapters/<slug>/), matching what `astro preview` and static hosts serve.
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [mdx(), devPrebundle, contentLinks],
  markdown: {
    // `$…$` / `$$…$$` become math nodes; KaTeX renders them to HTML + MathML at build time,
    // so the browser downloads no KaTeX JavaScript, only its CSS and the fonts it uses.
    // remarkCiteTerm numbers <Cite> and fills <References /> (and checks keys and <Term> ids).
    remarkPlugins: [remarkMath, remarkCiteTerm],
    rehypePlugins: [
      // rehype-katex never throws: it reports a malformed formula as a vfile message and
      // renders a red `.katex-error`. `strict` ignores CJK text directly in math mode.
      [rehypeKatex, { strict: 'ignore' }],
      // …so this plugin turns those messages into a build failure naming file, line and formula
      // (and hides rendered formulas from the Pagefind index, whose excerpts they would garble).
      rehypeKatexStrict,
      // Wraps Shiki's <pre> in a figure with a keyboard-accessible copy button (strings from zh-CN.json).
      rehypeCodeCopy,
      // Wide tables scroll sideways on phones: each sits in a focusable, labelled region.
      rehypeTableScroll,
      // Each h2 section gets content-visibility: auto (global.css), with an estimated height.
      rehypeSections,
    ],
    // Shiki at build time with BOTH themes emitted as CSS variables (--shiki-light / --shiki-dark);
    // src/styles/global.css picks one from <html data-theme>. No highlighting JS ships.
    syntaxHighlight: 'shiki',
    shikiConfig: {
      themes: { light: 'github-light', dark: 'github-dark' },
      defaultColor: false,
      wrap: false,
    },
  },
  vite: {
    resolve: {
      // STACK.md trap: in `astro dev`, Vite's pre-bundling keeps tfjs-core's `import "node-fetch"`
      // and the worker crashes. The browser never needs node-fetch, so point it at an empty stub.
      alias: [{ find: /^node-fetch$/, replacement: fileURLToPath(new URL('./src/stubs/node-fetch.ts', import.meta.url)) }],
    },
    plugins: [prebuiltTypescript(), heldoutDigits()],
    // The grader runs learner code in module Web Workers (they import tfjs), which needs ES output.
    worker: { format: 'es', plugins: () => [heldoutDigits()] },
    build: {
      // The grader worker (tfjs) is ~1.2 MB. Monaco is no longer bundled by Vite (scripts/build-monaco.mjs).
      chunkSizeWarningLimit: 6000,
    },
  },
});
