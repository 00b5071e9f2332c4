/**
 * 提示 (one at a time) and 查看参考答案 (shown once the exercise is passed or after
 * SOLUTION_UNLOCK_FAILURES failed runs; the solution is a lazy chunk fetched on click).
 */
import { t } from '../../i18n/t';
import type { ExerciseProgress } from '../../progress/store';
import { h, q } from '../editor/dom';
import type { WorkbenchContext } from './context';
import { loadSolution } from './sources';

export interface Hints {
  /** Shows 查看参考答案 when `record` has earned it. */
  updateSolution(record: ExerciseProgress): void;
}

export function createHints(ctx: WorkbenchContext): Hints {
  const { root, exercise, id } = ctx;
  const hintBtn = q<HTMLButtonElement>(root, '[data-action="hint"]');
  const hintsList = q<HTMLOListElement>(root, '[data-hints]');
  const solutionBtn = root.querySelector<HTMLButtonElement>('[data-action="solution"]');
  const solutionBox = q(root, '[data-solution]');
  const showSolutions = root.dataset['showSolutions'] === 'true';
  const unlockAfter = Number(root.dataset['unlockFailures'] ?? 5);

  let shown = 0;
  hintBtn.addEventListener('click', () => {
    if (shown >= exercise.hints.length) return;
    hintsList.hidden = false;
    hintsList.append(h('li', {}, exercise.hints[shown] ?? ''));
    shown++;
    const done = shown >= exercise.hints.length;
    hintBtn.textContent = done ? t('exercise.hintsDone') : t('exercise.hint', { shown, total: exercise.hints.length });
    if (done) hintBtn.setAttribute('aria-disabled', 'true');
  });

  solutionBtn?.addEventListener('click', async () => {
    solutionBox.hidden = false;
    const code = q(solutionBox, '[data-solution-code]');
    code.textContent = t('exercise.solutionLoading');
    try {
      code.textContent = (await loadSolution(id)) ?? t('exercise.solutionFailed');
    } catch {
      code.textContent = t('exercise.solutionFailed');
    }
    solutionBox.scrollIntoView({ block: 'nearest' });
  });

  return {
    updateSolution(record) {
      if (!solutionBtn || !showSolutions) return;
      solutionBtn.hidden = !(record.status === 'passed' || record.failedAttempts >= unlockAfter);
    },
  };
}
