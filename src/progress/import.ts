/**
 * Importing one's own export on another computer: what would change, and the merged record.
 *
 * The policy, "no lost work":
 *  - counters and times never go back (attempts = max, first = earliest, last = latest), and a
 *    pass on either side stays a pass;
 *  - code that only one side has is taken from that side, silently;
 *  - when both sides hold different code for the same exercise, that is a conflict: the page asks
 *    which to keep (suggesting the newer one), and the other is kept in the version history.
 */
import { earlierOf, instant, laterOf } from './instant';
import type { ExportExercise, ProgressExport } from './export-format';
import type { ExerciseProgress } from './schema';

export type ImportKind =
  /** Nothing stored here yet: the imported entry is taken as is. */
  | 'new'
  /** Same code on both sides: only counters and times are merged. */
  | 'same'
  /** Code on one side only: merged without asking. */
  | 'merge'
  /** Different code on both sides: the learner chooses. */
  | 'conflict';

export interface ImportPlanEntry {
  id: string;
  kind: ImportKind;
  /** Which side's code looks newer (local: the draft's save time; imported: its last run, else the export time). */
  newer: 'local' | 'imported';
  entry: ExportExercise;
}

const hasWork = (r: ExerciseProgress): boolean => r.latestCode !== null || r.passingCode !== null || r.attempts > 0;
const differ = (a: string | null, b: string | null): boolean => a !== null && b !== null && a !== b;

/** What importing `file` would do, exercise by exercise (unknown exercise ids are left out). */
export function planImport(file: ProgressExport, local: (id: string) => ExerciseProgress, known: ReadonlySet<string>): ImportPlanEntry[] {
  const seen = new Set<string>();
  const plan: ImportPlanEntry[] = [];
  for (const entry of file.exercises) {
    if (!known.has(entry.id) || seen.has(entry.id)) continue;
    seen.add(entry.id);
    const mine = local(entry.id);
    const importedAt = entry.lastAttemptAt ?? file.exportedAt;
    const newer = hasWork(mine) && instant(mine.latestCodeAt ?? mine.updatedAt) > instant(importedAt) ? 'local' : 'imported';
    let kind: ImportKind;
    if (!hasWork(mine)) kind = 'new';
    else if (differ(mine.latestCode, entry.latestCode) || differ(mine.passingCode, entry.passingCode)) kind = 'conflict';
    else if (mine.latestCode === entry.latestCode && mine.passingCode === entry.passingCode) kind = 'same';
    else kind = 'merge';
    plan.push({ id: entry.id, kind, newer, entry });
  }
  return plan;
}


/**
 * The merged record. `keep` decides whose code wins where both sides have some; the caller keeps
 * the losing code in the version history. `at` is the import time (updatedAt, latestCodeAt).
 */
export function mergeImported(local: ExerciseProgress, entry: ExportExercise, keep: 'local' | 'imported', at: string): ExerciseProgress {
  const first = <T>(a: T | null, b: T | null): T | null => (a !== null ? a : b);
  const [mine, theirs] = keep === 'local' ? [local, entry] : [entry, local];
  const latestCode = first(mine.latestCode, theirs.latestCode);
  const passingCode = first(mine.passingCode, theirs.passingCode);
  const status = local.status === 'passed' || entry.status === 'passed' ? 'passed' : local.status === 'in-progress' || entry.status === 'in-progress' ? 'in-progress' : 'not-started';
  const lastResult = instant(entry.lastResult?.at) > instant(local.lastResult?.at) ? entry.lastResult : local.lastResult;
  const takeImportedCode = latestCode !== local.latestCode;
  return {
    ...local,
    status,
    attempts: Math.max(local.attempts, entry.attempts),
    // The export has no failure count: failed runs are at least those of either side.
    failedAttempts: Math.max(local.failedAttempts, entry.attempts - (entry.status === 'passed' ? 1 : 0), 0),
    firstAttemptAt: earlierOf(local.firstAttemptAt, entry.firstAttemptAt),
    lastAttemptAt: laterOf(local.lastAttemptAt, entry.lastAttemptAt),
    passedAt: earlierOf(local.passedAt, entry.passedAt),
    latestCode,
    latestCodeAt: takeImportedCode ? at : local.latestCodeAt,
    passingCode,
    lastResult,
    exerciseVersion: takeImportedCode ? entry.exerciseVersion : local.exerciseVersion ?? entry.exerciseVersion,
    updatedAt: at,
  };
}
