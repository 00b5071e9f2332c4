/**
 * The teacher's side (issue #10) in Chromium: a student solves two exercises and exports from
 * /progress/; the teacher page loads that export with the hostile fixtures, re-grades in Web
 * Workers, shows the right verdicts, finishes its progress bar, can be cancelled, downloads the
 * CSV, and never runs a script from a file. Every wait is on state, never on time.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const dict = JSON.parse(readFileSync(new URL('../../src/i18n/zh-CN.json', import.meta.url), 'utf8')) as Record<string, any>;
const E = dict.exercise;
const P = dict.progressPage;
const T = dict.teacher;
const src = (id: string, file: string) => readFileSync(new URL(`../../exercises/${id}/${file}`, import.meta.url), 'utf8');
const FIXTURES = new URL('../fixtures/exports/', import.meta.url).pathname;
const fixtureFiles = readdirSync(FIXTURES).filter((f) => f.endsWith('.json')).map((f) => join(FIXTURES, f));

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });
test.describe.configure({ timeout: 180_000 });

const editorValue = (page: Page) => page.evaluate(() => (window as any).__workbench.editor.getValue() as string);

async function solve(page: Page, id: string): Promise<void> {
  await page.goto(`/exercises/${id}/`);
  await expect(page.locator('[data-editor][data-ready="true"] .monaco-editor')).toBeVisible({ timeout: 30_000 });
  const code = src(id, 'solution.ts');
  await page.evaluate((text) => navigator.clipboard.writeText(text), code);
  await page.locator('[data-editor]').scrollIntoViewIfNeeded();
  await page.locator('[data-editor] .monaco-editor .view-lines').click({ position: { x: 40, y: 10 } });
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
  await expect.poll(() => editorValue(page)).toBe(code);
  await page.getByRole('button', { name: new RegExp(E.run) }).click();
  await expect(page.locator('[data-results] [data-summary]')).toHaveText(/^全部通过/, { timeout: 60_000 });
}

/** No dialog and no script from a file may ever run on these pages. */
function guardXss(page: Page): { dialogs: string[] } {
  const seen = { dialogs: [] as string[] };
  page.on('dialog', (d) => {
    seen.dialogs.push(d.message());
    void d.dismiss();
  });
  return seen;
}

async function exportProgress(page: Page): Promise<string> {
  await page.goto('/progress/');
  await page.getByLabel(P.name).fill('测试学生');
  await page.getByLabel(P.id).fill('e2e01');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: P.export, exact: true }).click()]);
  expect(download.suggestedFilename()).toMatch(/^e2e01-\d{4}-\d{2}-\d{2}\.dlcourse\.json$/);
  const path = await download.path();
  return path;
}

const cell = (page: Page, student: string, exercise: string) =>
  page.locator(`#tc-table tr[data-student="${student}"] button[data-exercise="${exercise}"]`);

test('a student exports two solved exercises; the teacher re-grades them with the hostile fixtures', async ({ page }) => {
  const xss = guardXss(page);
  await solve(page, 'sigmoid');
  await solve(page, 'relu');
  // The progress page shows both as passed, then exports them.
  await page.goto('/progress/');
  await expect(page.locator('tr[data-row="sigmoid"] [data-col="status"]')).toHaveText(dict.progress.status.passed);
  await expect(page.locator('tr[data-row="relu"] [data-col="status"]')).toHaveText(dict.progress.status.passed);
  // Export without an id is refused with a message, and nothing is downloaded.
  await page.getByRole('button', { name: P.export, exact: true }).click();
  await expect(page.locator('#pp-id-error')).toHaveText(P.idMissing);
  const exported = await exportProgress(page);
  const json = JSON.parse(readFileSync(exported, 'utf8'));
  expect(json).toMatchObject({ format: 'dlcourse-progress', version: 1, student: { name: '测试学生', id: 'e2e01' } });
  expect(json.exercises.map((e: { id: string; status: string }) => [e.id, e.status])).toEqual([
    ['relu', 'passed'],
    ['sigmoid', 'passed'],
  ]);

  await page.goto('/teacher/');
  await page.locator('#tc-files').setInputFiles([exported, ...fixtureFiles]);
  // Each bad file has its own error row; the valid ones load.
  const rows = page.locator('#tc-file-list li');
  await expect(page.locator('#tc-file-list li[data-kind="error"]')).toHaveCount(4);
  for (const bad of ['bad-truncated', 'bad-wrong-format', 'bad-future-version', 'bad-missing-fields']) {
    await expect(rows.filter({ hasText: bad })).toHaveAttribute('data-kind', 'error');
  }
  await expect(page.locator('#tc-file-list li[data-kind="warning"]').filter({ hasText: 'no-such-exercise' })).toHaveCount(1);
  // The look-alike id (s001 with a zero-width space) is grouped with s001, listed, and flagged.
  await expect(page.locator('#tc-file-list li[data-kind="warning"]').filter({ hasText: 's001-lookalike' }).first()).toBeVisible();
  await expect(page.locator('#tc-file-list li[data-kind="warning"]').filter({ hasText: 'U+200B' })).toHaveCount(1);
  // The re-grade runs to the end: progress bar at 100 %.
  await expect(page.locator('#tc-progress[data-state="done"]')).toHaveCount(1, { timeout: 150_000 });
  const { value, max } = await page.locator('#tc-progress').evaluate((p: HTMLProgressElement) => ({ value: p.value, max: p.max }));
  expect(value).toBe(max);
  expect(max).toBeGreaterThanOrEqual(10);

  await expect(cell(page, 'e2e01', 'sigmoid')).toHaveAttribute('data-verdict', 'verified');
  await expect(cell(page, 'e2e01', 'relu')).toHaveAttribute('data-verdict', 'verified');
  await expect(cell(page, 'e2e01', 'softmax')).toHaveAttribute('data-verdict', 'not-attempted');
  await expect(cell(page, 's001', 'sigmoid')).toHaveAttribute('data-verdict', 'verified');
  await expect(cell(page, 's001', 'relu')).toHaveAttribute('data-verdict', 'not-passed');
  await expect(cell(page, 's002', 'sigmoid')).toHaveAttribute('data-verdict', 'mismatch');
  await expect(cell(page, 's002', 'param-count')).toHaveAttribute('data-verdict', 'mismatch');
  await expect(cell(page, 's005', 'sigmoid')).toHaveAttribute('data-verdict', 'mismatch');
  await expect(cell(page, 's005', 'relu')).toHaveAttribute('data-verdict', 'mismatch');
  await expect(cell(page, 's005', 'param-count')).toHaveAttribute('data-verdict', 'mismatch');
  await expect(cell(page, 's004', 'relu')).toHaveAttribute('data-verdict', 'verified');
  // The saboteur's submissions share one realm: its patches change nothing after it.
  await expect(cell(page, 's006', 'sigmoid')).toHaveAttribute('data-verdict', 'mismatch');
  await expect(cell(page, 's006', 'relu')).toHaveAttribute('data-verdict', 'verified');
  await expect(cell(page, 's006', 'softmax')).toHaveAttribute('data-verdict', 'mismatch');
  // The XSS fixture's name and id are text, and nothing from it ran.
  const xssRow = page.locator('#tc-table tbody tr').filter({ hasText: '<img src=x' });
  await expect(xssRow).toHaveCount(1);
  await expect(xssRow.locator('img')).toHaveCount(0);
  expect(await page.evaluate(() => (window as any).__xss)).toBeUndefined();
  expect(await page.evaluate(() => ({}) as Record<string, unknown>)).not.toHaveProperty('polluted');

  // A cell's detail: the code, read-only and highlighted, and the report.
  await cell(page, 's005', 'relu').click();
  const dialog = page.locator('#tc-detail');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('tf.relu');
  await expect(dialog.locator('.hl-keyword').first()).toBeVisible();
  await page.getByRole('button', { name: T.detailClose }).click();
  await expect(dialog).toBeHidden();
  await cell(page, 's003<script>window.__xss=2</script>', 'relu').click();
  await expect(dialog.locator('img')).toHaveCount(0);
  await expect(dialog.locator('.pe-code')).toContainText('<img src=x onerror=');
  await page.keyboard.press('Escape');

  // Insight: the most-failed cases with hints, the charts, similar code.
  await expect(page.locator('#tc-insight')).toBeVisible();
  await expect(page.locator('#tc-insight canvas')).toHaveCount(2);

  // The CSV download has the right rows.
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: T.downloadCsv }).click()]);
  const text = readFileSync(await csv.path(), 'utf8').replace(/^\ufeff/, '');
  const lines = text.trim().split('\r\n');
  expect(lines[0]).toBe('student_id,name,exercise,reported,verdict,score,max_score,attempts,passed_at');
  expect(lines.find((l) => l.startsWith('e2e01,测试学生,sigmoid,'))).toMatch(/^e2e01,测试学生,sigmoid,passed,verified,1,1,1,\d{4}-/);
  expect(lines.find((l) => l.startsWith('s002,李四,sigmoid,'))).toMatch(/,passed,mismatch,/);
  expect(lines.filter((l) => l.startsWith('s005,'))).toHaveLength(await page.locator('#tc-table thead button[data-sort]').count() - 2);

  // The JSON download maps onto Gradescope's tests.
  const [gs] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: T.downloadJson }).click()]);
  const results = JSON.parse(readFileSync(await gs.path(), 'utf8'));
  const e2e = results.students.find((s: { student_id: string }) => s.student_id === 'e2e01');
  expect(e2e.results.tests.find((x: { name: string }) => x.name === 'sigmoid')).toMatchObject({ status: 'passed', score: 1, max_score: 1 });

  // Sorting and filtering.
  await page.getByLabel(T.filter).fill('s00');
  await expect(page.locator('#tc-table tbody tr')).toHaveCount(6);
  await page.getByLabel(T.verdictFilter).selectOption('mismatch');
  await expect(page.locator('#tc-table tbody tr')).toHaveCount(3);

  expect(xss.dialogs).toEqual([]);
  expect(await page.evaluate(() => (window as any).__xss)).toBeUndefined();
});

test('cancel stops the re-grade: cells left are 未评分, and a new re-grade finishes', async ({ page }) => {
  const xss = guardXss(page);
  await page.goto('/teacher/');
  await page.locator('#tc-files').setInputFiles(fixtureFiles);
  await expect(page.locator('#tc-cancel')).toBeEnabled();
  await page.locator('#tc-cancel').click();
  await expect(page.locator('#tc-progress[data-state="cancelled"]')).toHaveCount(1, { timeout: 60_000 });
  await expect(page.locator('#tc-progress-text')).toContainText('已取消');
  // The bar stops where grading stopped, and the text says how many were graded.
  const bar = await page.locator('#tc-progress').evaluate((el: HTMLProgressElement) => ({ value: el.value, max: el.max }));
  const graded = await page.locator('#tc-table button[data-state="done"]').count();
  expect(bar.value).toBe(graded);
  expect(bar.value).toBeLessThan(bar.max);
  await expect(page.locator('#tc-progress-text')).toContainText(`${graded} / ${bar.max}`);
  await expect(page.locator('#tc-table button[data-state="pending"]').first()).toBeVisible();
  await page.locator('#tc-regrade').click();
  await expect(page.locator('#tc-progress[data-state="done"]')).toHaveCount(1, { timeout: 150_000 });
  await expect(page.locator('#tc-table button[data-state="pending"]')).toHaveCount(0);
  expect(xss.dialogs).toEqual([]);
});

test('a 50 MB file is refused without being read, and the page stays responsive', async ({ page }) => {
  await page.goto('/teacher/');
  // Built in the page, so the test commits no large file.
  await page.evaluate(() => {
    const big = new File([new Uint8Array(50 * 1024 * 1024)], 'huge.dlcourse.json', { type: 'application/json' });
    const dt = new DataTransfer();
    dt.items.add(big);
    const drop = document.getElementById('tc-drop')!;
    drop.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  await expect(page.locator('#tc-file-list li[data-kind="error"]')).toContainText('5 MB');
  await expect(page.locator('#tc-load-status')).toHaveText(T.loaded.replace('{ok}', '0').replace('{bad}', '1'));
  expect(await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r('tick'))))).toBe('tick');
});

test('import on /progress/ merges and asks before overwriting different code', async ({ page }) => {
  await page.goto('/progress/');
  // Local work: a draft for relu.
  await page.evaluate(() => {
    const now = new Date().toISOString();
    localStorage.setItem(
      'dlc:progress:ex:relu',
      JSON.stringify({ version: 1, exerciseId: 'relu', status: 'in-progress', attempts: 1, failedAttempts: 1, firstAttemptAt: now, lastAttemptAt: now, passedAt: null, latestCode: 'LOCAL NEWER DRAFT', latestCodeAt: now, passingCode: null, lastResult: null, exerciseVersion: null, writer: 'x', updatedAt: now }),
    );
  });
  await page.reload();
  // s001-honest has an older relu draft and a passed sigmoid.
  await page.locator('#pp-import').setInputFiles(join(FIXTURES, 's001-honest.dlcourse.json'));
  const plan = page.locator('#pp-plan');
  await expect(plan).toBeVisible();
  await expect(plan).toContainText('有 1 道两边的代码不同');
  // The newer (local) code is the default choice; cancel changes nothing.
  await expect(plan.getByRole('radio', { name: /保留本机的代码/ })).toBeChecked();
  await plan.getByRole('button', { name: P.importCancel }).click();
  await expect(page.locator('#pp-status')).toHaveText(P.importCancelled);
  expect(await page.evaluate(() => localStorage.getItem('dlc:progress:ex:sigmoid'))).toBeNull();
  // Import for real, keeping the local draft.
  await page.locator('#pp-import').setInputFiles(join(FIXTURES, 's001-honest.dlcourse.json'));
  await plan.getByRole('button', { name: P.importConfirm }).click();
  await expect(page.locator('#pp-status')).toHaveText(P.importDone.replace('{count}', '2'));
  await expect(page.locator('tr[data-row="sigmoid"] [data-col="status"]')).toHaveText(dict.progress.status.passed);
  const relu = await page.evaluate(() => JSON.parse(localStorage.getItem('dlc:progress:ex:relu')!));
  expect(relu.latestCode).toBe('LOCAL NEWER DRAFT');
  expect(relu.attempts).toBe(2);
  // The file's relu draft is kept as an earlier version.
  const versions = await page.evaluate(() => JSON.parse(localStorage.getItem('dlc:progress:versions:relu') ?? '{"entries":[]}'));
  expect(versions.entries.some((v: { code: string }) => v.code.includes('tf.abs'))).toBe(true);
  // A broken file gets a Chinese message and changes nothing.
  await page.locator('#pp-import').setInputFiles(join(FIXTURES, 'bad-truncated.dlcourse.json'));
  await expect(page.locator('#pp-status')).toContainText('不是合法的 JSON');
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe: no serious violations on /progress/ and /teacher/ with results (${theme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto('/progress/');
    await page.evaluate((t) => document.documentElement.setAttribute('data-theme', t), theme);
    const a = await new AxeBuilder({ page }).analyze();
    expect(a.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes[0]?.target}`)).toEqual([]);
    await page.goto('/teacher/');
    await page.evaluate((t) => document.documentElement.setAttribute('data-theme', t), theme);
    await page.locator('#tc-files').setInputFiles([join(FIXTURES, 's001-honest.dlcourse.json'), join(FIXTURES, 's002-forged.dlcourse.json'), join(FIXTURES, 'bad-truncated.dlcourse.json')]);
    await expect(page.locator('#tc-progress[data-state="done"]')).toHaveCount(1, { timeout: 120_000 });
    const b = await new AxeBuilder({ page }).analyze();
    expect(b.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes[0]?.target}`)).toEqual([]);
  });
}

test('works offline once loaded: re-grading needs no network', async ({ page, context }) => {
  await page.goto('/teacher/');
  await expect(page.locator('html[data-teacher-ready]')).toHaveCount(1, { timeout: 90_000 });
  await context.setOffline(true);
  await page.locator('#tc-files').setInputFiles([join(FIXTURES, 's002-forged.dlcourse.json')]);
  await expect(page.locator('#tc-progress[data-state="done"]')).toHaveCount(1, { timeout: 120_000 });
  await expect(cell(page, 's002', 'relu')).toHaveAttribute('data-verdict', 'verified');
  await expect(cell(page, 's002', 'sigmoid')).toHaveAttribute('data-verdict', 'mismatch');
  await expect(page.locator('#tc-insight canvas')).toHaveCount(2);
  await context.setOffline(false);
});
