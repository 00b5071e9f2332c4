// Builds Monaco (the editor, its TypeScript language support, and the two workers it needs) with
// esbuild into public/_astro/monaco/, outside the Vite/Rollup build. Rollup transformed and
// minified Monaco's ~1200 ESM modules (and the 7 MB TypeScript worker) on every `astro build`:
// most of the build's time. esbuild does the same in a few seconds.
//
// The files are content-hashed and live under /_astro/ like Vite's own hashed assets (hosts cache
// that directory as immutable). src/generated/monaco.json tells src/islands/workbench/editor.ts
// their names; editor.ts imports the main file at runtime from the same origin.
//
// The main entry is Monaco's own `esm/vs/index.js` with only the languages we use (TypeScript,
// plus JavaScript, which the TypeScript mode also registers): every editor contribution
// (find, suggest, hover, diff editor, …) is kept, so the editor behaves as before.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const vs = `${root}node_modules/monaco-editor/esm/vs/`;
const outDir = `${root}public/_astro/monaco/`;
const t0 = performance.now();

/** Monaco's index.js, minus the languages the course never shows and the LSP client. */
function mainEntry() {
  const source = readFileSync(`${vs}index.js`, 'utf8');
  const keep = (line) => {
    if (!line.trim()) return false;
    if (line.includes('monaco-lsp-client') || line.includes('as lsp')) return false;
    const def = /\.\/languages\/definitions\/([^/]+)\/register\.js/.exec(line);
    if (def) return def[1] === 'typescript' || def[1] === 'javascript';
    const feature = /languages_features_(\w+)_register_ts/.exec(line);
    if (feature) return feature[1] === 'typescript';
    return true;
  };
  const lines = source.split('\n').filter(keep);
  if (!lines.some((l) => l.includes("as typescript"))) throw new Error('build-monaco: monaco-editor/esm/vs/index.js no longer exports `typescript`; check the entry');
  if (!lines.some((l) => l.includes("from './editor/editor.api.js'"))) throw new Error('build-monaco: monaco-editor/esm/vs/index.js changed shape; check the entry');
  return lines.join('\n');
}

const shared = {
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' },
};

const [main, editorWorker, tsWorker] = await Promise.all([
  build({
    ...shared,
    stdin: { contents: mainEntry(), resolveDir: vs, sourcefile: 'monaco-entry.js', loader: 'js' },
    outdir: outDir,
    entryNames: 'monaco',
    assetNames: '[name].[hash]',
    loader: { '.ttf': 'file' },
    // Monaco's CSS refers to its icon font with a relative URL: keep it relative to the CSS file.
    publicPath: '',
  }),
  build({ ...shared, entryPoints: { 'editor.worker': `${vs}editor/editor.worker.js` }, outdir: outDir }),
  build({ ...shared, entryPoints: { 'ts.worker': `${vs}languages/features/typescript/ts.worker.js` }, outdir: outDir }),
]);

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

const hash = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 12);
const manifest = {};
let total = 0;
for (const file of [...main.outputFiles, ...editorWorker.outputFiles, ...tsWorker.outputFiles]) {
  let name = basename(file.path);
  // esbuild hashes assets itself (the font); give the entry files a content hash too.
  const m = /^(monaco|editor\.worker|ts\.worker)\.(js|css)$/.exec(name);
  if (m) {
    name = `${m[1]}.${hash(file.contents)}.${m[2]}`;
    manifest[{ 'monaco.js': 'main', 'monaco.css': 'css', 'editor.worker.js': 'editorWorker', 'ts.worker.js': 'tsWorker' }[`${m[1]}.${m[2]}`]] = `_astro/monaco/${name}`;
  }
  writeFileSync(outDir + name, file.contents);
  total += file.contents.length;
}
for (const key of ['main', 'css', 'editorWorker', 'tsWorker']) {
  if (!manifest[key]) throw new Error(`build-monaco: no output for ${key}`);
}
mkdirSync(`${root}src/generated`, { recursive: true });
writeFileSync(`${root}src/generated/monaco.json`, `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`monaco: public/_astro/monaco/ (${(total / 1024 / 1024).toFixed(1)} MB) in ${((performance.now() - t0) / 1000).toFixed(1)}s`);
