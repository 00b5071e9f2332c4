/**
 * The first layer exercise, solved the way a learner does: the prepared answer pasted into the
 * real editor, graded in the browser sandbox (a class extending tf.layers.Layer, checked for
 * its weights, outputs, output shape, parameter count and behaviour inside tf.sequential).
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

const solution = readFileSync(new URL('../../exercises/dense-layer/solution.ts', import.meta.url), 'utf8');
const wrong = readFileSync(new URL('../../exercises/dense-layer/wrong/plain-tensor-kernel.ts', import.meta.url), 'utf8');
test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

async function run(page: Page): Promise<void> {
  await page.getByRole('button', { name: /运行测试/ }).click();
  await expect(page.locator('[data-action="run"][aria-busy="true"]')).toHaveCount(0, { timeout: 30_000 });
}

async function pasteAndRun(page: Page, code: string): Promise<void> {
  await page.evaluate((text) => navigator.clipboard.writeText(text), code);
  await page.locator('[data-editor]').scrollIntoViewIfNeeded();
  await page.locator('[data-editor] .monaco-editor .view-lines').click({ position: { x: 40, y: 10 } });
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
  await expect.poll(() => page.evaluate(() => (window as any).__workbench.editor.getValue() as string)).toBe(code);
  await run(page);
}

test('dense-layer: the pasted reference layer passes every case; a layer without addWeight is told why', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto('/exercises/dense-layer/');
  await expect(page.locator('[data-editor][data-ready="true"] .monaco-editor')).toBeVisible({ timeout: 20_000 });
  await pasteAndRun(page, solution);
  await expect(page.locator('[data-results] [data-summary]')).toHaveText(/^全部通过 \((\d+)\/\1\)$/);
  // The second answer goes in through the editor's API: the paste path is proven above.
  await page.evaluate((text) => (window as any).__workbench.editor.setValue(text), wrong);
  await run(page);
  await expect(page.locator('[data-results] [data-summary]')).not.toHaveText(/全部通过/);
  await expect(page.locator('[data-results]')).toContainText('this.addWeight');
});
