/**
 * Exercise workbench, client side: mounts on the static markup of Workbench.astro.
 *
 * The page is usable as soon as this small module has run: the starter (or the learner's saved
 * draft) is in the plain editor (src/islands/editor/plain.ts, coloured at build time), 运行测试 and
 * Ctrl+Enter grade it, autosave and 历史版本 work from the first keystroke. In parallel from the
 * first paint, the grader warms up (the reference cases and a learner realm, both in workers).
 * Monaco arrives later (on idle, or on intent on phones: ./upgrade.ts) and takes over the same
 * text in place; then the tfjs types load for completions and type errors.
 *
 * Each part has one job and its own file: saving.ts, notices.ts, history.ts (versions and reset),
 * conflicts.ts (another tab, a new exercise version), hints.ts (hints and solution), running.ts.
 */
import type { ExerciseMeta } from '../../grader/schema';
import { t } from '../../i18n/t';
import { PROGRESS_EVENT } from '../../progress/events';
import { createProgressStore, type ExerciseProgress } from '../../progress/store';
import { q } from '../editor/dom';
import { createPlainEditor } from '../editor/plain';
import { createSwitchableSurface } from '../editor/surface';
import { watchConflicts } from './conflicts';
import type { WorkbenchContext, WorkbenchProbe } from './context';
import { getGrader } from './grader';
import { createHints } from './hints';
import { createHistory } from './history';
import { createNotices, createToast } from './notices';
import { createRunning } from './running';
import { createSaving } from './saving';
import { scheduleUpgrade } from './upgrade';
import { SETTLED_EVENT } from '../../pwa/settled';

export type { WorkbenchProbe } from './context';

export function mountAll(): void {
  document.querySelectorAll<HTMLElement>('[data-wb]').forEach((root) => {
    if (root.dataset['mounted']) return;
    root.dataset['mounted'] = 'true';
    mount(root);
  });
}

/** Monaco waits for the grader at most this long (src/islands/workbench/upgrade.ts notBefore). */
const NOT_BEFORE_CAP_MS = 10_000;

function mount(root: HTMLElement): void {
  const exercise = JSON.parse(q(root, 'script[data-wb-meta]').textContent ?? '{}') as ExerciseMeta;
  const id = exercise.id;
  const probe: WorkbenchProbe = { runs: 0 };
  (window as unknown as { __workbench: WorkbenchProbe }).__workbench = probe;

  // The grader's workers load while the learner reads: nothing here waits for them.
  const warm = getGrader()
    .then((g) => g.warm(exercise))
    .then(
      () => (probe.graderWarmAt = performance.now()),
      (err: unknown) => console.warn('[workbench] warm', err),
    )
    // The page's own start-up work is done: the offline precache may start (src/pwa/register.ts).
    .finally(() => {
      document.documentElement.dataset['settled'] = '';
      window.dispatchEvent(new Event(SETTLED_EVENT));
    });

  const store = createProgressStore();
  probe.store = store;
  const box = q(root, '[data-editor]');
  const textarea = q<HTMLTextAreaElement>(box, 'textarea.pe-input');
  const starter = textarea.defaultValue;
  const initial = store.get(id);
  const plain = createPlainEditor({ root: q(box, '[data-plain-editor]'), value: initial.latestCode ?? starter });
  plain.setReadOnly(false);
  const surface = createSwitchableSurface(plain);
  probe.surface = surface;

  let upgrade: ReturnType<typeof scheduleUpgrade> | undefined;
  const ctx: WorkbenchContext = {
    root,
    exercise,
    id,
    version: root.dataset['version'] ?? null,
    starter,
    store,
    surface,
    notices: createNotices(q(root, '[data-notices]')),
    toast: createToast(q(root, '[data-toast]')),
    probe,
    announceProgress: () => void window.dispatchEvent(new Event(PROGRESS_EVENT)),
    monaco: () => upgrade!.now(),
  };

  const results = q(root, '[data-results]');
  const saving = createSaving(ctx, results);
  const history = createHistory(ctx, saving);
  const hints = createHints(ctx);
  const onRecord = (record: ExerciseProgress): void => hints.updateSolution(record);
  onRecord(initial);
  watchConflicts(ctx, saving, history, onRecord);
  const running = createRunning(ctx, saving, history, onRecord);
  surface.onChange(() => {
    saving.edited();
    surface.clearMarks();
  });
  saving.show(null);
  box.dataset['plainReady'] = 'true';
  probe.plainReadyAt = performance.now();

  upgrade = scheduleUpgrade({
    box,
    surface,
    plain,
    uri: `file:///exercises/${id}/${exercise.entry}.ts`,
    label: t('exercise.editorLabel', { title: exercise.title }),
    onRun: () => void running.run(),
    async notBefore() {
      // The grader first (capped: Monaco must come even if the grader never warms), then no run in flight.
      await Promise.race([warm, new Promise((resolve) => setTimeout(resolve, NOT_BEFORE_CAP_MS))]);
      while (running.busy) await new Promise((resolve) => setTimeout(resolve, 100));
    },
    onUpgraded(monaco, mod) {
      probe.editor = monaco.editor;
      probe.editorReadyAt = performance.now();
      box.dataset['ready'] = 'true';
      mod.loadTfTypes().then(
        () => (probe.typesReadyAt = performance.now()),
        (err: unknown) => console.warn('[workbench] tf types', err),
      );
    },
    onFailed(err) {
      // The plain editor keeps working: grading, saving and history don't need Monaco.
      ctx.notices.show('editor', t('codeEditor.upgradeFailed', { message: String(err) }), [], 'warn');
    },
  });
}
