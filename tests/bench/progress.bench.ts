/**
 * Autosave bench: `npm run bench:progress` (playwright.bench.config.ts; not part of npm test)
 * (against the built site, like the other e2e tests). Prints one JSON line:
 *  - delayMs: last keystroke → the draft's setItem starts (the debounce, AUTOSAVE_DEBOUNCE_MS, plus
 *    the store's read-merge-serialise work), median of 20;
 *  - writeMs: time inside setItem, i.e. for the save to reach storage, median of 20;
 *  - storage: characters (UTF-16 code units, as localStorage counts them) used by one exercise
 *    with a pass and its earlier versions.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

const RUNS = 20;
const solution = readFileSync(new URL('../../exercises/sigmoid/solution.ts', import.meta.url), 'utf8');
const wrong = readFileSync(new URL('../../exercises/sigmoid/wrong/missing-negative-sign.ts', import.meta.url), 'utf8');

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });
test.describe.configure({ timeout: 240_000 });

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

test('autosave delay, write time and storage per exercise', async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as any;
    w.__saves = [] as { start: number; end: number }[];
    w.__lastKey = 0;
    document.addEventListener('keydown', () => (w.__lastKey = performance.now()), true);
    const real = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k: string, v: string) {
      const start = performance.now();
      real.call(this, k, v);
      if (k === 'dlc:progress:ex:sigmoid') w.__saves.push({ start, end: performance.now(), key: w.__lastKey });
    };
  });
  await page.goto('/exercises/sigmoid/');
  await expect(page.locator('[data-editor][data-ready="true"] .monaco-editor')).toBeVisible({ timeout: 30_000 });
  await page.evaluate(() => (window as any).__workbench.editor.setScrollTop(0));
  await page.locator('[data-editor] .monaco-editor .view-lines').click({ position: { x: 40, y: 10 } });
  const delay: number[] = [];
  const write: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const before = await page.evaluate(() => (window as any).__saves.length as number);
    await page.keyboard.press('End');
    await page.keyboard.type('x');
    await expect.poll(() => page.evaluate(() => (window as any).__saves.length as number), { timeout: 10_000 }).toBeGreaterThan(before);
    const s = await page.evaluate(() => (window as any).__saves.at(-1) as { start: number; end: number; key: number });
    delay.push(s.start - s.key);
    write.push(s.end - s.start);
  }

  // Storage of one exercise with a pass and a few earlier versions (runs, a reset).
  const store = async (code: string) => {
    await page.evaluate((c) => (window as any).__workbench.editor.setValue(c), code);
    await page.getByRole('button', { name: /运行测试/ }).click();
    await expect(page.locator('[data-action="run"][aria-busy="true"]')).toHaveCount(0, { timeout: 60_000 });
  };
  await store(wrong);
  await store(`${wrong}\n// 第二次尝试\n`);
  await store(solution);
  const storage = await page.evaluate(() => {
    const out: Record<string, number> = {};
    for (const k of Object.keys(localStorage)) if (k.includes(':sigmoid')) out[k] = k.length + (localStorage.getItem(k) ?? '').length;
    return out;
  });
  const versions = await page.evaluate(() => (window as any).__workbench.store.versions('sigmoid').length as number);
  const result = {
    runs: RUNS,
    delayMs: { median: Math.round(median(delay) * 10) / 10, min: Math.round(Math.min(...delay)), max: Math.round(Math.max(...delay)) },
    writeMs: { median: Math.round(median(write) * 1000) / 1000, max: Math.round(Math.max(...write) * 1000) / 1000 },
    storage: { ...storage, total: Object.values(storage).reduce((a, b) => a + b, 0), versions },
  };
  console.log(`PROGRESS_BENCH ${JSON.stringify(result)}`);
});
