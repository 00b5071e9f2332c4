// The browser's Web Worker host and the Node CLI share one engine: for the same code and
// seed they must print the same verdict, case by case, message by message.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

const ROOT = process.cwd();
const SEED = 7;

function cliJson(id: string, file: string): unknown {
  const r = spawnSync(process.execPath, [join(ROOT, 'src/cli/bin.mjs'), 'grade', id, file, '--json', '--seed', String(SEED)], { encoding: 'utf8' });
  expect([0, 1], r.stderr).toContain(r.status);
  return JSON.parse(r.stdout);
}

const firstWrong = (id: string) => join('exercises', id, 'wrong', readdirSync(join(ROOT, 'exercises', id, 'wrong')).filter((f) => f.endsWith('.ts')).sort()[0]!);
const submissions: [string, string][] = [
  ['sigmoid', 'exercises/sigmoid/solution.ts'],
  ['sigmoid', 'exercises/sigmoid/starter.ts'],
  ['softmax', firstWrong('softmax')],
  ['conv2d', 'exercises/conv2d/solution.ts'],
];

test('the Web Worker host gives the same verdict as the CLI for the same code and seed', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/grader/');
  for (const [id, file] of submissions) {
    await page.selectOption('#grader-exercise', id);
    await page.fill('#grader-seed', String(SEED));
    await page.fill('#grader-code', readFileSync(join(ROOT, file), 'utf8'));
    await page.evaluate(() => (document.getElementById('grader-json')!.textContent = ''));
    await page.click('#grader-run');
    const json = page.locator('#grader-json');
    await expect(json).not.toBeEmpty({ timeout: 30_000 });
    const browser = JSON.parse((await json.textContent())!);
    expect(browser, `${id} ${file}`).toEqual(cliJson(id, join(ROOT, file)));
  }
});

test('code that hangs the compiler costs its own run only: the page keeps painting and prints what the CLI prints', async ({ page }) => {
  test.setTimeout(120_000);
  // Sucrase backtracks for hours over 28 nested generic arrow heads; TypeScript's parser, asked
  // where the error in 30 nested unclosed `async (` is, speculates for minutes.
  const bombs: [string, string, string][] = [
    ['relu', 'generic.ts', `import * as tf from '@tensorflow/tfjs';\nexport const relu = ${'<T>('.repeat(28)}x${')'.repeat(28)};\n`],
    ['softmax', 'async.ts', `import * as tf from '@tensorflow/tfjs';\nexport function softmax(z: tf.Tensor) { return ${'async ('.repeat(30)}\n`],
  ];
  const dir = mkdtempSync(join(tmpdir(), 'bombs-'));
  await page.goto('/grader/');
  for (const [id, name, code] of bombs) {
    writeFileSync(join(dir, name), code);
    await page.selectOption('#grader-exercise', id);
    await page.fill('#grader-seed', String(SEED));
    await page.fill('#grader-code', code);
    await page.evaluate(() => (document.getElementById('grader-json')!.textContent = ''));
    await page.click('#grader-run');
    // The main thread answers while the run lasts: two animation frames go by.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const json = page.locator('#grader-json');
    await expect(json).not.toBeEmpty({ timeout: 30_000 });
    const browser = JSON.parse((await json.textContent())!);
    expect(browser.error.kind).toBe(id === 'relu' ? 'timeout' : 'compile');
    expect(browser, name).toEqual(cliJson(id, join(dir, name)));
  }
});

test('a layer that answers for itself, and a banned class fetched by name, fail in the browser exactly as in the CLI', async ({ page }) => {
  test.setTimeout(120_000);
  const head = "import * as tf from '@tensorflow/tfjs';\n";
  const attacks: [string, string][] = [
    // Never calls addWeight; keeps the grader's weights itself and reports made-up shapes and counts.
    ['forged.ts', `${head}export class MyDense extends tf.layers.Layer {
  static className = 'MyDense';
  units: number; useBias: boolean; k: any = null; b: any = null;
  constructor(c: any) { super({}); this.units = c.units; this.useBias = c.useBias ?? true; }
  build() { this.built = true; }
  get weights(): any { return this.useBias ? [{ shape: [3, this.units] }, { shape: [this.units] }] : [{ shape: [3, this.units] }]; }
  setWeights(w: any[]) { this.k = tf.keep(w[0].clone()); this.b = this.useBias ? tf.keep(w[1].clone()) : null; }
  countParams() { return 0; }
  call(x: any) { const y = tf.matMul(Array.isArray(x) ? x[0] : x, this.k); return this.b ? tf.add(y, this.b) : y; }
  computeOutputShape(s: any) { return [s[0], this.units]; }
}\n`],
    // tfjs's own Dense, deserialised by class name through Sequential.fromConfig.
    ['registry.ts', `${head}export class MyDense extends tf.layers.Layer {
  static className = 'MyDense';
  units: number; inner: any = null;
  constructor(c: any) { super({}); this.units = c.units; }
  call(x: any) { const m: any = tf.sequential(); this.inner ??= m.constructor.fromConfig(m.constructor, { name: 's', layers: [{ className: 'Dense', config: { units: this.units, batchInputShape: [null, 3] } }] }).layers[0]; return this.inner.apply(Array.isArray(x) ? x[0] : x); }
  computeOutputShape(s: any) { return [s[0], this.units]; }
}\n`],
  ];
  const dir = mkdtempSync(join(tmpdir(), 'layers-'));
  await page.goto('/grader/');
  for (const [name, code] of attacks) {
    writeFileSync(join(dir, name), code);
    await page.selectOption('#grader-exercise', 'dense-layer');
    await page.fill('#grader-seed', String(SEED));
    await page.fill('#grader-code', code);
    await page.evaluate(() => (document.getElementById('grader-json')!.textContent = ''));
    await page.click('#grader-run');
    const json = page.locator('#grader-json');
    await expect(json).not.toBeEmpty({ timeout: 30_000 });
    const browser = JSON.parse((await json.textContent())!);
    expect(browser.passed, name).toBe(false);
    if (name === 'registry.ts') expect(browser.error.kind).toBe('banned');
    expect(browser, name).toEqual(cliJson('dense-layer', join(dir, name)));
  }
});

test('the grader page is labelled, keyboard-operable and has no serious axe violations', async ({ page }) => {
  await page.goto('/grader/');
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
  expect(bad).toEqual([]);
  // Keyboard only: fill the form and submit with Enter on the button.
  await page.locator('#grader-code').fill("import * as tf from '@tensorflow/tfjs';\nexport function relu(z: tf.Tensor) { return tf.maximum(z, 0); }");
  await page.selectOption('#grader-exercise', 'relu');
  await page.locator('#grader-run').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#grader-status')).toHaveText(/^✓ \d+\/\d+$/, { timeout: 30_000 });
});
