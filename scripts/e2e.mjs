#!/usr/bin/env node
/**
 * `npm run test:e2e [-- playwright args]`: builds the site when dist/ is missing or older than
 * the sources (always when CI=true), then runs `playwright test` and exits with its code.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const SOURCES = ['src', 'content', 'exercises', 'public', 'astro.config.mjs', 'package.json', 'package-lock.json'];
const MARKERS = ['dist/index.html', 'dist/pagefind/pagefind.js'];

/** Newest mtime (ms) under a file or directory. */
function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const name of readdirSync(path)) max = Math.max(max, newest(join(path, name)));
  return max;
}

function needsBuild() {
  if (process.env['CI'] === 'true' || process.env['CI'] === '1') return 'CI';
  const markers = MARKERS.map((m) => join(root, m));
  if (markers.some((m) => !existsSync(m))) return 'dist/ 不存在或不完整';
  const built = Math.min(...markers.map((m) => statSync(m).mtimeMs));
  const src = Math.max(...SOURCES.map((s) => newest(join(root, s))));
  return src > built ? '源文件比 dist/ 新' : '';
}

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.error) throw r.error;
  return r.status ?? 1;
}

const reason = needsBuild();
if (reason) {
  console.log(`[e2e] 构建站点（${reason}）… / building the site`);
  const t0 = Date.now();
  const code = run('npm', ['run', 'build'], {
    ASTRO_TELEMETRY_DISABLED: '1',
    NODE_OPTIONS: process.env['NODE_OPTIONS'] ?? '--max-old-space-size=3072',
  });
  if (code !== 0) {
    console.error('[e2e] 构建失败 / build failed');
    process.exit(code);
  }
  console.log(`[e2e] 构建完成 / built in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
} else {
  console.log('[e2e] dist/ 已是最新，跳过构建 / dist/ is up to date');
}

process.exit(run(process.execPath, [join(root, 'node_modules/@playwright/test/cli.js'), 'test', ...process.argv.slice(2)]));
