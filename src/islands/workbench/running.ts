/**
 * 运行测试 (button or Ctrl/Cmd+Enter anywhere on the page): grade the editor's code with the
 * page's grader, render the report, mark a compile error in the editor, and record the attempt
 * (which also saves the code that ran). Works in the plain editor as well as in Monaco.
 */
import type { GradeReport } from '../../grader/types';
import { t } from '../../i18n/t';
import type { ExerciseProgress } from '../../progress/store';
import { h, q } from '../editor/dom';
import { renderMessage, renderReport } from '../editor/report';
import { createRunControl, type RunControl } from '../editor/run';
import type { WorkbenchContext } from './context';
import { getGrader } from './grader';
import type { History } from './history';
import type { Saving } from './saving';

export function createRunning(ctx: WorkbenchContext, saving: Saving, history: History, onRecord: (record: ExerciseProgress) => void): RunControl {
  const { root, exercise, id, store, surface, probe } = ctx;
  const button = q<HTMLButtonElement>(root, '[data-action="run"]');
  const results = q(root, '[data-results]');
  const dialog = q<HTMLDialogElement>(root, '[data-reset-dialog]');
  const timeoutSeconds = Number(root.dataset['timeoutSeconds'] ?? exercise.timeoutMs / 1000);

  const control = createRunControl<{ report: GradeReport; code: string }>({
    root: document,
    button,
    label: { element: q(root, '[data-run-label]'), idle: t('exercise.run'), busy: t('exercise.running') },
    output: results,
    getCode: () => surface.getValue(),
    // Monaco runs its own Ctrl/Cmd+Enter command; a modal dialog owns the keyboard.
    ignoreKeysIn: '.monaco-editor',
    keysEnabled: () => !dialog.open,
    onStart: () => {
      saving.flush();
      renderMessage(results, t('exercise.runningCases'));
      surface.clearMarks();
    },
    async execute(code) {
      const grader = await getGrader();
      return { report: await grader.grade({ exercise, code }), code };
    },
    render(out, { report, code }) {
      probe.lastReport = report;
      probe.runs++;
      renderReport(out, report, { timeoutSeconds });
      if (report.error?.line !== undefined) surface.markError(report.error.line, report.error.column, report.error.message);
      const passed = report.passed && !report.error;
      const res = store.recordAttempt(id, {
        passed,
        score: report.score,
        passedCases: report.cases.filter((c) => c.passed).length,
        totalCases: report.cases.length,
        seed: report.seed,
        errorKind: report.error?.kind ?? null,
        code,
        exerciseVersion: ctx.version,
      });
      // The attempt saved the code that ran; edits typed while it ran are still to be saved.
      if (surface.getValue() === code) saving.settle();
      else saving.edited();
      onRecord(res.record);
      saving.show(res);
      // Next to the verdict: a pass that could not be stored is said, never silently dropped.
      if (passed && !res.ok) {
        out.append(h('p', { class: 'wb-save-note', 'data-pass-save': res.reason }, t(res.reason === 'newer-version' ? 'progress.warnings.passNewer' : 'progress.warnings.passNotSaved')));
      }
      history.updateButtons();
      history.render();
      ctx.announceProgress();
    },
    renderError: (out, err) => renderMessage(out, t('exercise.gradeFailed', { message: String(err) }), 'error'),
  });
  button.disabled = false;
  return control;
}
