// Builds the browser copy of the `typescript` package (src/grader/compile.ts loads it lazily, on a
// syntax error only, to point at the right spot) with esbuild into public/_astro/vendor/.
// Bundled by Vite, this one 9 MB CommonJS file cost more build time than the whole rest of the
// client build. astro.config.mjs resolves the client's `import('typescript')` to this file; the
// CLI and the tests keep using the package from node_modules, so both hosts run the same version.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = `${root}public/_astro/vendor/`;
const t0 = performance.now();
const { version } = JSON.parse(readFileSync(`${root}node_modules/typescript/package.json`, 'utf8'));

const result = await build({
  // `export default` = module.exports, which is what `(await import('typescript')).default` was.
  stdin: { contents: "import ts from 'typescript'; export default ts;", resolveDir: root, sourcefile: 'typescript-entry.js', loader: 'js' },
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' },
});
const code = result.outputFiles[0].contents;
const name = `typescript.${createHash('sha256').update(code).digest('hex').slice(0, 12)}.js`;
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
writeFileSync(outDir + name, code);
mkdirSync(`${root}src/generated`, { recursive: true });
writeFileSync(`${root}src/generated/vendor.json`, `${JSON.stringify({ typescript: `_astro/vendor/${name}`, typescriptVersion: version }, null, 2)}\n`);
console.log(`typescript ${version}: public/_astro/vendor/${name} (${(code.length / 1024).toFixed(0)} KB) in ${((performance.now() - t0) / 1000).toFixed(1)}s`);
