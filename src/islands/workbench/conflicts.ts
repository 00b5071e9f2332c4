/**
 * Two situations where two versions of the code meet, and neither may be lost:
 *  - another tab saved different code for this exercise (载入较新的代码 / 保留当前代码; closing the notice
 *    keeps both: the other tab's is the stored draft, this tab's goes to the history at once);
 *  - the exercise changed (starter or cases) since the draft was written: compare (Monaco's diff,
 *    loaded on demand), reset to the new starter, or keep the code.
 */
import { t } from '../../i18n/t';
import type { ExerciseProgress } from '../../progress/store';
import { h } from '../editor/dom';
import type { WorkbenchContext } from './context';
import type { History } from './history';
import type { Saving } from './saving';

export function watchConflicts(ctx: WorkbenchContext, saving: Saving, history: History, onRecord: (record: ExerciseProgress) => void): void {
  const { id, store, surface, notices, toast } = ctx;

  const keepThisTab = (): void => {
    const code = surface.getValue();
    if (code !== ctx.starter) store.keepVersion(id, code, 'this-tab');
  };

  store.subscribe((exId, record, source) => {
    if (exId !== id || source !== 'remote') return;
    onRecord(record);
    history.updateButtons();
    if (record.writer === store.writerId || record.latestCode === null || record.latestCode === surface.getValue()) {
      notices.drop('other-tab');
      return;
    }
    const newer = record.latestCode;
    // Neither version may be lost, whatever the learner does with the notice (or if they close
    // the tab): the other tab's code is the stored draft, this tab's goes to the history now
    // (the untouched starter is always reachable through 重置, so it is not kept).
    keepThisTab();
    history.render();
    const box = notices.show('other-tab', t('exercise.notices.otherTab'), [
      {
        label: t('exercise.notices.loadNewer'),
        primary: true,
        run: () => {
          keepThisTab();
          surface.replaceAll(newer);
          saving.saveNow();
          notices.drop('other-tab');
          history.render();
          toast.show(t('exercise.notices.loadedNewer'));
          surface.focus();
        },
      },
      {
        label: t('exercise.notices.keepMine'),
        run: () => {
          // This tab's code becomes the newest version at once; the other one is kept as a version.
          store.keepVersion(id, newer, 'other-tab');
          saving.saveNow();
          notices.drop('other-tab');
          history.render();
          toast.show(t('exercise.notices.keptMine'));
          surface.focus();
        },
      },
    ]);
    box.dataset['conflict'] = 'open';
    // 知道了 (close without choosing): both versions stay; say where each one is.
    box.querySelector('[data-notice-close]')?.addEventListener('click', () => toast.show(t('exercise.notices.dismissedConflict')));
  });

  const initial = store.get(id);
  const version = ctx.version;
  if (!version || initial.latestCode === null || initial.exerciseVersion === null || initial.exerciseVersion === version) return;
  let diff: { dispose(): void } | undefined;
  const box = notices.show('version', t('exercise.notices.versionChanged'), [
    {
      label: t('exercise.notices.compare'),
      run: async () => {
        diff?.dispose();
        box.querySelector('.wb-diff-wrap')?.remove();
        const holder = h('div', { class: 'wb-diff' });
        const label = h('p', { class: 'wb-muted' }, t('exercise.notices.compareLabel'));
        const close = h('button', { type: 'button', class: 'wb-btn wb-small' }, t('exercise.notices.closeCompare'));
        const wrap = h('div', { class: 'wb-diff-wrap' }, label, holder, close);
        close.addEventListener('click', () => {
          diff?.dispose();
          wrap.remove();
        });
        box.append(wrap);
        const monaco = await ctx.monaco();
        diff = monaco.createDiff(holder, ctx.starter, surface.getValue());
      },
    },
    {
      label: t('exercise.notices.resetToNew'),
      run: async () => {
        diff?.dispose();
        await history.reset();
        notices.drop('version');
      },
    },
    {
      label: t('exercise.notices.keepMine'),
      primary: true,
      run: () => {
        diff?.dispose();
        store.acknowledgeVersion(id, version);
        notices.drop('version');
      },
    },
  ]);
}
