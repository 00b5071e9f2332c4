/**
 * Chapter 12 (the capstone) in Chromium: the page ships little JS and no dataset bytes before a
 * training cell runs; the dense network trains to ≥ 85 % validation accuracy and keeps the model;
 * drawing on the pad with the mouse gives a prediction; the saved model survives a reload; 停止
 * stops a long training; a broken or other-version record is reported and nothing else is lost.
 * The chapter's cells and their printed numbers are run by cells-chapters.spec.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const CH12 = '/chapters/12-browser-classifier/';
const dict = JSON.parse(readFileSync(new URL('../../src/i18n/zh-CN.json', import.meta.url), 'utf8')) as {
  cell: { run: string; stop: string };
  capstone: { pad: { sample: string; clear: string } };
};
/** The cap the issue sets for training to 85 %. */
const TRAIN_CAP = 60_000;

const pad = (page: Page) => page.locator('[data-digit-pad]');

/**
 * Draws a "1" with the mouse: a short flag, then a long stroke down. The chapter's far sections
 * are laid out only as they near the screen (content-visibility), so the page can still shift
 * while the stroke is drawn on a loaded machine: the stroke is redrawn until the pad holds ink.
 */
async function drawOne(page: Page): Promise<void> {
  const canvas = pad(page).locator('[data-pad-canvas]');
  await expect(async () => {
    await canvas.scrollIntoViewIfNeeded();
    const box = (await canvas.boundingBox())!;
    const at = (x: number, y: number) => [box.x + (x / 280) * box.width, box.y + (y / 280) * box.height] as const;
    await page.mouse.move(...at(115, 90));
    await page.mouse.down();
    for (const [x, y] of [[130, 75], [145, 62], [145, 100], [145, 140], [145, 180], [145, 218]] as const) await page.mouse.move(...at(x, y), { steps: 4 });
    await page.mouse.up();
    const inked = await canvas.evaluate((c: HTMLCanvasElement) => c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data.some((v, i) => i % 4 === 3 && v > 0));
    expect(inked, 'the stroke landed on the pad').toBe(true);
  }).toPass({ timeout: 20_000 });
}

test('the held-out digits are in one chunk that only the train-classifier cases (graded in the reference worker) import', () => {
  const root = new URL('../../', import.meta.url);
  const manifest = JSON.parse(readFileSync(new URL('src/generated/data-private.json', root), 'utf8')) as { datasets: Record<string, { path: string }> };
  const probe = readFileSync(new URL(manifest.datasets['digits-heldout']!.path, root)).toString('base64').slice(5000, 5080);
  const files = (dir: URL): URL[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(new URL(`${d.name}/`, dir)) : [new URL(d.name, dir)]));
  // dist/ holds every page and both realms' bundles (under _astro/sandbox/). sw.js names every file
  // for the offline precache, so it is the one file allowed to mention the chunk without importing it.
  const all = files(new URL('dist/', root)).filter((f) => /\.(m?js|html|json)$/.test(f.pathname) && !f.pathname.endsWith('/sw.js'));
  const text = new Map(all.map((f) => [f.pathname, readFileSync(f, 'utf8')]));
  const holders = [...text].filter(([, t]) => t.includes(probe)).map(([p]) => p);
  expect(holders, 'files holding the held-out bytes').toHaveLength(1);
  const chunk = holders[0]!.split('/').pop()!;
  const importers = [...text].filter(([p, t]) => p !== holders[0] && t.includes(chunk)).map(([p]) => p);
  expect(importers, 'who imports the held-out chunk').toHaveLength(1);
  expect(text.get(importers[0]!)).toContain('三类螺旋');
  const casesChunk = importers[0]!.split('/').pop()!;
  const users = [...text].filter(([p, t]) => p !== importers[0] && t.includes(casesChunk)).map(([p]) => p.split('/').pop());
  expect(users.length, 'who imports the cases chunk').toBe(1);
  expect(users[0]).toMatch(/^grader\.worker-/);
});

test('before interaction: ≤ 15 KB gzip of page JS, no dataset bytes, no tfjs on the page', async ({ page }) => {
  const js = new Map<string, Buffer>();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('response', async (r) => {
    if (/\.m?js(\?|$)/.test(r.url())) js.set(r.url(), await r.body().catch(() => Buffer.alloc(0)));
  });
  await page.goto(CH12);
  await page.waitForLoadState('networkidle');
  const pageCode = [...js].filter(([u]) => !u.includes('learner-realm'));
  let gz = 0;
  for (const [u, body] of pageCode) {
    gz += gzipSync(body).length;
    expect(body.toString('utf8').includes('_tfengine'), `tfjs in ${u}`).toBe(false);
  }
  expect(gz, 'JS before interaction (gzip bytes)').toBeLessThanOrEqual(15 * 1024);
  expect(requests.filter((u) => /\/data\/digits/.test(u)), 'dataset bytes before a cell ran').toEqual([]);
});

test('training reaches ≥ 85 % validation accuracy and keeps the model; drawing predicts; the model survives a reload', async ({ page }) => {
  test.setTimeout(TRAIN_CAP + 90_000);
  const dataRequests: string[] = [];
  page.on('request', (r) => {
    if (/\/data\/digits/.test(r.url())) dataRequests.push(r.url());
  });
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(CH12);
  await page.evaluate(() => indexedDB.deleteDatabase('dlc-capstone'));

  // Before any model: the pad says so, and drawing already shows the 28×28 input.
  await pad(page).scrollIntoViewIfNeeded();
  await expect(pad(page)).toHaveAttribute('data-pad-state', 'none', { timeout: 20_000 });
  expect(dataRequests, 'the pad alone downloads no data').toEqual([]);

  const cell = page.locator('[data-cell="ch12-dense"]');
  await cell.scrollIntoViewIfNeeded();
  await cell.getByRole('button', { name: dict.cell.run, exact: true }).click();
  await expect(cell).toHaveAttribute('data-cell-state', 'ok', { timeout: TRAIN_CAP });
  const out = (await cell.locator('[data-cell-output]').textContent()) ?? '';
  const acc = Number(/验证准确率 ([\d.]+)%/.exec(out)?.[1]);
  expect(acc, out).toBeGreaterThanOrEqual(85);
  await expect(cell.locator('[data-cell-kept="saved"]')).toHaveCount(1);
  expect(new Set(dataRequests).size, 'one data file, downloaded once').toBe(1);

  // The pad picks up the kept model; a mouse stroke gives a prediction.
  await expect(pad(page)).toHaveAttribute('data-pad-state', 'ready');
  await drawOne(page);
  // The prediction worker starts with the first stroke: give it a loaded machine's time.
  await expect(pad(page)).toHaveAttribute('data-pad-prediction', /^\d$/, { timeout: 20_000 });
  await expect(pad(page).locator('[data-pad-prediction]')).toContainText('模型认为这是');
  const preview = await pad(page).locator('[data-pad-preview]').evaluate((c: HTMLCanvasElement) => {
    const d = c.getContext('2d')!.getImageData(0, 0, 28, 28).data;
    let ink = 0;
    for (let i = 0; i < d.length; i += 4) ink += d[i]! > 0 ? 1 : 0;
    return ink;
  });
  expect(preview, 'the 28×28 input shows the stroke').toBeGreaterThan(10);
  const axe = await new AxeBuilder({ page }).include('[data-digit-pad]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  // After a reload the model comes from IndexedDB; the keyboard's sample button predicts too.
  await page.reload();
  await pad(page).scrollIntoViewIfNeeded();
  await expect(pad(page)).toHaveAttribute('data-pad-state', 'ready', { timeout: 20_000 });
  const sample = pad(page).getByRole('button', { name: dict.capstone.pad.sample });
  await sample.focus();
  await page.keyboard.press('Enter');
  await expect(pad(page)).toHaveAttribute('data-pad-prediction', /^\d$/);
  await pad(page).getByRole('button', { name: dict.capstone.pad.clear }).click();
  await expect(pad(page)).not.toHaveAttribute('data-pad-prediction');
  expect(pageErrors).toEqual([]);
});

test('停止 stops a long training', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto(CH12);
  const cell = page.locator('[data-cell="ch12-dense"]');
  await cell.scrollIntoViewIfNeeded();
  // Moving the slider runs the cell (1500 steps: minutes of work).
  await cell.locator('input[data-cell-param="steps"]').fill('1500');
  const progress = cell.locator('[data-cell-progress]');
  await expect(progress).toBeVisible({ timeout: 45_000 });
  await expect.poll(async () => Number(await progress.getAttribute('value')), { timeout: 45_000 }).toBeGreaterThan(0);
  await cell.getByRole('button', { name: dict.cell.stop, exact: true }).click();
  await expect(cell).toHaveAttribute('data-cell-state', 'stopped');
  const done = Number(await progress.getAttribute('value'));
  expect(done).toBeLessThan(1500);
});

test('a broken or other-version saved model is reported in Chinese, and nothing else is touched', async ({ page }) => {
  await page.goto(CH12);
  const put = (record: unknown) =>
    page.evaluate(
      (r) =>
        new Promise<void>((resolve, reject) => {
          const req = indexedDB.open('dlc-capstone', 1);
          req.onupgradeneeded = () => req.result.createObjectStore('models');
          req.onsuccess = () => {
            const tx = req.result.transaction('models', 'readwrite');
            tx.objectStore('models').put(r, 'digits-model');
            tx.oncomplete = () => (req.result.close(), resolve());
            tx.onerror = () => reject(tx.error);
          };
          req.onerror = () => reject(req.error);
        }),
      record,
    );
  await page.evaluate(() => localStorage.setItem('dlc-test-untouched', 'still here'));
  await put({ format: 'dlc-model-record', version: 2, savedAt: '2027-01-01T00:00:00.000Z', model: { version: 2 } });
  await page.reload();
  await pad(page).scrollIntoViewIfNeeded();
  await expect(pad(page)).toHaveAttribute('data-pad-state', 'error', { timeout: 20_000 });
  await expect(pad(page).locator('[data-pad-status]')).toContainText('另一个版本');
  await put({ format: 'dlc-model-record', version: 1, savedAt: '2026-12-05T00:00:00.000Z', model: { format: 'dlc-model', version: 1, name: 'digits-model', inputShape: [784], input: { mean: 0, std: 255 }, layers: [{ type: 'dense', units: 10, activation: 'linear', useBias: true }], weights: [] } });
  await page.reload();
  await pad(page).scrollIntoViewIfNeeded();
  await expect(pad(page).locator('[data-pad-status]')).toContainText('已经损坏', { timeout: 20_000 });
  // Drawing still works (the input is shown), the record is left in place, other data is untouched.
  await drawOne(page);
  await expect(pad(page).locator('[data-pad-prediction]')).toContainText('训练出模型之后');
  expect(await page.evaluate(() => localStorage.getItem('dlc-test-untouched'))).toBe('still here');
  const kept = await page.evaluate(
    () =>
      new Promise<unknown>((resolve) => {
        const req = indexedDB.open('dlc-capstone', 1);
        req.onsuccess = () => {
          const get = req.result.transaction('models').objectStore('models').get('digits-model');
          get.onsuccess = () => (req.result.close(), resolve(get.result));
        };
      }),
  );
  expect(kept).toMatchObject({ format: 'dlc-model-record', version: 1 });
});
