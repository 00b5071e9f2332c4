/**
 * Chapter pages that stay light (src/markdown/rehype-sections.mjs, rehype-table-scroll.mjs):
 * sections far from the viewport are skipped by the browser (content-visibility: auto), yet
 * nothing is hidden from assistive technology, find-in-page or the table of contents; and on a
 * phone, after running chapter 1's cells, axe finds no serious violation (a table that scrolls
 * sideways is a focusable region).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { findChromium } from '../../scripts/find-chromium.mjs';

const CH1 = '/chapters/01-what-is-deep-learning/';
const CH3 = '/chapters/03-activation-functions/';

// As if a screen reader were running: Chromium then builds its full accessibility tree (without
// assistive technology it leaves skipped content out of the tree until it is needed).
test.use({ launchOptions: { executablePath: findChromium(), args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--force-renderer-accessibility'] } });

test.describe('with a screen reader running', () => {
  test('far sections are skipped, yet every heading is in the accessibility tree, findable and reachable from the contents', async ({ page }) => {
    await page.goto(CH3);
    const headings = page.locator('.prose h2, .prose h3');
    const last = page.locator('.prose .cv-section').last();
    const lastHeading = last.locator('h2');
    // Skipped: no style or layout work has been spent on it.
    expect(await lastHeading.evaluate((h) => h.checkVisibility({ contentVisibilityAuto: true }))).toBe(false);

    const cdp = await page.context().newCDPSession(page);
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodes } = await cdp.send('Accessibility.queryAXTree', { nodeId: root.nodeId, role: 'heading' });
    const exposed = new Set(nodes.map((n) => String(n.name?.value ?? '')));
    for (const text of await headings.allTextContents()) expect(exposed, `heading "${text}"`).toContain(text.trim());

    // Find-in-page reaches text in a skipped section.
    const phrase = (await last.locator('li, p').first().textContent())!.trim().slice(0, 12);
    // window.find is Chromium's find-in-page from script (non-standard, hence the cast).
    expect(await page.evaluate((p) => (window as unknown as { find(s: string): boolean }).find(p), phrase)).toBe(true);

    // The table of contents scrolls a skipped section into view, and it is drawn there.
    await page.evaluate(() => window.scrollTo(0, 0));
    const name = (await lastHeading.textContent())!.trim();
    await page.locator('.toc-aside').getByRole('link', { name, exact: true }).click();
    await expect(lastHeading).toBeInViewport();
    expect(await lastHeading.evaluate((h) => h.checkVisibility({ contentVisibilityAuto: true }))).toBe(true);
  });
});

test('a 390×844 phone: after running chapter 1’s cells, axe finds no serious violation', async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(CH1);
  const cells = page.locator('[data-cell]');
  const n = await cells.count();
  expect(n).toBeGreaterThan(0);
  for (let i = 0; i < n; i++) await cells.nth(i).locator('[data-cell-action="run"]').click();
  for (let i = 0; i < n; i++) await expect(cells.nth(i)).toHaveAttribute('data-cell-state', /^(ok|expected-error)$/, { timeout: 30_000 });
  // Every plot's 查看数据 table open, as a reader checking the numbers would have it.
  for (const d of await page.locator('details.cell-data').all()) await d.evaluate((el: HTMLDetailsElement) => (el.open = true));
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((x) => x.target.join(' ')).slice(0, 4).join(' | ')}`);
  expect(bad).toEqual([]);
});
