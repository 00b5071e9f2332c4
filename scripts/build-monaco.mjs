// Builds Monaco (the editor, its TypeScript language support, and the two workers it needs) with
// esbuild into public/_astro/monaco/, outside the Vite/Rollup build. Rollup transformed and
// minified Monaco's ~1200 ESM modules (and the 7 MB TypeScript worker) on every `astro build`:
// most of the build's time. esbuild does the same in a few seconds.
//
// The files are content-hashed and live under /_astro/ like Vite's own hashed assets (hosts cache
// that directory as immutable). src/generated/monaco.json tells src/islands/workbench/monaco.ts
// their names; monaco.ts imports the main file at runtime from the same origin.
//
// Evaluated in slices: the main build is ESM with code splitting (no lazy `__esm` wrappers, so
// every module's top-level code runs in order), and every Monaco module ends with
// `await __dlcMonacoYield();`. monaco.ts defines that function before importing: it returns
// nothing while the current slice is short, and a new task once the slice has run for a few
// milliseconds. So ~4 MB of Monaco evaluates as many short tasks instead of one long task
// (measured by `npm run bench:lighthouse`), with input and rendering in between.
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

/** Appends the yield point to each of Monaco's own modules (the main build only, not the workers). */
const yieldBetweenModules = {
  name: 'dlc:yield-between-modules',
  setup(b) {
    b.onLoad({ filter: /monaco-editor[\\/]esm[\\/].*\.js$/ }, (args) => ({
      contents: `${readFileSync(args.path, 'utf8')}\n;await __dlcMonacoYield();\n`,
      loader: 'js',
    }));
  },
};

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
    splitting: true,
    metafile: true,
    entryNames: 'monaco.[hash]',
    chunkNames: 'chunk.[hash]',
    assetNames: '[name].[hash]',
    banner: { js: 'const __dlcMonacoYield=globalThis.__dlcMonacoYield??(()=>{});' },
    plugins: [yieldBetweenModules],
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
// The main build: its entry, the chunks it imports, its stylesheet and the font. With splitting,
// esbuild also writes a stylesheet per lazy chunk (copies of the same CSS); only the entry's is used.
const mainOut = Object.entries(main.metafile.outputs);
const entry = mainOut.find(([, o]) => o.entryPoint !== undefined && o.cssBundle !== undefined);
if (!entry) throw new Error('build-monaco: no entry with a stylesheet in the main build');
const keep = new Set(mainOut.filter(([path]) => !path.endsWith('.css')).map(([path]) => basename(path)));
keep.add(basename(entry[1].cssBundle));
manifest.main = `_astro/monaco/${basename(entry[0])}`;
manifest.css = `_astro/monaco/${basename(entry[1].cssBundle)}`;
for (const file of main.outputFiles) {
  const name = basename(file.path);
  if (!keep.has(name)) continue;
  writeFileSync(outDir + name, file.contents);
  total += file.contents.length;
}
for (const [key, result] of [['editorWorker', editorWorker], ['tsWorker', tsWorker]]) {
  for (const file of result.outputFiles) {
    const m = /^(editor\.worker|ts\.worker)\.js$/.exec(basename(file.path));
    if (!m) throw new Error(`build-monaco: unexpected worker output ${file.path}`);
    const name = `${m[1]}.${hash(file.contents)}.js`;
    manifest[key] = `_astro/monaco/${name}`;
    writeFileSync(outDir + name, file.contents);
    total += file.contents.length;
  }
}
for (const key of ['main', 'css', 'editorWorker', 'tsWorker']) {
  if (!manifest[key]) throw new Error(`build-monaco: no output for ${key}`);
}
mkdirSync(`${root}src/generated`, { recursive: true });
writeFileSync(`${root}src/generated/monaco.json`, `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`monaco: public/_astro/monaco/ (${(total / 1024 / 1024).toFixed(1)} MB) in ${((performance.now() - t0) / 1000).toFixed(1)}s`);
