import { chromium } from '@playwright/test';
const url = process.argv[2] ?? 'http://127.0.0.1:4337/playground/';
const out = process.argv[3] ?? '/tmp/pg/shot.png';
const width = Number(process.argv[4] ?? 1400);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width, height: 1000 } });
page.on('console', (m) => console.log('console:', m.type(), m.text().slice(0, 300)));
page.on('pageerror', (e) => console.log('pageerror:', String(e).slice(0, 500)));
await page.goto(url);
const root = page.locator('[data-playground]').first();
try {
  await page.waitForFunction(() => ['ready', 'paused'].includes(document.querySelector('[data-playground]')?.dataset.pgState ?? ''), null, { timeout: 60000 });
} catch (e) { console.log('not ready', await root.getAttribute('data-pg-state')); }
if (process.env.PLAY) {
  await page.getByRole('button', { name: '开始' }).click();
  await page.waitForFunction((n) => Number(document.querySelector("[data-playground]")?.dataset.epoch ?? 0) >= n, Number(process.env.EPOCHS ?? 20), { timeout: 60000 }).catch(() => console.log('timeout epochs'));
  await page.getByRole('button', { name: '暂停' }).click();
  await page.waitForTimeout(500);
}
console.log(JSON.stringify(await root.evaluate((el) => ({ ...el.dataset }))));
await page.screenshot({ path: out, fullPage: true });
await browser.close();
