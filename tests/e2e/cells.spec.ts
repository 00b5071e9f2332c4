/**
 * Runnable code cells (src/components/Cell.astro, src/islands/cell/, src/sandbox/cell-job.ts):
 * every chapter-1 cell runs without error in the sandbox, an infinite loop times out while the
 * page keeps painting, sliders re-run and update the plot in place, nothing heavy loads before
 * interaction, drafts autosave, and axe finds no serious violations.
 */
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';

const dict = JSON.parse(readFileSync(new URL('../../src/i18n/zh-CN.json', import.meta.url), 'utf8')) as {
  cell: { run: string; edit: string; reset: string; editorLabel: string; viewData: string; useMine: string };
};
const C = dict.cell;
const CH1 = '/chapters/01-what-is-deep-learning/';
const DEV = '/dev/cells/';
const RUN_TIMEOUT = 30_000;

test.describe.configure({ timeout: 90_000 });

const cellById = (page: Page, id: string) => page.locator(`[data-cell="${id}"]`);

async function runCell(cell: Locator): Promise<void> {
  await cell.scrollIntoViewIfNeeded();
  await cell.getByRole('button', { name: C.run, exact: true }).click();
  const expectError = (await cell.getAttribute('data-expect-error')) !== null;
  await expect(cell).toHaveAttribute('data-cell-state', expectError ? 'expected-error' : 'ok', { timeout: RUN_TIMEOUT });
}

/** Serious or critical axe violations, on the whole page or only inside `include`. */
async function axe(page: Page, include?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page });
  if (include) builder = builder.include(include);
  const result = await builder.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 4).join(' | ')}`);
}

test('chapter 1: every cell runs and prints its result, with no error', async ({ page }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(CH1);
  const cells = page.locator('[data-cell]');
  const n = await cells.count();
  expect(n).toBeGreaterThanOrEqual(3);
  for (let i = 0; i < n; i++) {
    const cell = cells.nth(i);
    await runCell(cell);
    const out = cell.locator('[data-cell-output]');
    await expect(out).toHaveAttribute('role', 'log');
    await expect(out).toHaveAttribute('aria-live', 'polite');
    expect((await out.textContent())?.trim().length ?? 0).toBeGreaterThan(0);
    if ((await cell.getAttribute('data-expect-error')) === null) await expect(cell.locator('.cell-error')).toHaveCount(0);
  }
  const text = await page.locator('[data-cell] [data-cell-output]').allTextContents();
  const all = text.join('\n');
  expect(all).toContain('均方误差 L(w, b) = 141.7');
  expect(all).toMatch(/ 1 {2}1 \| {2}2 {2}1 \| 0 {2}\| {2}0/); // XOR truth table, last row
  expect(all).toContain('Tensor float32 [1,1]');
  expect(all).toContain('1.5');
  expect(pageErrors).toEqual([]);
});

test('an infinite loop times out, the page keeps painting, and the next run works', async ({ page }) => {
  await page.goto(DEV);
  const loop = cellById(page, 'dev-loop');
  const xor = cellById(page, 'dev-xor');
  // Warm the sandbox first, so the timing below is the loop's alone.
  await runCell(xor);
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number };
    w.__frames = 0;
    const tick = () => {
      w.__frames++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const frames0 = await page.evaluate(() => (window as unknown as { __frames: number }).__frames);
  await loop.getByRole('button', { name: C.run, exact: true }).click();
  await expect(loop).toHaveAttribute('data-cell-state', 'running');
  await page.waitForTimeout(700);
  // While the worker spins, the main thread still paints and answers.
  const during = await page.evaluate(() => (window as unknown as { __frames: number }).__frames);
  expect(during - frames0).toBeGreaterThan(10);
  await expect(loop).toHaveAttribute('data-cell-state', 'expected-error', { timeout: RUN_TIMEOUT });
  await expect(loop.locator('[data-cell-error="timeout"]')).toBeVisible();
  // A fresh realm runs the next job normally.
  await runCell(xor);
  await expect(xor.locator('.cell-error')).toHaveCount(0);
  await runCell(loop);
});

test('moving a slider re-runs the cell and updates the plot in place', async ({ page }) => {
  await page.goto(DEV);
  const cell = cellById(page, 'dev-house-price');
  await runCell(cell);
  const plot = cell.locator('.cell-plot').first();
  await expect(plot).toBeVisible({ timeout: RUN_TIMEOUT });
  await expect(plot.locator('canvas')).toHaveAttribute('aria-label', /面积与房价/);
  const before = await plot.getAttribute('data-plot-data');
  await plot.evaluate((el) => el.setAttribute('data-test-same', '1'));
  await cell.locator('input[data-cell-param="w"]').fill('2.5');
  await cell.locator('input[data-cell-param="b"]').fill('15');
  await expect(cell.locator('output[data-cell-param-value="w"]')).toHaveText('2.5');
  await expect(cell.locator('[data-cell-output]')).toContainText('均方误差 L(w, b) = 50.0', { timeout: RUN_TIMEOUT });
  await expect(plot).not.toHaveAttribute('data-plot-data', before ?? '', { timeout: RUN_TIMEOUT });
  await expect(cell.locator('.cell-plot[data-test-same="1"]')).toHaveCount(1); // same element: updated in place
  // 查看数据: the plot's numbers as a table.
  await plot.locator('summary', { hasText: C.viewData }).click();
  await expect(plot.locator('table')).toContainText('真实价格 y');
  await expect(plot.locator('table')).toContainText('225'); // a data point
  await expect(plot.locator('table')).toContainText('315'); // the line at x = 120: 2.5 · 120 + 15
});

test('no tfjs, editor or chart code loads before interaction; the page JS stays under 15 KB gzip', async ({ page }) => {
  for (const path of [CH1, DEV]) {
    const bodies = new Map<string, Buffer>();
    const urls: string[] = [];
    const onResponse = async (r: import('@playwright/test').Response) => {
      urls.push(r.url());
      if (/\.m?js(\?|$)/.test(r.url())) bodies.set(r.url(), await r.body().catch(() => Buffer.alloc(0)));
    };
    page.on('response', onResponse);
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    // Scroll every cell into view: scrolling is not interaction.
    for (const cell of await page.locator('[data-cell]').all()) await cell.scrollIntoViewIfNeeded();
    await page.waitForTimeout(500);
    page.off('response', onResponse);
    expect(urls.filter((u) => u.includes('learner-realm')), `${path}: sandbox (tfjs) requested`).toEqual([]);
    let gz = 0;
    for (const [u, body] of bodies) {
      const text = body.toString('utf8');
      expect(text.includes('cell-editor'), `${path}: editor code in ${u}`).toBe(false);
      expect(/ScatterController|chartjs|Chart\.register/i.test(text), `${path}: chart code in ${u}`).toBe(false);
      expect(text.includes('_tfengine'), `${path}: tfjs in ${u}`).toBe(false);
      gz += gzipSync(body).length;
    }
    expect(gz, `${path}: JS before interaction (gzip bytes)`).toBeLessThanOrEqual(15 * 1024);
  }
  // …and clicking 运行 does load the sandbox.
  const realm = page.waitForRequest((r) => r.url().includes('learner-realm'));
  await page.locator('[data-cell]').first().getByRole('button', { name: C.run, exact: true }).click();
  await realm;
});

test('编辑 autosaves per cell, Ctrl+Enter runs, 重置 restores the original', async ({ page }) => {
  await page.goto(DEV);
  const cell = cellById(page, 'dev-xor');
  await cell.getByRole('button', { name: C.edit, exact: true }).click();
  const editor = cell.getByRole('textbox', { name: C.editorLabel });
  await expect(editor).toBeFocused();
  await editor.press('ControlOrMeta+End');
  await editor.pressSequentially("\nconsole.log('我的改动 ' + (1 + 2));");
  await editor.press('ControlOrMeta+Enter');
  await expect(cell).toHaveAttribute('data-cell-state', 'ok', { timeout: RUN_TIMEOUT });
  await expect(cell.locator('[data-cell-output]')).toContainText('我的改动 3');
  await page.waitForTimeout(600);
  expect(await page.evaluate(() => localStorage.getItem('dlc:cell:dev-xor'))).toContain('我的改动');
  await page.reload();
  const restored = cellById(page, 'dev-xor').getByRole('textbox', { name: C.editorLabel });
  await expect(restored).toHaveValue(/我的改动/);
  await cellById(page, 'dev-xor').getByRole('button', { name: C.reset, exact: true }).click();
  await expect(restored).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem('dlc:cell:dev-xor'))).toBeNull();
  // An error shows in Chinese with the cell's line.
  await cellById(page, 'dev-xor').getByRole('button', { name: C.edit, exact: true }).click();
  await restored.fill("const a = 1;\nnull.x;\n");
  await restored.press('ControlOrMeta+Enter');
  await expect(cellById(page, 'dev-xor')).toHaveAttribute('data-cell-state', 'error', { timeout: RUN_TIMEOUT });
  await expect(cellById(page, 'dev-xor').locator('.cell-error')).toContainText('第 2 行');
});

test('用我的实现 runs the learner\'s own exercise code and hands its exports to the cell', async ({ page }) => {
  await page.goto(DEV);
  const cell = cellById(page, 'dev-mine');
  await runCell(cell);
  await expect(cell.locator('[data-cell-output]')).toContainText('用的是参考实现');
  await expect(cell.locator('[data-cell-output]')).toContainText('[165, 215, 265]');
  await page.evaluate(() =>
    localStorage.setItem(
      'dlc:progress:ex:linear-model',
      JSON.stringify({ latestCode: "import * as tf from '@tensorflow/tfjs';\nexport function linearModel(x: tf.Tensor2D, w: tf.Tensor1D, b: number) {\n  return tf.add(tf.dot(x, w), b + 1);\n}\n" }),
    ),
  );
  const mine = cell.getByRole('button', { name: C.useMine, exact: true });
  await mine.click();
  await expect(mine).toHaveAttribute('aria-pressed', 'true');
  await expect(cell.locator('[data-cell-output]')).toContainText('用的是你的实现', { timeout: RUN_TIMEOUT });
  await expect(cell.locator('[data-cell-output]')).toContainText('[166, 216, 266]');
  await expect(cell).toHaveAttribute('data-cell-state', 'ok');
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe: no serious violations with cells, before and after running (${theme})`, async ({ page }) => {
    await page.addInitScript((t) => localStorage.setItem('dl-course:theme', t), theme);
    // Chapter 1's prose belongs to its authors (and to site.spec.ts): here only its cells are
    // checked. The test page holds nothing but cells, so it is checked whole.
    for (const [path, scope] of [[CH1, '[data-cell]'], [DEV, undefined]] as const) {
      await page.goto(path);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      expect(await axe(page, scope), `${path} before running`).toEqual([]);
    }
    for (const cell of await page.locator('[data-cell]').all()) await runCell(cell);
    await expect(page.locator('.cell-plot canvas').first()).toBeVisible();
    await page.locator('.cell-data summary').first().click();
    expect(await axe(page), `${DEV} after running`).toEqual([]);
  });
}
