/**
 * What every part of the exercise workbench shares: the exercise, the progress store, the one
 * editor surface (plain, then Monaco), notices and the toast. index.ts builds it; each part
 * (saving, history, conflicts, hints, running) takes it and wires its own controls.
 */
import type { ExerciseMeta } from '../../grader/schema';
import type { GradeReport } from '../../grader/types';
import type { ProgressStore } from '../../progress/store';
import type { SwitchableSurface } from '../editor/surface';
import type { CodeEditor } from './monaco';
import type { Notices, Toast } from './notices';

export type MonacoModule = typeof import('./monaco');

/** Test/bench hooks: timings of the page's milestones and the last report, on window.__workbench. */
export interface WorkbenchProbe {
  /** The plain editor is editable and 运行测试 works (performance.now()). */
  plainReadyAt?: number;
  /** Monaco holds the text (the swap is done). */
  editorReadyAt?: number;
  typesReadyAt?: number;
  graderWarmAt?: number;
  runs: number;
  lastReport?: GradeReport;
  /** Monaco's editor, once it has taken over. */
  editor?: CodeEditor;
  /** The editor the page programs against, whichever holds the text. */
  surface?: SwitchableSurface;
  /** The progress store of this page (tests read its state; they never write storage through it). */
  store?: ProgressStore;
}

export interface WorkbenchContext {
  root: HTMLElement;
  exercise: ExerciseMeta;
  id: string;
  /** Short hash of starter + cases (Workbench.astro), or null. */
  version: string | null;
  /** The starter as built into the page. */
  starter: string;
  store: ProgressStore;
  surface: SwitchableSurface;
  notices: Notices;
  toast: Toast;
  probe: WorkbenchProbe;
  /** Tells the page's other progress views (badges) that a record changed. */
  announceProgress(): void;
  /** Monaco, loaded now if it is not yet (a feature that needs it, e.g. the version diff). */
  monaco(): Promise<MonacoModule>;
}
