/**
 * No lost work (issue #16): two tabs, full storage, a record from a newer site version, and
 * restoring one's own versions after 重置. Every wait is on state (storage, DOM), never on time.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';

const dict = JSON.parse(readFileSync(new URL('../../src/i18n/zh-CN.json', import.meta.url), 'utf8')) as {
  exercise: Record<string, any>;
  progress: Record<string, any>;
};
const E = dict.exercise;
const P = dict.progress;
const src = (id: string, file: string) => readFileSync(new URL(`../../exercises/${id}/${file}`, import.meta.url), 'utf8');

const SIGMOID = '/exercises/sigmoid/';
const KEY = 'dlc:progress:ex:sigmoid';
const solution = src('sigmoid', 'solution.ts');
const starter = src('sigmoid', 'starter.ts');
const wrong = src('sigmoid', 'wrong/missing-negative-sign.ts');

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });
// Two tabs with Monaco each, reloads and a grade: more than the default 30 s on a loaded 2-core machine.
test.describe.configure({ timeout: 120_000 });

async function open(page: Page, path = SIGMOID): Promise<void> {
  await page.goto(path);
  await expect(page.locator('[data-editor][data-ready="true"] .monaco-editor')).toBeVisible({ timeout: 20_000 });
}
const editorValue = (page: Page) => page.evaluate(() => (window as any).__workbench.editor.getValue() as string);
const storedRaw = (page: Page) => page.evaluate((k) => localStorage.getItem(k), KEY);
const storedCode = (page: Page) => page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? '{}').latestCode ?? null, KEY);

async function paste(page: Page, code: string): Promise<void> {
  await page.evaluate((text) => navigator.clipboard.writeText(text), code);
  await page.locator('[data-editor]').scrollIntoViewIfNeeded();
  // A long draft leaves Monaco scrolled down, and the top-left of .view-lines then lies outside the
  // editor's viewport: scroll the editor back to its top first.
  await page.evaluate(() => (window as any).__workbench.editor.setScrollTop(0));
  await page.locator('[data-editor] .monaco-editor .view-lines').click({ position: { x: 40, y: 10 } });
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
  await expect.poll(() => editorValue(page)).toBe(code);
}
async function pasteAndSave(page: Page, code: string): Promise<void> {
  await paste(page, code);
  await expect.poll(() => storedCode(page)).toBe(code);
}

/** Tabs A and B on the same exercise; A saved `mine`, then B saved `theirs`; A shows the notice. */
async function conflict(context: BrowserContext) {
  const a = await context.newPage();
  const b = await context.newPage();
  await open(a);
  await open(b);
  const mine = `${starter}// 标签页 A 的代码\n`;
  const theirs = `${starter}// 标签页 B 的代码\n`;
  await pasteAndSave(a, mine);
  // B is told about A's code first: wait for that notice so B's layout is settled before pasting.
  await expect(b.locator('[data-notice="other-tab"]')).toBeVisible();
  await pasteAndSave(b, theirs);
  const notice = a.locator('[data-notice="other-tab"]');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText(E.notices.otherTab);
  return { a, b, mine, theirs, notice };
}

/** Clicks 恢复 on the history entry holding `code` (the list shows times and kinds, not code). */
async function restoreVersion(page: Page, code: string): Promise<void> {
  const panel = await openHistory(page);
  const index = await page.evaluate((c) => (window as any).__workbench.store.versions('sigmoid').findIndex((v: { code: string }) => v.code === c), code);
  expect(index, 'the version is in 历史版本').toBeGreaterThanOrEqual(0);
  await panel.locator(`[data-restore-version="${index}"]`).click();
  await expect.poll(() => editorValue(page)).toBe(code);
}

async function openHistory(page: Page) {
  const btn = page.getByRole('button', { name: E.versions.history, exact: true });
  if ((await btn.getAttribute('aria-expanded')) !== 'true') await btn.click();
  const panel = page.locator('[data-history]');
  await expect(panel).toBeVisible();
  return panel;
}

test.describe('two tabs', () => {
  test('保留当前代码 writes this tab\'s code as the newest at once; a reload shows it; the other stays reachable', async ({ context }) => {
    const { a, b, mine, theirs, notice } = await conflict(context);
    await notice.getByRole('button', { name: E.notices.keepMine }).click();
    await expect(notice).toHaveCount(0);
    await expect.poll(() => storedCode(a)).toBe(mine); // at once, without another keystroke
    await a.reload();
    await open(a);
    expect(await editorValue(a)).toBe(mine);
    // B's code is an earlier version, restorable in one click.
    await restoreVersion(a, theirs);
    await b.close();
  });

  test('载入较新的代码 loads the other tab\'s code and keeps it after reload; this tab\'s code stays reachable', async ({ context }) => {
    const { a, mine, theirs, notice } = await conflict(context);
    await notice.getByRole('button', { name: E.notices.loadNewer }).click();
    await expect.poll(() => editorValue(a)).toBe(theirs);
    await expect.poll(() => storedCode(a)).toBe(theirs);
    await a.reload();
    await open(a);
    expect(await editorValue(a)).toBe(theirs);
    await restoreVersion(a, mine);
  });

  test('closing the notice (or the tab) without choosing loses neither version', async ({ context }) => {
    const { a, mine, theirs, notice } = await conflict(context);
    await notice.getByRole('button', { name: E.notices.dismiss }).click();
    await expect(notice).toHaveCount(0);
    await a.close(); // A's code is nowhere but in its history entry now
    const c = await context.newPage();
    await open(c);
    expect(await editorValue(c)).toBe(theirs);
    await restoreVersion(c, mine);
    await expect.poll(() => storedCode(c)).toBe(mine);
  });
});

test('storage filled to quota: a notice, the code stays, and no edit is lost once space is freed', async ({ page }) => {
  await open(page);
  await pasteAndSave(page, `${starter}// 已保存\n`);
  // Fill this origin's localStorage until it refuses (real QuotaExceededError).
  const filled = await page.evaluate(() => {
    let n = 0;
    for (let size = 1 << 20; size >= 16; size >>= 1) {
      const chunk = 'x'.repeat(size);
      for (;;) {
        try {
          localStorage.setItem(`filler:${n}`, chunk);
          n++;
        } catch {
          break;
        }
      }
    }
    return n;
  });
  expect(filled).toBeGreaterThan(0);
  const edits = [1, 2, 3].map((i) => `${starter}// 第 ${i} 次修改（存储已满）\n${'// 填充一些内容让草稿变大\n'.repeat(40)}`);
  for (const code of edits) await paste(page, code);
  const notice = page.locator('[data-notice="storage"]');
  await expect(notice).toContainText(P.warnings.quota);
  await expect(notice).toHaveAttribute('role', 'alert');
  await expect(page.locator('[data-wb]')).toHaveAttribute('data-save-state', 'pending');
  expect(await editorValue(page)).toBe(edits[2]);
  expect(await storedCode(page)).toBe(`${starter}// 已保存\n`); // what was saved is untouched
  // Free the space (as a learner clearing other data would): the page retries by itself.
  await page.evaluate(() => {
    for (const k of Object.keys(localStorage)) if (k.startsWith('filler:')) localStorage.removeItem(k);
  });
  await expect.poll(() => storedCode(page), { timeout: 15_000 }).toBe(edits[2]);
  await expect(page.locator('[data-wb]')).toHaveAttribute('data-save-state', 'saved');
  await expect(notice).toHaveCount(0);
  await page.reload();
  await open(page);
  expect(await editorValue(page)).toBe(edits[2]);
});

test('a record from a newer version: its code and status are shown, and it is never overwritten', async ({ page }) => {
  const now = new Date().toISOString();
  const future = JSON.stringify({
    version: 99, exerciseId: 'sigmoid', status: 'passed', attempts: 4, failedAttempts: 1,
    firstAttemptAt: now, lastAttemptAt: now, passedAt: now, latestCode: '// 新版本课程保存的代码\n',
    latestCodeAt: now, passingCode: '// 新版本课程保存的通过代码\n', lastResult: null, exerciseVersion: null,
    writer: null, updatedAt: now, notesFromTheFuture: ['未知字段'],
  });
  await page.addInitScript(
    ([key, value]) => {
      if (sessionStorage.getItem('seeded')) return;
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem(key!, value!);
    },
    [KEY, future],
  );
  await open(page);
  expect(await editorValue(page)).toBe('// 新版本课程保存的代码\n');
  await expect(page.locator('[data-progress-status-for="sigmoid"]')).toHaveText(P.status.passed);
  await expect(page.locator('[data-notice="newer"]')).toContainText(P.warnings.newerVersion.replace('{version}', '99'));
  await expect(page.locator('[data-notice="corrupt"]')).toHaveCount(0);
  const edit = `${starter}// 在旧页面上的修改\n`;
  await paste(page, edit);
  await expect(page.locator('[data-wb]')).toHaveAttribute('data-save-state', 'history');
  expect(await storedRaw(page)).toBe(future);
  await expect(page.locator('[data-progress-status-for="sigmoid"]')).toHaveText(P.status.passed);
  await page.reload();
  await open(page);
  expect(await storedRaw(page)).toBe(future);
  expect(await editorValue(page)).toBe('// 新版本课程保存的代码\n');
  await expect(page.locator('[data-history] li[data-version-kind="older-page"]')).toHaveCount(0); // panel still closed
  await restoreVersion(page, edit);
  expect(await storedRaw(page)).toBe(future);
});

test('重置, then 我的通过版本 brings the passing code back (after the 撤销 toast is gone)', async ({ page }) => {
  await open(page);
  await paste(page, solution);
  await page.getByRole('button', { name: new RegExp(E.run) }).click();
  await expect(page.locator('[data-results] [data-summary]')).toHaveText(/^全部通过/, { timeout: 30_000 });
  await expect.poll(() => page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? '{}').passingCode, KEY)).toBe(solution);
  await pasteAndSave(page, wrong);
  await page.getByRole('button', { name: E.reset, exact: true }).click();
  await page.getByRole('dialog', { name: E.resetTitle }).getByRole('button', { name: E.resetConfirm }).click();
  await expect.poll(() => storedCode(page)).toBe(starter);
  await page.reload(); // the toast (and the editor's undo stack) are gone
  await open(page);
  expect(await editorValue(page)).toBe(starter);
  const passing = page.getByRole('button', { name: E.versions.passing, exact: true });
  await expect(passing).toBeEnabled();
  await passing.focus();
  await page.keyboard.press('Enter'); // keyboard works
  await expect.poll(() => editorValue(page)).toBe(solution);
  await expect.poll(() => storedCode(page)).toBe(solution);
  // The code from before 重置 is an earlier version too.
  await openHistory(page);
  await expect(page.locator('[data-history] li[data-version-kind="before-reset"]')).toHaveCount(1);
  await restoreVersion(page, wrong);
  await page.reload();
  await open(page);
  expect(await editorValue(page)).toBe(wrong);
});

for (const theme of ['light', 'dark'] as const) {
  // The editor itself is covered by exercise.spec.ts (Monaco dims the number of an empty last line).
  test(`axe: the 历史版本 panel and the toolbar have no serious violations (${theme})`, async ({ page }) => {
    await page.addInitScript((t) => localStorage.setItem('dl-course:theme', t), theme);
    await open(page);
    await pasteAndSave(page, `${starter}// 一\n`);
    await page.getByRole('button', { name: E.reset, exact: true }).click();
    await page.getByRole('dialog', { name: E.resetTitle }).getByRole('button', { name: E.resetConfirm }).click();
    await expect.poll(() => storedCode(page)).toBe(starter);
    await openHistory(page);
    await expect(page.locator('[data-history] li[data-version-kind="before-reset"]')).toHaveCount(1);
    const result = await new AxeBuilder({ page }).include('[data-wb]').exclude('[data-editor]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 4).join(' | ')}`);
    expect(bad).toEqual([]);
  });
}
