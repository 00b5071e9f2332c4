#!/usr/bin/env node
/**
 * Finds a Chromium for Playwright on machines without network access:
 *   1. $CHROMIUM_PATH, 2. /usr/bin/chromium (Debian package), 3. Playwright's own browser if installed.
 * If none exists, prints the install commands (Chinese + English) and exits 1.
 * `node scripts/find-chromium.mjs` prints the path it picked.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

/** @returns {string | undefined} */
function playwrightChromium() {
  try {
    /** @type {{ chromium: { executablePath(): string } }} */
    const pw = require('playwright-core');
    const path = pw.chromium.executablePath();
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/**
 * @param {{ exitOnMissing?: boolean }} [options]
 * @returns {string} absolute path of a Chromium executable
 */
export function findChromium({ exitOnMissing = true } = {}) {
  const fromEnv = process.env['CHROMIUM_PATH'];
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    console.warn(`CHROMIUM_PATH=${fromEnv} 不存在 / does not exist; trying other locations.`);
  }
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  const bundled = playwrightChromium();
  if (bundled) return bundled;

  const message = [
    '找不到 Chromium 浏览器，端到端测试无法运行。请任选一种方式安装：',
    'No Chromium found, so the end-to-end tests cannot run. Install one of:',
    '  Debian / Ubuntu:   sudo apt-get install chromium',
    '  其他系统 / elsewhere: npx playwright install chromium',
    '或者设置环境变量 / or point to an existing binary:  CHROMIUM_PATH=/path/to/chromium',
  ].join('\n');
  if (exitOnMissing) {
    console.error(message);
    process.exit(1);
  }
  throw new Error(message);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(findChromium());
}
