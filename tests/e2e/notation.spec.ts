/**
 * The notation page exists and every chapter page links it. Cheap on purpose: plain HTTP GETs of
 * the built pages (Playwright's `request` fixture), no browser page. The link comes from the
 * chapter template, so a chapter added later is covered without touching this file.
 */
import { readdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';

const chapters = readdirSync(new URL('../../content/chapters/', import.meta.url))
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => `/chapters/${f.replace(/\.mdx$/, '')}/`);

test('the notation page renders its tables with build-time KaTeX, and every chapter page links it', async ({ request }) => {
  const notation = await request.get('/notation/');
  expect(notation.status()).toBe(200);
  const html = await notation.text();
  expect(html).toContain('class="katex"');
  expect(html).not.toContain('katex-error');
  expect(chapters.length).toBeGreaterThanOrEqual(5);
  for (const path of [...chapters, '/']) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(200);
    expect(await res.text(), `${path} links /notation/`).toMatch(/<a[^>]*href="\/notation\/"/);
  }
});
