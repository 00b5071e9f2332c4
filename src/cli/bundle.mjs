// The CLI as one esbuild bundle (plus one lazily loaded chunk per exercise's cases.ts), cached
// in node_modules/.cache/dl-course/ under a fingerprint of every source it contains. Without
// it, each `grade` process paid tsx's loader and TypeScript transforms of ~100 modules on every
// start. Rebuilt (≈ 0.3 s) when a source file changes; concurrent processes build side by side
// and the first complete directory wins.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = ['src', 'exercises'];
const SKIP = new Set(['generated', 'islands', 'pages', 'components', 'layouts', 'styles', 'scripts']);

/** A fingerprint of every file that can end up in the bundle: path, size and mtime. */
function fingerprint(root) {
  const hash = createHash('sha256');
  const walk = (dir, depth) => {
    for (const d of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(dir, d.name);
      if (d.isDirectory()) {
        if (depth === 1 && SKIP.has(d.name)) continue;
        walk(p, depth + 1);
      } else if (/\.(ts|mjs|json)$/.test(d.name)) {
        const st = statSync(p);
        hash.update(`${p}\0${st.size}\0${st.mtimeMs}\n`);
      }
    }
  };
  for (const s of SOURCES) walk(join(root, s), 0);
  for (const f of ['package.json', 'package-lock.json']) {
    const st = statSync(join(root, f));
    hash.update(`${f}\0${st.size}\0${st.mtimeMs}\n`);
  }
  return hash.digest('hex').slice(0, 16);
}

/** Path of the bundled CLI entry (built if needed), or null when esbuild is unavailable. */
export async function cliBundle(root) {
  const dir = join(root, 'node_modules/.cache/dl-course', `cli-${fingerprint(root)}`);
  const entry = join(dir, 'entry.js');
  if (existsSync(entry)) return entry;
  const { build } = await import('esbuild');
  const ids = readdirSync(join(root, 'exercises'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, 'exercises', d.name, 'cases.ts')))
    .map((d) => d.name)
    .sort();
  const contents = [
    `import { main } from ${JSON.stringify(join(root, 'src/cli/main.ts'))};`,
    `import { useBundledCases } from ${JSON.stringify(join(root, 'src/cli/exercises.ts'))};`,
    `useBundledCases({${ids.map((id) => `${JSON.stringify(id)}: () => import(${JSON.stringify(join(root, 'exercises', id, 'cases.ts'))})`).join(', ')}});`,
    'export { main };',
  ].join('\n');
  const tmp = `${dir}.${process.pid}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  await build({
    stdin: { contents, resolveDir: root, sourcefile: 'cli-entry.js', loader: 'js' },
    outdir: tmp,
    entryNames: 'entry',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
  });
  try {
    renameSync(tmp, dir);
  } catch {
    // Another process finished first: use its copy.
    rmSync(tmp, { recursive: true, force: true });
  }
  return entry;
}
