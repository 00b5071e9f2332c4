/**
 * The offline course (scripts/build-sw.mjs, src/pwa/): after one online visit the whole course
 * works without a network, and a new deployment shows 「有新版本，刷新」 without losing a draft.
 *
 * One test on purpose: installing the service worker precaches the whole course (~33 MB raw),
 * which is the expensive part, so it happens once. The site is served by scripts/serve-dist.mjs
 * (gzip and cache rules like a real host) from a COPY of dist/, so that the test can deploy a new
 * version into it without touching the dist/ other specs are reading. "Offline" is both
 * `context.setOffline(true)` and the server being shut down: any request that escaped the
 * service worker would fail, and the server log proves none reached it.
 *
 * The other specs run with service workers blocked (playwright.config.ts, E2E_SERVICE_WORKERS),
 * so that each of their fresh contexts does not download the course in the background.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { serveDist } from '../../scripts/serve-dist.mjs';
import { buildServiceWorker } from '../../scripts/build-sw.mjs';

type Server = { url: string; log: { path: string }[]; close(): Promise<void> };

const dict = JSON.parse(readFileSync(new URL('../../src/i18n/zh-CN.json', import.meta.url), 'utf8')) as {
  cell: { run: string };
  site: { search: { label: string } };
  exercise: { run: string };
  pwa: { update: { text: string; reload: string }; offline404: string };
};
const src = (id: string, file: string) => readFileSync(new URL(`../../exercises/${id}/${file}`, import.meta.url), 'utf8');

const CH1 = '/chapters/01-what-is-deep-learning/';
const CH8 = '/chapters/08-cnn/';
const SIGMOID = '/exercises/sigmoid/';
const solution = src('sigmoid', 'solution.ts');
const broken = src('sigmoid', 'starter.ts').replace('return tf.zerosLike(z);', 'return tf.zerosLike(z;');

let dir = '';
let server: Server;
let port = 0;

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dlc-offline-'));
  cpSync(new URL('../../dist/', import.meta.url), dir, { recursive: true });
  server = (await serveDist({ dist: dir })) as Server;
  port = Number(new URL(server.url).port);
});
test.afterAll(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test.use({ serviceWorkers: 'allow', permissions: ['clipboard-read', 'clipboard-write'] });

const editorValue = (page: Page) => page.evaluate(() => (window as any).__workbench.editor.getValue() as string);

async function paste(page: Page, code: string): Promise<void> {
  await page.evaluate((text) => navigator.clipboard.writeText(text), code);
  await page.locator('[data-editor]').scrollIntoViewIfNeeded();
  await page.locator('[data-editor] .monaco-editor .view-lines').click({ position: { x: 40, y: 10 } });
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
  await expect.poll(() => editorValue(page)).toBe(code);
}

async function grade(page: Page): Promise<void> {
  await page.getByRole('button', { name: new RegExp(dict.exercise.run) }).click();
  await expect(page.locator('[data-action="run"][aria-busy="true"]')).toHaveCount(0, { timeout: 30_000 });
}

test('after one visit the course works offline; a new deployment prompts 「有新版本，刷新」 and keeps the draft', async ({ browser }) => {
  test.setTimeout(240_000);
  const context = await browser.newContext({ baseURL: server.url, serviceWorkers: 'allow', permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  // The order in which <html> gains data-settled (an exercise page's grader is warm) and data-sw
  // (the service worker is registered), per page load.
  await context.addInitScript(() => {
    const order: string[] = ((window as unknown as { __swOrder: string[] }).__swOrder = []);
    new MutationObserver(() => {
      const html = document.documentElement;
      for (const a of ['settled', 'sw']) if (html.hasAttribute(`data-${a}`) && !order.includes(a)) order.push(a);
    }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-settled', 'data-sw'] });
  });

  // 1. One online visit to a chapter: the worker registers after load, precaches the course and
  //    takes over the page (it is active only once every file is in its cache).
  await page.goto(CH1);
  await expect(page.locator('html')).toHaveAttribute('data-sw', 'registered', { timeout: 30_000 });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 180_000 });
  const manifest = await page.evaluate(async () => (await fetch('/manifest.webmanifest')).json());
  expect(manifest).toMatchObject({ display: 'standalone', start_url: '/', lang: 'zh-CN' });
  expect(manifest.icons.map((i: { sizes: string }) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));

  // 2. Offline, and the host gone.
  await context.setOffline(true);
  await server.close();
  const served = server.log.length;

  // A chapter reloads…
  await page.reload();
  await expect(page.locator('h1')).toBeVisible();
  await expect(page.locator('.katex').first()).toBeVisible();
  // The search works (Pagefind's index is precached) and leads to another chapter…
  await page.getByRole('searchbox', { name: dict.site.search.label }).fill('卷积');
  await page.locator(`.search-results a[href^="${CH8}"]`).first().click();
  await expect(page).toHaveURL(new RegExp(`${CH8}`));
  // …which opens, and a cell with a data file runs in the sandbox.
  const cell = page.locator('[data-cell="ch8-edges"]');
  await cell.scrollIntoViewIfNeeded();
  await cell.getByRole('button', { name: dict.cell.run, exact: true }).click();
  await expect(cell).toHaveAttribute('data-cell-state', 'ok', { timeout: 60_000 });
  // The sandboxed iframe (opaque origin) is no client of the service worker: nothing the worker
  // serves can reach it or widen its policy.
  const sandbox = page.frames().find((f) => f !== page.mainFrame() && f.url() === 'about:srcdoc');
  expect(sandbox, 'the sandbox iframe').toBeDefined();
  expect(await sandbox!.evaluate(() => {
    try {
      return String(navigator.serviceWorker.controller);
    } catch (e) {
      return (e as Error).name;
    }
  })).toBe('SecurityError');

  // An exercise page: Monaco, the graders and the browser TypeScript all come from the cache.
  await page.goto(SIGMOID);
  await page.reload();
  await expect(page.locator('[data-editor][data-ready="true"] .monaco-editor')).toBeVisible({ timeout: 30_000 });
  await paste(page, broken);
  await grade(page);
  const line = broken.split('\n').findIndex((l) => l.includes('zerosLike(z;')) + 1;
  await expect(page.locator('[data-error-kind="compile"] [data-error-line]')).toHaveAttribute('data-error-line', String(line));
  await paste(page, solution);
  await grade(page);
  await expect(page.locator('[data-results] [data-summary]')).toHaveText(/^全部通过 \((\d+)\/\1\)$/);

  // An address that does not exist: the 404 page, saying the learner is offline.
  await page.goto('/no-such-page/');
  await expect(page.getByText(dict.pwa.offline404)).toBeVisible();
  expect(server.log.length, 'no request reached the (closed) host while offline').toBe(served);

  // 3. Back online; a new deployment arrives while an exercise page with an unsaved draft is open.
  server = (await serveDist({ dist: dir, port })) as Server;
  await context.setOffline(false);
  await page.goto(SIGMOID);
  await expect(page.locator('[data-editor][data-ready="true"] .monaco-editor')).toBeVisible({ timeout: 30_000 });
  // An exercise page starts the service worker (and any background download) only once its grader is warm.
  await expect(page.locator('html')).toHaveAttribute('data-sw', 'registered', { timeout: 30_000 });
  expect(await page.evaluate(() => (window as unknown as { __swOrder: string[] }).__swOrder)).toEqual(['settled', 'sw']);
  const page2 = join(dir, 'exercises/sigmoid/index.html');
  writeFileSync(page2, readFileSync(page2, 'utf8').replace('</head>', '<meta name="dlc-deployment" content="2"></head>'));
  await buildServiceWorker({ dist: dir, gzip: false });
  const draft = `${solution}\n// 新版本之前写的草稿\n`;
  await paste(page, draft);
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
  const prompt = page.locator('#pwa-update');
  await expect(prompt).toHaveAttribute('role', 'status');
  await expect(prompt).toContainText(dict.pwa.update.text, { timeout: 60_000 });
  // The page kept working on its own version meanwhile.
  await expect(page.locator('meta[name="dlc-deployment"]')).toHaveCount(0);
  // 刷新, from the keyboard: the new worker takes over, the page reloads on the new version, and
  // the draft typed a moment ago is still in the editor.
  const reload = prompt.getByRole('button', { name: dict.pwa.update.reload, exact: true });
  await reload.focus();
  await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
  await expect(page.locator('meta[name="dlc-deployment"]')).toHaveCount(1);
  await expect(page.locator('[data-editor][data-ready="true"] .monaco-editor')).toBeVisible({ timeout: 30_000 });
  expect(await editorValue(page)).toBe(draft);
  await expect(page.locator('#pwa-update button')).toHaveCount(0);
  expect(pageErrors).toEqual([]);
  await context.close();
});
