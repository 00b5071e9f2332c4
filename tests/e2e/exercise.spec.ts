/**
 * Exercise page workbench (src/islands/): Monaco, grading, progress, autosave, accessibility.
 * Code goes into the editor the way a person pastes a prepared answer (clipboard + Ctrl+V):
 * typing through keyboard.type is mangled by Monaco's auto-closing brackets (STACK.md).
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const dict = JSON.parse(readFileSync(new URL('../../src/i18n/zh-CN.json', import.meta.url), 'utf8')) as {
  exercise: Record<string, any>;
  progress: Record<string, any>;
};
const E = dict.exercise;
const P = dict.progress;
const fill = (s: string, p: Record<string, string | number>) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(p[k]));
const src = (id: string, file: string) => readFileSync(new URL(`../../exercises/${id}/${file}`, import.meta.url), 'utf8');

const SIGMOID = '/exercises/sigmoid/';
const solution = src('sigmoid', 'solution.ts');
const starter = src('sigmoid', 'starter.ts');
const wrong = src('sigmoid', 'wrong/missing-negative-sign.ts');

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

async function open(page: Page, path = SIGMOID): Promise<void> {
  await page.goto(path);
  await expect(page.locator('[data-editor][data-ready="true"] .monaco-editor')).toBeVisible({ timeout: 20_000 });
}

const editorValue = (page: Page) =>
  page.evaluate(() => (window as any).__workbench.editor.getValue() as string);

/** Clipboard → focus editor → Ctrl+A → Ctrl+V. */
async function paste(page: Page, code: string): Promise<void> {
  await page.evaluate((text) => navigator.clipboard.writeText(text), code);
  // Click near the top-left of the editor's text area (always on screen, unlike its centre).
  await page.locator('[data-editor]').scrollIntoViewIfNeeded();
  await page.locator('[data-editor] .monaco-editor .view-lines').click({ position: { x: 40, y: 10 } });
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
  await expect.poll(() => editorValue(page)).toBe(code);
}

const runButton = (page: Page) => page.getByRole('button', { name: new RegExp(E.run) });
const summary = (page: Page) => page.locator('[data-results] [data-summary]');

async function run(page: Page): Promise<void> {
  await runButton(page).click();
  await expect(page.locator('[data-action="run"][aria-busy="true"]')).toHaveCount(0, { timeout: 30_000 });
}

test.describe('grading', () => {
  test('the reference solution passes every case', async ({ page }) => {
    await open(page);
    // 查看参考答案 stays hidden until the exercise is passed (or after 5 failed runs).
    const solutionButton = page.locator('[data-action="solution"]');
    await expect(solutionButton).toBeHidden();
    await paste(page, solution);
    await run(page);
    await expect(summary(page)).toHaveText(/^全部通过 \((\d+)\/\1\)$/);
    await expect(solutionButton).toBeVisible();
    await expect(summary(page)).toHaveAttribute('data-summary', 'passed');
    // Every case is listed with ✓.
    expect(await page.locator('.wb-case.is-fail').count()).toBe(0);
    expect(await page.locator('.wb-case.is-pass').count()).toBeGreaterThan(3);
    // Progress: header status, sidebar badge.
    await expect(page.locator('[data-progress-status-for="sigmoid"]')).toHaveText(P.status.passed);
    await expect(page.locator('a[data-exercise-id="sigmoid"] + .progress-badge').first()).toHaveText(P.badge.passed);
  });

  test('a wrong answer fails and names the failing case with its hint', async ({ page }) => {
    await open(page);
    await paste(page, wrong);
    await run(page);
    await expect(summary(page)).toHaveText(/^通过 \d+\/\d+$/);
    const failed = page.locator('.wb-case.is-fail').first();
    await expect(failed).toContainText('几个小的整数输入');
    await expect(failed).toContainText(E.caseExpected);
    await expect(failed).toContainText(E.caseActual);
    await expect(failed.locator('.wb-case-hint')).toBeVisible();
    await expect(page.locator('[data-progress-status-for="sigmoid"]')).toHaveText(P.status.inProgress);
  });

  test('a syntax error shows its line and moves the cursor there', async ({ page }) => {
    await open(page);
    const broken = starter.replace('return tf.zerosLike(z);', 'return tf.zerosLike(z;');
    const line = broken.split('\n').findIndex((l) => l.includes('zerosLike(z;')) + 1;
    await paste(page, broken);
    await run(page);
    const err = page.locator('[data-error-kind="compile"]');
    await expect(err).toBeVisible();
    await expect(err.locator('[data-error-line]')).toHaveAttribute('data-error-line', String(line));
    await expect(err).toContainText(`第 ${line} 行`);
    expect(await page.evaluate(() => (window as any).__workbench.editor.getPosition().lineNumber)).toBe(line);
  });

  test('an infinite loop times out while the page stays responsive; the next run works', async ({ page }) => {
    test.setTimeout(90_000);
    await open(page);
    await paste(page, 'import * as tf from \'@tensorflow/tfjs\';\nexport function sigmoid(z: tf.Tensor): tf.Tensor {\n  while (true) {}\n}\n');
    // State, not a stopwatch: the page counts the animation frames it paints while the run is
    // still busy, and records whether a click was handled while the loop spins.
    await page.evaluate(() => {
      const w = window as any;
      const busy = () => document.querySelector('[data-action="run"][aria-busy="true"]') !== null;
      w.__busyFrames = 0;
      const tick = () => {
        if (busy()) w.__busyFrames++;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await runButton(page).click();
    await expect(page.locator('[data-action="run"][aria-busy="true"]')).toHaveCount(1);
    // Then click 提示 during the loop, and record whether the loop was still running then.
    await page.evaluate(() => {
      const w = window as any;
      document.addEventListener('click', () => (w.__clickWhileBusy = document.querySelector('[data-action="run"][aria-busy="true"]') !== null), { capture: true, once: true });
    });
    await expect.poll(() => page.evaluate(() => (window as any).__busyFrames as number), { message: 'animation frames kept coming during the loop' }).toBeGreaterThan(10);
    await page.getByRole('button', { name: /提示/ }).click();
    await expect(page.locator('[data-hints] li')).toHaveCount(1);
    expect(await page.evaluate(() => (window as any).__clickWhileBusy), 'a click was handled while the loop ran').toBe(true);
    await expect(page.locator('[data-error-kind="timeout"]')).toContainText(fill(E.timeout, { seconds: 5 }), { timeout: 30_000 });
    // No reload: the respawned worker grades the correct answer.
    await paste(page, solution);
    await run(page);
    await expect(summary(page)).toHaveText(/^全部通过/);
  });
});

test.describe('before Monaco', () => {
  test('paste and run in the plain editor before Monaco loads; typing during the swap loses nothing and keeps the caret', async ({ page }) => {
    test.setTimeout(90_000);
    // Monaco's files are held back until the test lets them through: everything before that
    // happens in the plain editor, whatever the machine's speed.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/_astro/monaco/**', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(SIGMOID);
    await expect(page.locator('[data-editor][data-plain-ready="true"]')).toBeAttached({ timeout: 20_000 });
    const textarea = page.locator('[data-editor] textarea.pe-input');
    await expect(textarea).toBeEditable();
    // The build coloured the starter: the page shows it before any script.
    await expect(page.locator('[data-editor] .pe-code .hl-keyword').first()).toHaveText('import');

    await page.evaluate((text) => navigator.clipboard.writeText(text), solution);
    await textarea.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('ControlOrMeta+V');
    await expect(textarea).toHaveValue(solution);
    await page.keyboard.press('Control+Enter');
    await expect(summary(page)).toHaveText(/^全部通过/, { timeout: 30_000 });
    // Saved and recorded from the plain editor; Monaco never arrived.
    const record = () => page.evaluate(() => JSON.parse(localStorage.getItem('dlc:progress:ex:sigmoid') ?? '{}'));
    expect((await record()).passingCode).toBe(solution);
    await expect(page.locator('.monaco-editor')).toHaveCount(0);

    // The caret goes to the end of a comment line in the middle of the code; then Monaco is let
    // through and the learner keeps typing there until Monaco has taken over, and a bit after.
    const line = solution.split('\n').findIndex((l) => l.trimStart().startsWith('//'));
    expect(line).toBeGreaterThan(0);
    const caret = solution.split('\n').slice(0, line + 1).join('\n').length;
    await textarea.evaluate((el: HTMLTextAreaElement, at) => el.setSelectionRange(at, at), caret);
    release();
    const state = () => page.locator('[data-editor]').getAttribute('data-editor-state');
    let typed = '';
    for (let i = 0; i < 2000 && (await state()) !== 'monaco'; i++) {
      const ch = 'abcdefghijklmnopqrstuvwxyz'[i % 26]!;
      await page.keyboard.type(ch);
      typed += ch;
    }
    expect(await state()).toBe('monaco');
    await page.keyboard.type('XYZ');
    typed += 'XYZ';
    const expected = solution.slice(0, caret) + typed + solution.slice(caret);
    await expect.poll(() => page.evaluate(() => (window as any).__workbench.surface.getValue() as string)).toBe(expected);
    expect(await editorValue(page)).toBe(expected);
    // The caret stayed right after what was typed; the focus is in Monaco's own input.
    expect(await page.evaluate(() => (window as any).__workbench.surface.getSelection())).toEqual({ start: caret + typed.length, end: caret + typed.length, direction: 'none' });
    expect(await page.evaluate(() => (window as any).__workbench.editor.hasTextFocus() as boolean)).toBe(true);
    // The plain editor is gone, and autosave has the text typed across the swap.
    await expect(page.locator('[data-editor] .pe')).toHaveCount(0);
    await expect.poll(async () => (await record()).latestCode, { timeout: 5000 }).toBe(expected);
  });
});

test.describe('editing', () => {
  test('autosave: reload restores the edited code', async ({ page }) => {
    await open(page);
    const edited = `${starter}\n// 我的修改 ${Date.now()}\n`;
    await paste(page, edited);
    await expect
      .poll(() => page.evaluate(() => JSON.parse(localStorage.getItem('dlc:progress:ex:sigmoid') ?? '{}').latestCode), { timeout: 3000 })
      .toBe(edited);
    await page.reload();
    await open(page);
    expect(await editorValue(page)).toBe(edited);
    await expect(page.locator('[data-progress-status-for="sigmoid"]')).toHaveText(P.status.inProgress);
  });

  test('重置 asks first, restores the starter, and can be undone', async ({ page }) => {
    await open(page);
    await paste(page, wrong);
    await page.getByRole('button', { name: E.reset, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: E.resetTitle });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: E.cancel }).click();
    await expect(dialog).toBeHidden();
    expect(await editorValue(page)).toBe(wrong);
    await page.getByRole('button', { name: E.reset, exact: true }).click();
    await dialog.getByRole('button', { name: E.resetConfirm }).click();
    await expect.poll(() => editorValue(page)).toBe(starter);
    await page.locator('[data-toast]').getByRole('button', { name: E.undo }).click();
    await expect.poll(() => editorValue(page)).toBe(wrong);
    // Reset again, then Ctrl+Z in the editor also brings the code back.
    await page.getByRole('button', { name: E.reset, exact: true }).click();
    await dialog.getByRole('button', { name: E.resetConfirm }).click();
    await expect.poll(() => editorValue(page)).toBe(starter);
    await page.keyboard.press('ControlOrMeta+Z');
    await expect.poll(() => editorValue(page)).toBe(wrong);
  });

  test('typing tf.sig offers sigmoid; type errors squiggle before running', async ({ page }) => {
    await open(page);
    await page.waitForFunction(() => (window as any).__workbench.typesReadyAt !== undefined, null, { timeout: 20_000 });
    await paste(page, "import * as tf from '@tensorflow/tfjs';\nexport function sigmoid(z: tf.Tensor): tf.Tensor {\n  const n: number = 'x';\n  return tf.sig");
    await page.keyboard.press('Control+Space');
    const suggest = page.locator('.suggest-widget.visible');
    await expect(suggest).toBeVisible({ timeout: 15_000 });
    await expect(suggest.locator('.monaco-list-row', { hasText: /^sigmoid/ }).first()).toBeVisible({ timeout: 15_000 });
    await page.keyboard.press('Escape');
    await expect(page.locator('[data-editor] .squiggly-error').first()).toBeAttached({ timeout: 15_000 });
  });

  test('hover shows the tfjs signature', async ({ page }) => {
    await open(page);
    await page.waitForFunction(() => (window as any).__workbench.typesReadyAt !== undefined, null, { timeout: 20_000 });
    await paste(page, "import * as tf from '@tensorflow/tfjs';\nexport function sigmoid(z: tf.Tensor): tf.Tensor {\n  return tf.exp(z);\n}\n");
    // Cursor onto `exp`, then Monaco's keyboard hover (Ctrl+K Ctrl+I).
    await page.evaluate(() => (window as any).__workbench.editor.setPosition({ lineNumber: 3, column: 14 }));
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    await expect(page.locator('.monaco-hover').filter({ hasText: 'exp' }).first()).toContainText(/exp<.*>\(x: .*Tensor/, { timeout: 15_000 });
  });

  test('hints are revealed one at a time', async ({ page }) => {
    await open(page);
    const btn = page.locator('[data-action="hint"]');
    await btn.click();
    await expect(page.locator('[data-hints] li')).toHaveCount(1);
    await btn.click();
    await expect(page.locator('[data-hints] li')).toHaveCount(2);
  });

  test('two tabs: the other tab is told about newer code and can load it', async ({ context }) => {
    const a = await context.newPage();
    const b = await context.newPage();
    await open(a);
    await open(b);
    const newer = `${starter}// from tab A\n`;
    await paste(a, newer);
    const notice = b.locator('[data-notice="other-tab"]');
    await expect(notice).toBeVisible({ timeout: 5000 });
    await notice.getByRole('button', { name: E.notices.loadNewer }).click();
    await expect.poll(() => editorValue(b)).toBe(newer);
  });

  test('storage full: a visible warning, the code stays in the editor', async ({ page }) => {
    await page.addInitScript(() => {
      const real = Storage.prototype.setItem;
      Storage.prototype.setItem = function (k: string, v: string) {
        if (k.startsWith('dlc:progress:ex:') && (window as any).__full) throw new DOMException('full', 'QuotaExceededError');
        return real.call(this, k, v);
      };
    });
    await open(page);
    await paste(page, `${starter}// saved\n`);
    await expect.poll(() => page.evaluate(() => localStorage.getItem('dlc:progress:ex:sigmoid'))).toContain('// saved');
    await page.evaluate(() => ((window as any).__full = true));
    await paste(page, `${starter}// not saved\n`);
    await expect(page.locator('[data-notice="storage"]')).toContainText(P.warnings.quota, { timeout: 5000 });
    expect(await editorValue(page)).toContain('// not saved');
    expect(await page.evaluate(() => localStorage.getItem('dlc:progress:ex:sigmoid'))).toContain('// saved');
  });

  test('a changed exercise version keeps the code and offers a diff', async ({ page }) => {
    await page.addInitScript(() => {
      if (sessionStorage.getItem('seeded')) return;
      sessionStorage.setItem('seeded', '1');
      const now = new Date().toISOString();
      localStorage.setItem(
        'dlc:progress:ex:sigmoid',
        JSON.stringify({
          version: 1, exerciseId: 'sigmoid', status: 'in-progress', attempts: 0, failedAttempts: 0,
          firstAttemptAt: null, lastAttemptAt: null, passedAt: null, latestCode: '// old draft\n',
          latestCodeAt: now, passingCode: null, lastResult: null, exerciseVersion: 'old0version', writer: null, updatedAt: now,
        }),
      );
    });
    await open(page);
    expect(await editorValue(page)).toBe('// old draft\n');
    const notice = page.locator('[data-notice="version"]');
    await expect(notice).toContainText(E.notices.versionChanged);
    await notice.getByRole('button', { name: E.notices.compare }).click();
    await expect(notice.locator('.wb-diff .monaco-diff-editor')).toBeVisible();
    await notice.getByRole('button', { name: E.notices.keepMine }).click();
    await expect(notice).toHaveCount(0);
    await page.reload();
    await open(page);
    await expect(page.locator('[data-notice="version"]')).toHaveCount(0);
  });
});

test.describe('accessibility and layout', () => {
  for (const theme of ['light', 'dark'] as const) {
    test(`axe: no serious or critical violations (${theme})`, async ({ page }) => {
      await page.addInitScript((t) => localStorage.setItem('dl-course:theme', t), theme);
      await open(page);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await paste(page, wrong);
      await run(page);
      const editorBg = await page.locator('[data-editor] .monaco-editor-background').evaluate((el) => getComputedStyle(el).backgroundColor);
      expect(editorBg).toBe(theme === 'dark' ? 'rgb(13, 17, 23)' : 'rgb(246, 248, 250)');
      const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      const bad = result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 4).join(' | ')}`);
      expect(bad).toEqual([]);
    });
  }

  test('the editor theme follows the site toggle without reload', async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem('dl-course:theme', 'light'));
    await open(page);
    await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
    await expect
      .poll(() => page.locator('[data-editor] .monaco-editor-background').evaluate((el) => getComputedStyle(el).backgroundColor))
      .toBe('rgb(13, 17, 23)');
  });

  test('keyboard only: hint, reset dialog, paste, run (Ctrl+Enter), leave the editor (Ctrl+M)', async ({ page }) => {
    await open(page);
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-action') ?? document.activeElement?.tagName ?? '');
    // Tab from the top of the page to the run button.
    let steps = 0;
    while ((await focused()) !== 'run' && steps++ < 80) await page.keyboard.press('Tab');
    expect(await focused()).toBe('run');
    const ring = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(ring).not.toBe('none');
    await page.keyboard.press('Tab'); // 提示
    expect(await focused()).toBe('hint');
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-hints] li')).toHaveCount(1);
    await page.keyboard.press('Tab'); // 重置
    expect(await focused()).toBe('reset');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: E.resetTitle });
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    expect(await focused()).toBe('reset');
    // Into the editor: keep tabbing until Monaco's text input has focus (not some other part of
    // the editor), and only then paste: the keys go where the test has seen the focus.
    const inEditorInput = () => page.evaluate(() => (window as any).__workbench.editor.hasTextFocus() as boolean);
    steps = 0;
    while (!(await inEditorInput()) && steps++ < 20) await page.keyboard.press('Tab');
    expect(await inEditorInput()).toBe(true);
    await page.evaluate((text) => navigator.clipboard.writeText(text), solution);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('ControlOrMeta+V');
    // Monaco applies a paste asynchronously; on a loaded 2-core machine that can take seconds.
    await expect.poll(() => editorValue(page), { timeout: 20_000 }).toBe(solution);
    await page.keyboard.press('Control+Enter');
    await expect(summary(page)).toHaveText(/^全部通过/, { timeout: 30_000 });
    // Ctrl+M: Tab moves focus out of the editor instead of indenting.
    await page.keyboard.press('Control+M');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('.monaco-editor'))).toBe(false);
    expect(await editorValue(page)).toBe(solution);
  });

  test('a 390×844 phone can edit and run', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await open(page);
    const box = await page.locator('[data-editor]').boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await paste(page, solution);
    await runButton(page).tap().catch(() => runButton(page).click());
    await expect(summary(page)).toHaveText(/^全部通过/, { timeout: 30_000 });
  });
});

test('chapter pages load neither Monaco nor tfjs, and show progress', async ({ page }) => {
  await open(page);
  await paste(page, solution);
  await run(page);
  await expect(summary(page)).toHaveText(/^全部通过/);
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto('/');
  await expect(page.locator('a[data-exercise-id="sigmoid"] + .progress-badge').first()).toHaveText(P.badge.passed);
  const chapter = page.locator('[data-chapter-exercises*="sigmoid"]').first();
  await expect(page.locator('[data-chapter-progress]').first()).toBeAttached();
  expect(await chapter.count()).toBeGreaterThan(0);
  expect(requests.filter((u) => /editor|monaco|ts\.worker|tf-types|learner|reference/.test(u))).toEqual([]);
});
