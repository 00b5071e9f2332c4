/**
 * Issue #25: the glossary links to the chapters and back, is filterable and found by the site's
 * search; the reference lists and /references/ link to each other; both pages are axe-clean in
 * both themes. The data come from content/glossary.json and content/references.json, so the
 * expectations below are read from them rather than copied.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const dict = JSON.parse(readFileSync(new URL('../../src/i18n/zh-CN.json', import.meta.url), 'utf8')) as {
  site: { search: { label: string } };
  glossary: { filterLabel: string };
};
const glossary = JSON.parse(readFileSync(new URL('../../content/glossary.json', import.meta.url), 'utf8')) as {
  id: string;
  zh: string;
  en: string;
  chapter: string;
}[];
const term = glossary.find((t) => t.id === 'backpropagation')!;

async function axe(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(' | ')}`);
}

test('the glossary links to the chapter that teaches a term, and the chapter links back', async ({ page }) => {
  await page.goto('/glossary/');
  expect(await page.locator('[data-glossary-entry]').count()).toBe(glossary.length);
  // Filter by the English term with the keyboard: only matching entries stay.
  const filter = page.getByRole('searchbox', { name: dict.glossary.filterLabel });
  await filter.focus();
  await page.keyboard.type(term.en);
  const entry = page.locator(`[data-glossary-entry]:has(h2[id="${term.id}"])`);
  await expect(entry).toBeVisible();
  await expect(page.locator('[data-glossary-entry]:visible')).not.toHaveCount(glossary.length);
  // 在这里讲 → the chapter, at the term's first marked use.
  await entry.locator(`a[data-taught-in="${term.chapter}"]`).click();
  await expect(page).toHaveURL(`/chapters/${term.chapter}/#term-${term.id}`);
  const mark = page.locator(`#term-${term.id}`);
  await expect(mark).toBeInViewport();
  await expect(mark).toContainText(term.zh);
  // …and back: the mark links to the glossary entry.
  await mark.click();
  await expect(page).toHaveURL(`/glossary/#${term.id}`);
  await expect(page.locator(`h2[id="${term.id}"]`)).toBeInViewport();
  // Every other chapter that marks the term is listed, and each link lands on a mark.
  const others = await entry.locator('a[data-used-in]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  expect(others.length).toBeGreaterThan(0);
  const res = await page.request.get(others[0]!.split('#')[0]!);
  expect(await res.text()).toContain(`id="term-${term.id}"`);
});

test('a citation links to the chapter list, and /references/ links back to the citing chapter', async ({ page }) => {
  await page.goto('/chapters/06-optimizers/');
  const cite = page.locator('sup.cite a[href="#ref-polyak1964methods"]').first();
  await cite.click();
  await expect(page.locator('#ref-polyak1964methods')).toBeInViewport();
  await expect(page.locator('#ref-polyak1964methods')).toContainText('Polyak, B. T. (1964)');
  await page.locator('.references-all a').click();
  await expect(page).toHaveURL('/references/');
  await page.locator('#he2016resnet a[data-cited-by="06-optimizers"]').click();
  await expect(page).toHaveURL('/chapters/06-optimizers/#ref-he2016resnet');
  await expect(page.locator('#ref-he2016resnet')).toBeInViewport();
});

test('the site search finds a glossary term by its English name', async ({ page }) => {
  await page.goto('/');
  const input = page.getByRole('searchbox', { name: dict.site.search.label });
  await input.fill(term.en);
  await expect(page.locator('.search-results a[href^="/glossary/"]').first()).toBeVisible();
});

for (const theme of ['light', 'dark'] as const) {
  test(`/glossary/ and /references/ have no serious axe violations (${theme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    for (const path of ['/glossary/', '/references/']) {
      await page.goto(path);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      expect(await axe(page), `${path} (${theme})`).toEqual([]);
    }
  });
}
