/**
 * `npm run bench:teacher:browser`: the in-browser re-grade of a generated class of 30 students ×
 * every exercise on /teacher/ (goal ≤ 30 s). BENCH_STUDENTS changes the class size,
 * BENCH_EXERCISES=N keeps the first N exercises, BENCH_WITHOUT=train-classifier leaves out exercises by id. Prints the time from loading the files to the
 * progress bar's end; asserts nothing timed.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { generateClass } from '../../src/cli/generate-class';

const STUDENTS = Number(process.env['BENCH_STUDENTS'] ?? 30);
/** Only the first N exercises (alphabetical), like `bench:teacher -- --exercises N`. */
const EXERCISES = Number(process.env['BENCH_EXERCISES'] ?? Infinity);
/** Exercise ids to leave out (comma-separated), e.g. train-classifier, whose grading is a whole training run. */
const WITHOUT = (process.env['BENCH_WITHOUT'] ?? '').split(',').map((x) => x.trim()).filter(Boolean);
test.setTimeout(900_000);

test(`re-grade ${STUDENTS} students in the browser`, async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-teacher-browser-'));
  const submissions = generateClass(dir, STUDENTS, EXERCISES, WITHOUT);
  const files = readdirSync(dir).map((f) => join(dir, f));
  await page.goto('/teacher/');
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  const t0 = Date.now();
  await page.locator('#tc-files').setInputFiles(files);
  await expect(page.locator('#tc-progress[data-state="done"]')).toHaveCount(1, { timeout: 890_000 });
  const seconds = (Date.now() - t0) / 1000;
  const verified = await page.locator('#tc-table button[data-verdict="verified"]').count();
  console.log(`bench:teacher:browser — ${STUDENTS} 名学生 × ${submissions / STUDENTS} 道练习 = ${submissions} 份提交${WITHOUT.length ? `（不含 ${WITHOUT.join('、')}）` : ''}，${cores} 个并行 Worker：${seconds.toFixed(1)} s（目标 ≤ 30 s），${(submissions / seconds).toFixed(1)} 份/秒，已验证 ${verified}`);
});
