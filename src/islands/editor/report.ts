/**
 * The output half of the shared "editor + run + output" piece, for grading: renders a GradeReport
 * into a results region (the exercise page's panel, role="status" aria-live="polite"; the
 * teacher's detail view). The summary comes first so screen readers announce it first, then the
 * error, each case, logs, warnings.
 * Learner-controlled text (logs, messages) only ever goes through textContent.
 */
import type { CaseReport, GradeReport } from '../../grader/types';
import { t } from '../../i18n/t';
import { h } from './dom';

const fmt = (x: number): string => (x === 0 ? '0' : Math.abs(x) >= 1e-3 && Math.abs(x) < 1e4 ? x.toPrecision(4) : x.toExponential(2));

export function summaryText(report: GradeReport): string {
  const total = report.cases.length;
  const passed = report.cases.filter((c) => c.passed).length;
  if (report.passed && !report.error) return t('exercise.allPassed', { passed, total });
  return t('exercise.somePassed', { passed, total });
}

function caseItem(c: CaseReport, index: number): HTMLLIElement {
  const mark = h('span', { class: 'wb-mark', 'aria-hidden': 'true' }, c.passed ? '✓' : '✗');
  const head = h(
    'div',
    { class: 'wb-case-head' },
    mark,
    h('span', { class: 'visually-hidden' }, `${c.passed ? t('exercise.casePassed') : t('exercise.caseFailed')}：`),
    h('span', { class: 'wb-case-name' }, `${index + 1}. ${c.name}`),
    c.ms !== undefined ? h('span', { class: 'wb-muted wb-case-ms' }, t('exercise.caseTime', { ms: Math.round(c.ms * 10) / 10 })) : null,
  );
  const li = h('li', { class: `wb-case ${c.passed ? 'is-pass' : 'is-fail'}`, 'data-case-passed': String(c.passed) }, head);
  if (!c.passed) {
    if (c.message) li.append(h('p', { class: 'wb-case-msg' }, c.message));
    const rows: [string, string | undefined][] = [
      [t('exercise.caseInput'), c.inputSummary],
      [t('exercise.caseExpected'), c.expectedPreview],
      [t('exercise.caseActual'), c.actualPreview],
    ];
    const dl = h('dl', { class: 'wb-preview' });
    // tabindex: a horizontally scrollable <pre> must be reachable by keyboard (axe scrollable-region-focusable).
    for (const [label, value] of rows) if (value) dl.append(h('dt', {}, label), h('dd', {}, h('pre', { tabindex: '0' }, value)));
    if (dl.childElementCount) li.append(dl);
    const facts: string[] = [];
    if (c.maxAbsError !== undefined && Number.isFinite(c.maxAbsError)) facts.push(t('exercise.caseMaxError', { value: fmt(c.maxAbsError) }));
    if (c.firstMismatch?.length) facts.push(t('exercise.caseMismatch', { index: c.firstMismatch.join(', ') }));
    if (facts.length) li.append(h('p', { class: 'wb-muted' }, facts.join(' · ')));
    if (c.hint) li.append(h('p', { class: 'wb-case-hint' }, h('strong', {}, t('exercise.caseHint')), c.hint));
  }
  if (c.leakedTensors) li.append(h('p', { class: 'wb-warn-text' }, t('exercise.caseLeaked', { n: c.leakedTensors })));
  return li;
}

export interface RenderOptions {
  timeoutSeconds: number;
}

export function renderReport(target: HTMLElement, report: GradeReport, opts: RenderOptions): void {
  const total = report.cases.length;
  const ok = report.passed && !report.error;
  const frag = document.createDocumentFragment();
  frag.append(
    h('p', { class: `wb-summary ${ok ? 'is-pass' : 'is-fail'}`, 'data-summary': ok ? 'passed' : 'failed' }, total || ok ? summaryText(report) : ''),
  );
  if (!total && !ok) (frag.firstChild as HTMLElement).hidden = true;

  if (report.error) {
    const e = report.error;
    const title = e.kind === 'timeout' ? t('exercise.timeout', { seconds: opts.timeoutSeconds }) : t(`exercise.errorKinds.${e.kind}`);
    const where =
      e.line !== undefined
        ? e.column !== undefined
          ? t('exercise.errorAt', { line: e.line, column: e.column })
          : t('exercise.errorAtLine', { line: e.line })
        : null;
    frag.append(
      h(
        'div',
        { class: 'wb-error', 'data-error-kind': e.kind },
        h('p', { class: 'wb-error-title' }, title, where ? h('span', { class: 'wb-error-where', 'data-error-line': String(e.line) }, `（${where}）`) : null),
        e.message && e.message !== title ? h('p', {}, e.message) : null,
      ),
    );
  }

  if (total) {
    frag.append(h('ol', { class: 'wb-cases' }, ...report.cases.map(caseItem)));
  }

  if (report.logs.length) {
    frag.append(
      h(
        'details',
        { class: 'wb-logs', open: '' },
        h('summary', {}, `${t('exercise.logsTitle')}（${report.logs.length}）`),
        h('pre', { 'data-logs': '', tabindex: '0' }, ...report.logs.map((l) => h('span', { class: `wb-log wb-log-${l.level}` }, `${l.text}\n`))),
      ),
    );
  }

  if (report.warnings.length) {
    frag.append(
      h(
        'div',
        { class: 'wb-warnings' },
        h('p', { class: 'wb-warn-title' }, t('exercise.warningsTitle')),
        h('ul', {}, ...report.warnings.map((w) => h('li', {}, w))),
      ),
    );
  }

  frag.append(h('p', { class: 'wb-muted wb-run-meta' }, t('exercise.runMeta', { seed: report.seed, ms: Math.round(report.durationMs) })));
  target.replaceChildren(frag);
}

export function renderMessage(target: HTMLElement, text: string, kind: 'muted' | 'error' = 'muted'): void {
  target.replaceChildren(h('p', { class: kind === 'error' ? 'wb-error' : 'wb-muted' }, text));
}

