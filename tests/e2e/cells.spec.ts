/**
 * Runnable code cells (src/components/Cell.astro, src/islands/cell/, src/sandbox/cell-job.ts):
 * every chapter-1 cell runs without error in the sandbox, an infinite loop times out while the
 * page keeps painting, sliders re-run and update the plot in place, live training streams to a
 * chart and 停止 stops it, cells run side by side (a third queues visibly), nothing heavy loads
 * before interaction (the sandbox warms only once a cell nears the viewport), drafts autosave,
 * and axe finds no serious violations.
 */
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';

const dict = JSON.parse(readFileSync(new URL('../../src/i18n/zh-CN.json', import.meta.url), 'utf8')) as {
  cell: { run: string; edit: string; reset: string; stop: string; stopped: string; progress: string; editorLabel: string; viewData: string; useMine: string };
};
const C = dict.cell;
const CH1 = '/chapters/01-what-is-deep-learning/';
const DEV = '/dev/cells/';
const RUN_TIMEOUT = 60_000;

test.describe.configure({ timeout: 150_000 });

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
  expect(all).toContain('100 步之后：w = 2.50，b = 15.0'); // gradient descent reaches the least-squares line
  await expect(cellById(page, 'ch1-gradient-descent').locator('.cell-plot[data-plot-kind="live"]')).toHaveAttribute('data-live-points', '100');
  expect(pageErrors).toEqual([]);
});

test('an infinite loop times out, the page keeps painting, and the next run works', async ({ page }) => {
  await page.goto(DEV);
  const loop = cellById(page, 'dev-loop');
  const xor = cellById(page, 'dev-xor');
  // Warm the sandbox first, so the timing below is the loop's alone.
  await runCell(xor);
  // The page counts the frames it paints while the loop cell is running (state, not a stopwatch).
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number };
    w.__frames = 0;
    const cell = document.querySelector('[data-cell="dev-loop"]');
    const tick = () => {
      if (cell?.getAttribute('data-cell-state') === 'running') w.__frames++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await loop.getByRole('button', { name: C.run, exact: true }).click();
  await expect(loop).toHaveAttribute('data-cell-state', 'running');
  // While the worker spins, the main thread still paints.
  await expect.poll(() => page.evaluate(() => (window as unknown as { __frames: number }).__frames)).toBeGreaterThan(10);
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

test('plot.*({ id }) redraws one plot in place, and a flood of bad train.log calls reaches the page as a capped list', async ({ page }) => {
  await page.goto(DEV);
  const live = cellById(page, 'dev-live-plots');
  await runCell(live);
  // 40 steps × 4 calls with 3 ids: exactly 3 plots, each holding its last state.
  await expect(live.locator('.cell-plot')).toHaveCount(3);
  await expect(live.locator('.cell-plot[data-plot-kind="heatmap"]')).toHaveAttribute('data-plot-data', /^\[39,39,/);
  const lines = JSON.parse((await live.locator('.cell-plot[data-plot-kind="xy"]').nth(1).getAttribute('data-plot-data')) ?? '[]') as number[][];
  expect(lines).toEqual([[0, 39], [39, 0]]);
  const hist = JSON.parse((await live.locator('.cell-plot[data-plot-kind="xy"]').first().getAttribute('data-plot-data')) ?? '[]') as number[][];
  expect(hist[0]!.filter((_, i) => i % 2 === 0).reduce((a, b) => a + b, 0)).toBe(500); // every sample in a bin
  // Three million failing train.log calls: 20 errors and one line counting the rest.
  const flood = cellById(page, 'dev-flood');
  await runCell(flood);
  await expect(flood.locator('[data-cell-output]')).toContainText('循环结束');
  await expect(flood.locator('.cell-error')).toHaveCount(21);
  await expect(flood.locator('.cell-error').last()).toContainText('还有 2999980 条同类错误没有显示');
});

const livePoints = (plot: Locator) => plot.evaluate((el) => Number((el as HTMLElement).dataset.livePoints ?? 0));
const barValue = (bar: Locator) => bar.evaluate((el) => (el as HTMLProgressElement).value);

test('live training: the chart grows, the bar advances, 停止 stops it, other cells run meanwhile, and the next run works', async ({ page }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(DEV);
  const mlp = cellById(page, 'dev-mlp');
  const xor = cellById(page, 'dev-xor');
  await mlp.scrollIntoViewIfNeeded();
  await mlp.getByRole('button', { name: C.run, exact: true }).click();
  const plot = mlp.locator('.cell-plot[data-plot-kind="live"]');
  await expect.poll(() => livePoints(plot), { timeout: RUN_TIMEOUT }).toBeGreaterThanOrEqual(50);
  await expect(plot.locator('canvas')).toHaveAttribute('aria-label', /异或上的多层感知机/);
  const bar = mlp.getByRole('progressbar', { name: C.progress });
  await expect(bar).toBeVisible();
  expect(await bar.evaluate((el) => (el as HTMLProgressElement).max)).toBe(20000);
  const v1 = await barValue(bar);
  await expect.poll(() => barValue(bar)).toBeGreaterThan(v1);

  // Another cell runs while it trains (two realms)…
  await runCell(xor);
  await expect(mlp).toHaveAttribute('data-cell-state', 'running');
  // …and a third waits visibly while two are busy, then runs.
  const loop = cellById(page, 'dev-loop');
  await loop.getByRole('button', { name: C.run, exact: true }).click();
  await expect(loop).toHaveAttribute('data-cell-state', 'running');
  await xor.getByRole('button', { name: C.run, exact: true }).click();
  await expect(xor).toHaveAttribute('data-cell-state', 'queued');
  await expect(xor.locator('[data-cell-status]')).toContainText('排队');
  await expect(loop).toHaveAttribute('data-cell-state', 'expected-error', { timeout: RUN_TIMEOUT });
  await expect(xor).toHaveAttribute('data-cell-state', 'ok', { timeout: RUN_TIMEOUT });

  // 停止: the status says so, the partial chart stays, and no point arrives afterwards.
  await expect(mlp).toHaveAttribute('data-cell-state', 'running');
  await mlp.getByRole('button', { name: C.stop, exact: true }).click();
  await expect(mlp).toHaveAttribute('data-cell-state', 'stopped');
  await expect(mlp.locator('[data-cell-status]')).toContainText(C.stopped);
  await expect(mlp.getByRole('button', { name: C.stop, exact: true })).toBeHidden();
  const atStop = await livePoints(plot);
  const barAtStop = await barValue(bar);
  expect(atStop).toBeGreaterThanOrEqual(50);
  expect(barAtStop).toBeLessThan(20000);
  await runCell(xor); // time passes on state, not on a clock: a whole other run
  expect(await livePoints(plot)).toBe(atStop);
  expect(await barValue(bar)).toBe(barAtStop);
  await expect(plot.locator('canvas')).toBeVisible();

  // The next runs work: a short training cell to the end, then the long one again.
  const gd = cellById(page, 'dev-gd');
  await runCell(gd);
  await expect(gd.locator('.cell-plot[data-plot-kind="live"]')).toHaveAttribute('data-live-points', '100');
  expect(await barValue(gd.getByRole('progressbar', { name: C.progress }))).toBe(100);
  await expect(gd.locator('[data-cell-output]')).toContainText('w = 2.50，b = 15.0');
  await mlp.getByRole('button', { name: C.run, exact: true }).click();
  await expect(mlp).toHaveAttribute('data-cell-state', 'running');
  await expect.poll(() => livePoints(plot), { timeout: RUN_TIMEOUT }).toBeLessThan(atStop); // the chart restarted…
  await expect.poll(() => livePoints(plot), { timeout: RUN_TIMEOUT }).toBeGreaterThanOrEqual(20); // …and grows
  await mlp.getByRole('button', { name: C.stop, exact: true }).click();
  await expect(mlp).toHaveAttribute('data-cell-state', 'stopped');
  expect(pageErrors).toEqual([]);
});

test('no tfjs, editor or chart code before interaction; the sandbox warms only near a cell, inside the sandbox', async ({ page }) => {
  const jsBodies = new Map<string, Buffer>();
  const requests: { url: string; type: string }[] = [];
  page.on('request', (r) => requests.push({ url: r.url(), type: r.resourceType() }));
  page.on('response', async (r) => {
    if (/\.m?js(\?|$)/.test(r.url())) jsBodies.set(r.url(), await r.body().catch(() => Buffer.alloc(0)));
  });
  const pageCode = () => [...jsBodies].filter(([u]) => !u.includes('learner-realm'));
  const noHeavyCode = (path: string) => {
    for (const [u, body] of pageCode()) {
      const text = body.toString('utf8');
      expect(text.includes('cell-editor'), `${path}: editor code in ${u}`).toBe(false);
      expect(/ScatterController|chartjs|Chart\.register/i.test(text), `${path}: chart code in ${u}`).toBe(false);
      expect(text.includes('_tfengine'), `${path}: tfjs in ${u}`).toBe(false);
    }
    // tfjs only ever arrives as data for the sandboxed worker, never as a page script.
    expect(requests.filter((r) => r.url.includes('learner-realm') && r.type !== 'fetch'), `${path}: sandbox loaded as a script`).toEqual([]);
  };

  // Chapter 1 before any scroll: its cells are further down than the warm-up margin (75% of a
  // viewport), so nothing of the sandbox may load yet, and the page JS stays small.
  await page.goto(CH1);
  await page.waitForLoadState('networkidle');
  const firstCell = page.locator('[data-cell]').first();
  const screens = await firstCell.evaluate((el) => el.getBoundingClientRect().top / innerHeight);
  expect(screens, 'the first chapter-1 cell must start below the warm-up margin for this check to mean anything').toBeGreaterThan(1.75);
  expect(requests.filter((r) => r.url.includes('learner-realm')), `${CH1}: sandbox requested before a cell was near`).toEqual([]);
  noHeavyCode(CH1);
  let gz = 0;
  for (const [, body] of pageCode()) gz += gzipSync(body).length;
  expect(gz, `${CH1}: JS before interaction (gzip bytes)`).toBeLessThanOrEqual(15 * 1024);

  // Scrolling a cell near warms the sandbox (fetched as data, evaluated in the sandboxed
  // worker), and still no editor or chart code loads.
  await firstCell.scrollIntoViewIfNeeded();
  await expect(page.locator('body')).toHaveAttribute('data-cell-realm', 'ready', { timeout: RUN_TIMEOUT });
  for (const cell of await page.locator('[data-cell]').all()) await cell.scrollIntoViewIfNeeded();
  noHeavyCode(CH1);
  expect(requests.filter((r) => r.url.includes('learner-realm')), 'one sandbox fetch per page').toHaveLength(1);

  // The test page's cells are on screen at once: it warms at load, and loads no editor or chart.
  await page.goto(DEV);
  await expect(page.locator('body')).toHaveAttribute('data-cell-realm', 'ready', { timeout: RUN_TIMEOUT });
  noHeavyCode(DEV);
  // …and 运行 runs.
  await runCell(page.locator('[data-cell]').first());
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
  await expect.poll(() => page.evaluate(() => localStorage.getItem('dlc:cell:dev-xor'))).toContain('我的改动');
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

test('用我的实现 is disabled until the exercise is passed, then runs the learner\'s passing code', async ({ page }) => {
  await page.goto(DEV);
  const cell = cellById(page, 'dev-mine');
  const mine = cell.getByRole('button', { name: C.useMine, exact: true });
  // Not passed (a draft alone doesn't count): the switch is disabled and links to the exercise.
  await page.evaluate(() => localStorage.setItem('dlc:progress:ex:linear-model', JSON.stringify({ status: 'in-progress', latestCode: 'export const draft = 1;', passingCode: null })));
  await page.reload();
  await expect(mine).toBeDisabled();
  await expect(cell.locator('[data-cell-mine-link]')).toBeVisible();
  await expect(cell.locator('[data-cell-mine-link]')).toHaveAttribute('href', /\/exercises\/linear-model\/$/);
  await runCell(cell);
  await expect(cell.locator('[data-cell-output]')).toContainText('用的是参考实现');
  await expect(cell.locator('[data-cell-output]')).toContainText('[165, 215, 265]');
  // Passed, with code that logs a recognisable line.
  await page.evaluate(() =>
    localStorage.setItem(
      'dlc:progress:ex:linear-model',
      JSON.stringify({
        status: 'passed',
        latestCode: 'export const draft = 1;',
        passingCode: "import * as tf from '@tensorflow/tfjs';\nexport function linearModel(x: tf.Tensor2D, w: tf.Tensor1D, b: number) {\n  console.log('这是我的 linearModel 👋');\n  return tf.add(tf.dot(x, w), b + 1);\n}\n",
      }),
    ),
  );
  await page.reload();
  await expect(mine).toBeEnabled();
  await expect(cell.locator('[data-cell-mine-link]')).toBeHidden();
  await mine.click();
  await expect(mine).toHaveAttribute('aria-pressed', 'true');
  const out = cell.locator('[data-cell-output]');
  await expect(out).toContainText('用的是你的实现', { timeout: RUN_TIMEOUT });
  await expect(out).toContainText('这是我的 linearModel 👋');
  await expect(out).toContainText('通过测试的代码');
  await expect(out).toContainText('[166, 216, 266]');
  await expect(cell).toHaveAttribute('data-cell-state', 'ok');
});

test('用我的实现 on chapter 3: after passing softmax, the bound cell runs the learner\'s softmax and shows its log line', async ({ page }) => {
  await page.goto('/chapters/03-activation-functions/');
  await page.evaluate(() =>
    localStorage.setItem(
      'dlc:progress:ex:softmax',
      JSON.stringify({
        status: 'passed',
        passingCode: "import * as tf from '@tensorflow/tfjs';\nexport function softmax(z: tf.Tensor): tf.Tensor {\n  console.log('学生的 softmax 在画这张图');\n  const e = tf.exp(tf.sub(z, tf.max(z, -1, true)));\n  return tf.div(e, tf.sum(e, -1, true));\n}\n",
      }),
    ),
  );
  await page.reload();
  const cell = cellById(page, 'ch3-softmax-curve');
  const mine = cell.getByRole('button', { name: C.useMine, exact: true });
  await mine.scrollIntoViewIfNeeded();
  await expect(mine).toBeEnabled();
  await mine.click();
  const out = cell.locator('[data-cell-output]');
  await expect(out).toContainText('学生的 softmax 在画这张图', { timeout: RUN_TIMEOUT });
  await expect(out).toContainText('通过测试的代码');
  await expect(cell).toHaveAttribute('data-cell-state', 'ok');
});

test('<Cell data>: the page fetches its data file only when the cell runs, once, and the cell reads the digits', async ({ page }) => {
  const dataRequests: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.startsWith('/data/')) dataRequests.push(r.url());
  });
  await page.goto('/chapters/08-cnn/');
  const cell = cellById(page, 'ch8-edges');
  await expect(cell).toHaveAttribute('data-cell-data-url', /\/data\/digits-small\.[0-9a-f]{12}\.bin$/);
  // Near the viewport, pointer and focus on it: the sandbox warms, and still no data is fetched.
  await cell.scrollIntoViewIfNeeded();
  await cell.hover();
  await expect(page.locator('body')).toHaveAttribute('data-cell-realm', 'ready', { timeout: RUN_TIMEOUT });
  expect(dataRequests, 'data fetched before the run').toEqual([]);
  await runCell(cell);
  const out = cell.locator('[data-cell-output]');
  await expect(out).toContainText('验证集第 0 个数字，标签 9');
  await expect(out).toContainText('竖直边缘（Sobel）：输出在');
  expect(dataRequests).toHaveLength(1);
  // Another digit: a re-run sends the page's copy again (a transferred buffer is gone from the page) without a new request.
  await cell.locator('input[data-cell-param="index"]').fill('1');
  await expect(out).toContainText('验证集第 1 个数字，标签 8', { timeout: RUN_TIMEOUT });
  await expect(cell).toHaveAttribute('data-cell-state', 'ok', { timeout: RUN_TIMEOUT });
  expect(dataRequests).toHaveLength(1);
});

test('用我的实现 on chapter 10: after passing attention, the heat map is drawn by the learner\'s scaledDotProductAttention', async ({ page }) => {
  await page.goto('/chapters/10-attention-transformer/');
  await page.evaluate(() =>
    localStorage.setItem(
      'dlc:progress:ex:attention',
      JSON.stringify({
        status: 'passed',
        passingCode:
          "import * as tf from '@tensorflow/tfjs';\nexport function scaledDotProductAttention(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, mask?: tf.Tensor): tf.Tensor {\n  console.log('学生的注意力在画这张热力图');\n  let s = tf.div(tf.matMul(q, k, false, true), Math.sqrt(q.shape[q.rank - 1]!));\n  if (mask) s = tf.add(s, tf.mul(tf.sub(1, mask), -1e9));\n  return tf.matMul(tf.softmax(s, -1), v);\n}\n",
      }),
    ),
  );
  await page.reload();
  const cell = cellById(page, 'ch10-attention');
  const mine = cell.getByRole('button', { name: C.useMine, exact: true });
  await mine.scrollIntoViewIfNeeded();
  await expect(mine).toBeEnabled();
  await mine.click();
  const out = cell.locator('[data-cell-output]');
  await expect(out).toContainText('学生的注意力在画这张热力图', { timeout: RUN_TIMEOUT });
  await expect(out).toContainText('用的是你的实现');
  await expect(cell).toHaveAttribute('data-cell-state', 'ok');
  // The heat map holds the weights the learner's function returned (V = I): row 2 is 追's.
  const heatmap = cell.locator('.cell-plot[data-plot-kind="heatmap"]');
  await expect(heatmap).toBeVisible();
  await expect(heatmap).toHaveAttribute('data-plot-data', /0\.4054/);
});

test('chapter 11: the GAN cell trains with progress and live histograms, and 停止 stops it', async ({ page }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto('/chapters/11-gan-and-more/');
  const cell = cellById(page, 'ch11-gan');
  await runCell(cell); // the default 300 steps, to the end
  // 5000 steps: the slider re-runs the cell, long enough to stop by hand.
  await cell.locator('input[data-cell-param="steps"]').fill('5000');
  await expect(cell).toHaveAttribute('data-cell-state', 'running', { timeout: RUN_TIMEOUT });
  const bar = cell.getByRole('progressbar', { name: C.progress });
  await expect.poll(() => bar.evaluate((el) => (el as HTMLProgressElement).max), { timeout: RUN_TIMEOUT }).toBe(5000);
  await expect.poll(() => barValue(bar), { timeout: RUN_TIMEOUT }).toBeGreaterThan(100);
  const live = cell.locator('.cell-plot[data-plot-kind="live"]');
  await expect(live.locator('canvas')).toHaveAttribute('aria-label', /判别器与生成器的损失/);
  expect(await livePoints(live)).toBeGreaterThan(0);
  await expect(cell.locator('.cell-plot[data-plot-kind="xy"]').first()).toBeVisible();
  await cell.getByRole('button', { name: C.stop, exact: true }).click();
  await expect(cell).toHaveAttribute('data-cell-state', 'stopped');
  await expect(cell.locator('[data-cell-status]')).toContainText(C.stopped);
  const atStop = await barValue(bar);
  expect(atStop).toBeLessThan(5000);
  // Time passes on state, not on a clock: a whole other run on the page, then nothing has moved.
  await runCell(cellById(page, 'ch11-saturation'));
  expect(await barValue(bar)).toBe(atStop);
  await expect(cell.locator('.cell-error')).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe: no serious violations with cells, before and after running (${theme})`, async ({ page }) => {
    // An upper bound, not a wait: nine runs, each in a freshly spawned realm, on 2 shared cores.
    test.setTimeout(240_000);
    await page.addInitScript((t) => localStorage.setItem('dl-course:theme', t), theme);
    // Chapter 1's prose belongs to its authors (and to site.spec.ts): here only its cells are
    // checked. The test page holds nothing but cells, so it is checked whole.
    for (const [path, scope] of [[CH1, '[data-cell]'], [DEV, undefined]] as const) {
      await page.goto(path);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      expect(await axe(page, scope), `${path} before running`).toEqual([]);
    }
    for (const cell of await page.locator('[data-cell]').all()) {
      if ((await cell.getAttribute('data-cell')) !== 'dev-mlp') await runCell(cell);
    }
    await expect(page.locator('.cell-plot canvas').first()).toBeVisible();
    await page.locator('.cell-data summary').first().click();
    // The long training cell is checked while it trains: live chart, progress bar, 停止.
    const mlp = cellById(page, 'dev-mlp');
    await mlp.getByRole('button', { name: C.run, exact: true }).click();
    await expect.poll(() => livePoints(mlp.locator('.cell-plot')), { timeout: RUN_TIMEOUT }).toBeGreaterThan(10);
    await expect(mlp.getByRole('button', { name: C.stop, exact: true })).toBeVisible();
    expect(await axe(page), `${DEV} after running`).toEqual([]);
    await mlp.getByRole('button', { name: C.stop, exact: true }).click();
    await expect(mlp).toHaveAttribute('data-cell-state', 'stopped');
  });
}
