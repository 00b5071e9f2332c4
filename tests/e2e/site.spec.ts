import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/** UI strings come from the dictionary, so copy edits don't break the tests. */
const dict = JSON.parse(readFileSync(new URL('../../src/i18n/zh-CN.json', import.meta.url), 'utf8')) as {
  site: Record<string, any>;
};
const S = dict.site;
const CH1 = '/chapters/01-what-is-deep-learning/';

/** Collects console errors, page errors and every request URL a page makes. */
function watch(page: Page) {
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()} @ ${m.location().url}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('request', (r) => requests.push(r.url()));
  return { errors, requests };
}

async function axe(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(' | ')}`);
}

test.describe('chapter page', () => {
  test('renders build-time KaTeX without errors', async ({ page }) => {
    await page.goto(CH1);
    await expect(page.locator('h1')).toHaveText('什么是深度学习');
    expect(await page.locator('.katex').count()).toBeGreaterThan(0);
    await expect(page.locator('.katex-error')).toHaveCount(0);
    // KaTeX is HTML + CSS only: no KaTeX script in the browser.
    const scripts = await page.locator('script[src]').evaluateAll((els) => els.map((e) => e.getAttribute('src') ?? ''));
    expect(scripts.filter((s) => /katex/i.test(s))).toEqual([]);
  });

  test('has a table of contents, breadcrumbs and the 本章练习 list', async ({ page }) => {
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(CH1);
    const toc = page.locator('.toc-aside .toc a');
    expect(await toc.count()).toBeGreaterThan(0);
    const first = toc.first();
    const hash = (await first.getAttribute('href')) ?? '';
    await first.click();
    await expect(page).toHaveURL(new RegExp(`${encodeURI(hash).replace(/[()]/g, '\\$&')}$`));
    await expect(page.getByRole('navigation', { name: S.nav.breadcrumbs })).toContainText('什么是深度学习');
    await expect(page.getByRole('heading', { name: S.chapter.exercises })).toBeVisible();
    await expect(page.locator('.chapter-exercises [data-chapter-exercises]')).toHaveCount(1);
  });
});

test('sidebar navigation, aria-current and previous/next links', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto('/');
  const sidebar = page.getByRole('navigation', { name: S.nav.label });
  await sidebar.locator(`a[href="${CH1}"]`).click();
  await expect(page).toHaveURL(CH1);
  await expect(sidebar.locator(`a[href="${CH1}"]`)).toHaveAttribute('aria-current', 'page');

  // All 12 planned chapters are listed: a written one as a link, an unwritten one (none since
  // chapter 12 landed) as 即将推出 without a link.
  const soon = sidebar.locator('.soon');
  const chapterLinks = await sidebar.locator('a[href^="/chapters/"]').count();
  expect(chapterLinks + (await soon.count())).toBe(12);
  for (const item of await soon.all()) {
    await expect(item).toContainText(S.comingSoon);
    await expect(item.locator('a')).toHaveCount(0);
  }

  // Every exercise link carries the progress hook.
  const exLinks = sidebar.locator('a[href^="/exercises/"]');
  for (const link of await exLinks.all()) {
    const id = await link.getAttribute('data-exercise-id');
    expect(id, 'data-exercise-id').toBeTruthy();
    expect(await link.getAttribute('href')).toBe(`/exercises/${id}/`);
  }

  const written = await sidebar.locator('a[href^="/chapters/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  const pager = page.getByRole('navigation', { name: S.nav.pager });
  if (written.length < 2) {
    await expect(page.locator('a[rel="next"], a[rel="prev"]')).toHaveCount(0);
    return;
  }
  await page.goto(written[0]!);
  await expect(pager.locator('a[rel="prev"]')).toHaveCount(0);
  await pager.locator('a[rel="next"]').click();
  await expect(page).toHaveURL(written[1]!);
  await pager.locator('a[rel="prev"]').click();
  await expect(page).toHaveURL(written[0]!);
});

test.describe('theme', () => {
  test('toggle persists across reloads and is applied before first paint', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    // Record data-theme at the moment <body> is created, i.e. before anything can be painted.
    await page.addInitScript(() => {
      const w = window as unknown as { __themeAtBody?: string | null };
      new MutationObserver((_, obs) => {
        if (document.body) {
          w.__themeAtBody = document.documentElement.getAttribute('data-theme');
          obs.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    const themeAtBody = () => page.evaluate(() => (window as unknown as { __themeAtBody?: string | null }).__themeAtBody);
    await page.goto(CH1);
    expect(await themeAtBody()).toBe('light');
    const toggle = page.locator('.theme-toggle');
    await expect(toggle).toHaveAttribute('aria-label', S.theme.toDark);
    await toggle.click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(toggle).toHaveAttribute('aria-label', S.theme.toLight);
    await page.reload();
    expect(await themeAtBody()).toBe('dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.goto('/');
    expect(await themeAtBody()).toBe('dark');
    await page.locator('.theme-toggle').click();
    await page.reload();
    expect(await themeAtBody()).toBe('light');
  });

  test('follows prefers-color-scheme when nothing is stored', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  });
});

test.describe('search', () => {
  test('finds 神经元 in chapter 1 (Chinese segmentation), keyboard friendly', async ({ page }) => {
    await page.goto('/');
    await page.keyboard.press('/');
    const input = page.getByRole('searchbox', { name: S.search.label });
    await expect(input).toBeFocused();
    await input.fill('神经元');
    const results = page.locator('.search-results a');
    await expect(results.first()).toBeVisible();
    const hrefs = await results.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toContain(CH1);
    await page.keyboard.press('Escape');
    await expect(page.locator('#search-panel')).toBeHidden();
    await expect(input).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(input).not.toBeFocused();
  });

  test('finds 激活函数 and the result leads to a page that contains it', async ({ page }) => {
    await page.goto(CH1);
    const input = page.getByRole('searchbox', { name: S.search.label });
    await input.click();
    await input.fill('激活函数');
    const result = page.locator('.search-results a[href^="/chapters/"]').first();
    await expect(result).toBeVisible();
    await result.click();
    await expect(page).toHaveURL(/\/chapters\/[^/]+\/$/);
    await expect(page.locator('[data-pagefind-body]')).toContainText('激活函数');
  });
});

test('makes no request to any other host and logs no console errors', async ({ page, baseURL }) => {
  const { errors, requests } = watch(page);
  await page.goto('/');
  await page.goto(CH1);
  await page.locator('.theme-toggle').click();
  const input = page.getByRole('searchbox', { name: S.search.label });
  await input.fill('神经元');
  await expect(page.locator('.search-results a').first()).toBeVisible();
  const exercise = await page.locator('a[data-exercise-id]').first().getAttribute('href');
  if (exercise) {
    await page.goto(exercise);
    await expect(page.locator('#workbench')).toBeVisible();
  }
  await page.goto('/404-does-not-exist/');
  await page.waitForLoadState('networkidle');
  const origin = new URL(baseURL!).origin;
  const foreign = requests.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== origin);
  expect(foreign, 'requests to other hosts').toEqual([]);
  expect(requests.some((u) => u.includes('/pagefind/'))).toBe(true);
  // The only expected error is the 404 status of the deliberately missing page.
  expect(errors.filter((e) => !/404 \(Not Found\)/.test(e) || !e.includes('404-does-not-exist'))).toEqual([]);
});

test('exercise page shell exposes the workbench contract', async ({ page }) => {
  await page.goto('/');
  const href = await page.locator('a[data-exercise-id]').first().getAttribute('href');
  expect(href, 'the home course map links at least one exercise').toBeTruthy();
  await page.goto(href!);
  const id = href!.split('/')[2]!;
  await expect(page.locator(`#workbench[data-exercise-id="${id}"]`)).toHaveCount(1);
  const data = JSON.parse((await page.locator('script#exercise-data').textContent()) ?? '{}') as { id?: string };
  expect(data.id).toBe(id);
  await expect(page.locator('.ex-statement [data-pagefind-body]')).not.toBeEmpty();
  // exercise.json's disguises are listed under the statement, each with its decision.
  await page.goto('/exercises/sigmoid/');
  const disguises = page.locator('.ex-statement [data-disguises]');
  await expect(disguises.locator('[data-disguise="softmax"][data-decision="banned"]')).toContainText('tf.softmax');
  await expect(disguises.locator('[data-disguise="tanh"][data-decision="allowed"]')).toContainText('tanh(z/2)');
});

test('code blocks have a keyboard-accessible copy button that announces 已复制', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  const hrefs = await page.locator('.sidebar a[data-exercise-id]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  let found = false;
  for (const href of [CH1, ...hrefs]) {
    await page.goto(href);
    if ((await page.locator('.code-block .copy-btn').count()) > 0) {
      found = true;
      break;
    }
  }
  expect(found, 'some page has a highlighted code block').toBe(true);
  const block = page.locator('.code-block').first();
  const button = block.locator('.copy-btn');
  await expect(button).toHaveAccessibleName(S.code.copyLabel);
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(button).toHaveText(S.code.copied);
  await expect(page.locator('#sr-status')).toHaveText(S.code.copied);
  const clip = await page.evaluate(() => navigator.clipboard.readText());
  expect(clip.trim()).toBe((await block.locator('pre').innerText()).trim());
});

for (const theme of ['light', 'dark'] as const) {
  test(`no serious/critical axe violations on home and chapter 1 (${theme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    for (const path of ['/', CH1]) {
      await page.goto(path);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      expect(await axe(page), `${path} (${theme})`).toEqual([]);
    }
  });
}

test.describe('mobile 390×844', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

  test('hamburger opens the course navigation', async ({ page }) => {
    await page.goto('/');
    const sidebar = page.getByRole('navigation', { name: S.nav.label });
    await expect(sidebar).toBeHidden();
    const button = page.getByRole('button', { name: S.nav.open });
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    await button.click();
    await expect(sidebar).toBeVisible();
    await expect(page.locator('.nav-toggle')).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('Escape');
    await expect(sidebar).toBeHidden();
    await expect(page.locator('.nav-toggle')).toBeFocused();
    await page.locator('.nav-toggle').click();
    await sidebar.locator(`a[href="${CH1}"]`).click();
    await expect(page).toHaveURL(CH1);
    await expect(sidebar).toBeHidden();
    // Nothing overflows horizontally.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

test('404 page', async ({ page }) => {
  const response = await page.goto('/no/such/page/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(S.notFound.title);
  await page.getByRole('link', { name: S.notFound.home }).click();
  await expect(page).toHaveURL('/');
});
