/**
 * /progress/ says storage can vanish and reminds the learner to download a progress file when
 * progress older than a week was never exported (src/progress/backup.ts has the rules and their
 * unit tests; this checks the page wiring once): the reminder shows, a download clears it, and the
 * time of the download is remembered across reloads.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { recordKey } from '../../src/progress/keys';
import { emptyProgress } from '../../src/progress/schema';

const dict = JSON.parse(readFileSync(new URL('../../src/i18n/zh-CN.json', import.meta.url), 'utf8')) as {
  progressPage: { name: string; id: string; export: string };
  pwa: { backup: { neverExported: string; vanishSource: string } };
};
const P = dict.progressPage;

test('a week-old unexported draft brings the backup reminder; downloading a progress file clears it', async ({ page }) => {
  const nineDaysAgo = new Date(Date.now() - 9 * 86_400_000);
  const record = { ...emptyProgress('sigmoid', nineDaysAgo), status: 'in-progress', latestCode: '// 草稿', latestCodeAt: nineDaysAgo.toISOString() };
  await page.addInitScript(([key, value]) => {
    if (localStorage.getItem(key!) === null) localStorage.setItem(key!, value!);
  }, [recordKey('sigmoid'), JSON.stringify(record)]);

  await page.goto('/progress/');
  const reminder = page.locator('#pp-backup-remind');
  await expect(reminder).toBeVisible();
  await expect(reminder).toContainText('1 道练习');
  await expect(page.locator('#pp-last-export')).toHaveText(dict.pwa.backup.neverExported);
  await expect(page.getByRole('link', { name: dict.pwa.backup.vanishSource })).toHaveAttribute('href', /^https:\/\/webkit\.org\/blog\/10218\//);

  await page.getByLabel(P.name).fill('测试学生');
  await page.getByLabel(P.id).fill('e2e02');
  await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: P.export, exact: true }).click()]);
  await expect(reminder).toBeHidden();
  await expect(page.locator('#pp-last-export')).not.toHaveText(dict.pwa.backup.neverExported);

  await page.reload();
  await expect(page.locator('#pp-last-export')).not.toHaveText(dict.pwa.backup.neverExported);
  await expect(reminder).toBeHidden();
});
