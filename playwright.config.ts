import { defineConfig } from '@playwright/test';
import { findChromium } from './scripts/find-chromium.mjs';

/**
 * End-to-end tests run against the BUILT site (`astro preview` serves dist/), in a real
 * Chromium found by scripts/find-chromium.mjs. Use `npm run test:e2e` (builds first when needed).
 */
const CI = Boolean(process.env['CI']);
const PORT = Number(process.env['E2E_PORT'] ?? 4321);
const HOST = '127.0.0.1';

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  // 3 workers was tried: Monaco's TypeScript worker then misses hover/completion deadlines.
  workers: 2,
  retries: CI ? 1 : 0,
  forbidOnly: CI,
  // An upper bound, not a wait: tests wait on state. Monaco's TS worker and tfjs are heavy on 2 cores.
  timeout: 60_000,
  expect: { timeout: 7_000 },
  reporter: [['list'], ['./scripts/playwright-summary.ts']],
  use: {
    baseURL: `http://${HOST}:${PORT}`,
    browserName: 'chromium',
    trace: 'off',
    // The service worker (scripts/build-sw.mjs) would precache the whole course (~33 MB) in every
    // fresh context, behind every test. tests/e2e/offline.spec.ts allows it for itself; run the
    // rest with it too by setting E2E_SERVICE_WORKERS=allow.
    serviceWorkers: process.env['E2E_SERVICE_WORKERS'] === 'allow' ? 'allow' : 'block',
    launchOptions: {
      executablePath: findChromium(),
      // The machine has no network: keep Chromium from trying to reach Google services.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    command: `node node_modules/astro/astro.js preview --host ${HOST} --port ${PORT}`,
    url: `http://${HOST}:${PORT}/`,
    reuseExistingServer: !CI,
    timeout: 60_000,
    env: { ASTRO_TELEMETRY_DISABLED: '1' },
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
