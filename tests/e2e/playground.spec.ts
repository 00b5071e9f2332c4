/**
 * The training playground (/playground/, src/components/Playground.astro): it trains XOR to a
 * test accuracy ≥ 90 %; pause stops the updates and step advances exactly one epoch; the URL
 * round-trips every setting (hidden controls included) and a hostile hash is refused with a
 * Chinese reason; 用我的实现 is locked until adam-step is passed, then trains with the learner's
 * adamStep and shows its console.log line in the log; two optimizers give two curves; the
 * exported cell, run in a code cell, reproduces the final loss; axe finds nothing serious in
 * both themes and at 390 px. Everything waits on state (data-* attributes the island sets).
 * Pure logic (codec, data, CSV, schedules, export generation) is in tests/unit/playground.test.ts.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { EXPORT_LOSS_TOLERANCE } from '../../src/playground/export';
import { DEFAULT_STATE, encodeState, type PlaygroundState } from '../../src/playground/state';

const dict = JSON.parse(readFileSync(new URL('../../src/i18n/zh-CN.json', import.meta.url), 'utf8')) as {
  playground: { play: string; pause: string; step: string; mine: string; exportCell: string; sections: { export: string; log: string }; stopEpochs: string; traceForward: string; traceBackward: string };
  cell: { run: string; edit: string; editorLabel: string };
};
const P = dict.playground;
const TRAIN_TIMEOUT = 90_000;

test.describe.configure({ timeout: 150_000 });

const host = (page: Page) => page.locator('[data-playground]').first();
async function ready(page: Page, root: Locator = host(page)): Promise<void> {
  await expect(root).toHaveAttribute('data-pg-state', /^(ready|paused)$/, { timeout: 60_000 });
}
const num = async (root: Locator, attr: string) => Number(await root.getAttribute(attr));

test('XOR trains to ≥ 90 % test accuracy; pause stops the updates; step is exactly one epoch', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto('/playground/#dataset=xor&layers=8,8&optimizer=adam&learningRate=0.03&trainRatio=70');
  const root = host(page);
  await ready(page);
  await page.getByRole('button', { name: P.play, exact: true }).click();
  await expect.poll(async () => num(root, 'data-test-acc'), { timeout: TRAIN_TIMEOUT }).toBeGreaterThanOrEqual(0.9);
  await page.getByRole('button', { name: P.pause, exact: true }).click();
  await expect(root).toHaveAttribute('data-pg-state', 'paused');
  const epoch = await num(root, 'data-paused-epoch');
  await expect.poll(async () => num(root, 'data-epoch')).toBe(epoch);
  const steps = await num(root, 'data-steps');
  // More frames (hovering a neuron redraws the big map), no more training.
  const frames = await num(root, 'data-frames');
  await root.locator('.pg-node[data-col="1"]').first().hover();
  await expect.poll(async () => num(root, 'data-frames')).toBeGreaterThan(frames);
  expect(await num(root, 'data-epoch')).toBe(epoch);
  expect(await num(root, 'data-steps')).toBe(steps);
  // Step: one epoch = ⌈350 training points / batch 10⌉ = 35 mini-batches.
  await page.getByRole('button', { name: P.step, exact: true }).click();
  await expect(root).toHaveAttribute('data-pause-reason', 'step');
  await expect.poll(async () => num(root, 'data-epoch')).toBe(epoch + 1);
  expect(await num(root, 'data-steps')).toBe(steps + 35);
  expect(errors).toEqual([]);
});

test('the URL round-trips every setting, hidden controls included; a hostile hash is refused cleanly', async ({ page }) => {
  const s: PlaygroundState = {
    ...DEFAULT_STATE,
    dataset: 'spiral',
    seed: 7,
    noise: 25,
    trainRatio: 60,
    batchSize: 12,
    features: ['x1', 'x2', 'sinx1'],
    layers: [
      { units: 6, activation: 'relu', init: 'he', dropout: 0.1, batchNorm: true, residual: false },
      { units: 6, activation: 'tanh', init: 'glorot', dropout: 0, batchNorm: false, residual: true },
    ],
    learningRate: 0.01,
    schedule: 'step',
    scheduleGamma: 0.5,
    scheduleEvery: 20,
    optimizer: 'rmsprop',
    rho: 0.95,
    epsilon: 1e-6,
    compare: 'adam',
    compareLr: 0.003,
    regularization: 'l2',
    regRate: 0.001,
    loss: 'ce',
    showTest: true,
    discretize: true,
    stopEpochs: 50,
    stopLoss: 0.1,
    hide: ['dataset', 'noise', 'csv'],
  };
  const hash = encodeState(s);
  await page.goto(`/playground/#${hash}`);
  const root = host(page);
  await ready(page);
  expect(await page.evaluate(() => location.hash)).toBe(`#${hash}`);
  await expect(root.locator('[data-control="dataset"]')).toBeHidden();
  await expect(root.locator('[data-control="noise"]')).toBeHidden();
  await expect(root.locator('[data-control="trainRatio"]')).toBeVisible();
  await expect(root.getByLabel('学习率 η', { exact: true })).toHaveValue('0.01');
  // An edit goes back into the hash.
  await root.getByLabel('学习率 η', { exact: true }).selectOption('0.3');
  await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#${encodeState({ ...s, learningRate: 0.3 })}`);

  // A hostile hash typed into the open page (hashchange), then the same hash on a fresh load.
  await page.goto('/playground/#layers=1000&__proto__=1');
  await expect(root.getByRole('alert')).toContainText('网址里的设置无法使用');
  await page.reload();
  await ready(page);
  await expect(root.getByRole('alert')).toContainText('网址里的设置无法使用');
  await expect(root.getByLabel('数据集', { exact: true })).toHaveValue('circle');
  await expect(root.getByLabel('学习率 η', { exact: true })).toHaveValue('0.03');
});

test('用我的实现: locked until adam-step is passed, then trains with their adamStep and shows their console.log', async ({ page }) => {
  await page.goto('/playground/#optimizer=adam&learningRate=0.03&dataset=xor&layers=4,4');
  const root = host(page);
  await ready(page);
  const mine = root.getByRole('button', { name: P.mine, exact: true });
  await expect(mine).toBeDisabled();
  await expect(root.locator('.pg-mine-link')).toHaveAttribute('href', '/exercises/adam-step/');

  const code = `import * as tf from '@tensorflow/tfjs';
export function adamStep(param: tf.Tensor, grad: tf.Tensor, state: { m: tf.Tensor; v: tf.Tensor; t: number }, lr = 0.001, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-7) {
  const t = state.t + 1;
  if (state.t === 0) console.log('我的 Adam 在工作');
  const m = tf.add(tf.mul(beta1, state.m), tf.mul(1 - beta1, grad));
  const v = tf.add(tf.mul(beta2, state.v), tf.mul(1 - beta2, tf.square(grad)));
  const mHat = tf.div(m, 1 - beta1 ** t);
  const vHat = tf.div(v, 1 - beta2 ** t);
  return { param: tf.sub(param, tf.mul(lr, tf.div(mHat, tf.add(tf.sqrt(vHat), epsilon)))), state: { m, v, t } };
}`;
  await page.evaluate((c) => localStorage.setItem('dlc:progress:ex:adam-step', JSON.stringify({ status: 'passed', latestCode: c, passingCode: c })), code);
  await page.reload();
  await ready(page);
  await expect(mine).toBeEnabled();
  await mine.click();
  await expect(mine).toHaveAttribute('aria-pressed', 'true');
  await ready(page);
  await page.getByRole('button', { name: P.play, exact: true }).click();
  await expect(root.getByRole('log')).toContainText('我的 Adam 在工作', { timeout: TRAIN_TIMEOUT });
  await expect.poll(async () => num(root, 'data-epoch'), { timeout: TRAIN_TIMEOUT }).toBeGreaterThanOrEqual(3);
  await page.getByRole('button', { name: P.pause, exact: true }).click();
  await expect(root).toHaveAttribute('data-pg-state', 'paused');
  expect(await root.getAttribute('data-last-error')).toBeNull();
});

test('a learner step that hangs: 暂停 kills the worker and restarts from the last epoch the page holds', async ({ page }) => {
  // Hangs at its 31st call for the first variable: inside epoch 2 (25 mini-batches per epoch).
  const code = `import * as tf from '@tensorflow/tfjs';
export function adamStep(param: tf.Tensor, grad: tf.Tensor, state: { m: tf.Tensor; v: tf.Tensor; t: number }, lr = 0.001) {
  if (state.t === 30) while (true) {}
  return { param: tf.sub(param, tf.mul(lr, grad)), state: { m: state.m, v: state.v, t: state.t + 1 } };
}`;
  await page.goto('/playground/');
  await page.evaluate((c) => localStorage.setItem('dlc:progress:ex:adam-step', JSON.stringify({ status: 'passed', latestCode: c, passingCode: c })), code);
  await page.goto('/playground/#optimizer=adam&mine=1');
  const root = host(page);
  await ready(page);
  await page.getByRole('button', { name: P.play, exact: true }).click();
  await expect(root).toHaveAttribute('data-checkpoint-epoch', '1', { timeout: TRAIN_TIMEOUT });
  await page.getByRole('button', { name: P.pause, exact: true }).click();
  await expect(root.getByRole('log')).toContainText('已终止训练环境，并从第 1 个 epoch 的权重重新开始', { timeout: 15_000 });
  await ready(page);
  await expect.poll(async () => num(root, 'data-epoch')).toBe(1);
  expect(await root.getAttribute('data-pg-state')).toBe('ready');

  // A module whose top level never returns: the worker is replaced and 用我的实现 switched off.
  const stuck = 'while (true) {}\nexport function adamStep() {}';
  await page.evaluate((c) => localStorage.setItem('dlc:progress:ex:adam-step', JSON.stringify({ status: 'passed', latestCode: c, passingCode: c })), stuck);
  await page.reload();
  await expect(root.getByRole('log')).toContainText('关闭「用我的实现」', { timeout: 20_000 });
  await ready(page);
  await expect(root.getByRole('button', { name: P.mine, exact: true })).toHaveAttribute('aria-pressed', 'false');
});

test('two optimizers side by side give two curves', async ({ page }) => {
  await page.goto('/playground/#dataset=gauss&optimizer=adam&learningRate=0.01&compare=sgd&compareLr=0.03&stopEpochs=4');
  const root = host(page);
  await ready(page);
  await page.getByRole('button', { name: P.play, exact: true }).click();
  await expect(root).toHaveAttribute('data-pause-reason', 'budget', { timeout: TRAIN_TIMEOUT });
  const chart = root.locator('.pg-output .pg-chart');
  // Train and test for each optimizer, 5 points each (epochs 0–4).
  await expect(chart).toHaveAttribute('data-series', '4');
  await expect(chart).toHaveAttribute('data-points', '5');
  const curves = await root.evaluate(() => document.querySelector('.pg-output .pg-chart')?.querySelectorAll('canvas').length ?? 0);
  expect(curves).toBe(1);
});

test('an embed with a preset and chosen controls; its exported cell reproduces the final loss', async ({ page }) => {
  await page.goto('/dev/playground/');
  const root = host(page);
  await root.scrollIntoViewIfNeeded();
  await ready(page);
  await expect(root.locator('[data-control="dataset"]')).toBeHidden();
  await expect(root.locator('[data-control="learningRate"]')).toBeVisible();
  await root.getByLabel(P.stopEpochs, { exact: true }).fill('5');
  await root.getByLabel(P.stopEpochs, { exact: true }).press('Tab');
  await root.getByRole('button', { name: P.play, exact: true }).click();
  await expect(root).toHaveAttribute('data-pause-reason', 'budget', { timeout: TRAIN_TIMEOUT });
  await expect.poll(async () => num(root, 'data-epoch')).toBe(5);
  const loss = await num(root, 'data-train-loss');
  await root.getByText(P.sections.export, { exact: true }).click();
  await root.getByRole('button', { name: P.exportCell, exact: true }).click();
  const code = await root.locator('.pg-export-out').inputValue();
  expect(code).toContain('await train.loop(EPOCHS');

  const cell = page.locator('[data-cell="dev-playground-export"]');
  await cell.scrollIntoViewIfNeeded();
  await cell.getByRole('button', { name: dict.cell.edit, exact: true }).click();
  await cell.getByLabel(dict.cell.editorLabel).fill(code);
  await cell.getByRole('button', { name: dict.cell.run, exact: true }).click();
  await expect(cell).toHaveAttribute('data-cell-state', 'ok', { timeout: TRAIN_TIMEOUT });
  const out = await cell.locator('[data-cell-output]').textContent();
  const m = /最终训练损失 ([-\d.e]+)/.exec(out ?? '');
  expect(m, out ?? '').not.toBeNull();
  expect(Math.abs(Number(m![1]) - loss)).toBeLessThanOrEqual(EXPORT_LOSS_TOLERANCE);
});

async function axe(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).include('.pg').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 4).join(' | ')}`);
}

test('axe: no serious violation in light and dark themes and at 390 px', async ({ page }) => {
  for (const [scheme, width] of [['light', 1280], ['dark', 1280], ['light', 390]] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width, height: 900 });
    await page.goto('/playground/#dataset=xor&compare=adam&stopEpochs=2');
    const root = host(page);
    await ready(page);
    await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
    await page.getByRole('button', { name: P.play, exact: true }).click();
    await expect(root).toHaveAttribute('data-pause-reason', 'budget', { timeout: TRAIN_TIMEOUT });
    for (const d of await root.locator('details').all()) await d.evaluate((el) => ((el as HTMLDetailsElement).open = true));
    if (width === 1280 && scheme === 'light') {
      // Step-through backprop: forward shows h, backward δ and the formula with its numbers.
      await root.getByRole('button', { name: P.traceForward, exact: true }).click();
      await expect(root).toHaveAttribute('data-trace-phase', 'forward');
      await root.getByRole('button', { name: P.traceBackward, exact: true }).click();
      await expect(root).toHaveAttribute('data-trace-phase', 'backward');
      await root.locator('.pg-node[data-col="1"]').first().click();
      await expect(root.locator('.pg-editor')).toContainText('∂ℓ/∂w = h · δ');
    } else await root.locator('.pg-node[data-col="1"]').first().click();
    expect(await axe(page), `${scheme} ${width}px`).toEqual([]);
    if (width === 390) expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  }
});
