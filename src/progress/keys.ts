/**
 * Storage layout of the progress store, shared by the full store (store.ts, exercise pages)
 * and the tiny badge script (badges.ts, every page). Nothing here may import zod or anything big.
 *
 *   dlc:progress:ex:<id>               one JSON record per exercise (schema.ts, `version` inside)
 *   dlc:progress:versions:<id>         earlier versions of the learner's code (schema.ts, within a budget)
 *   dlc:progress:backup:<id>:<iso>     raw text of a record that could not be read, kept verbatim
 *   dlc:progress:last-export           when a progress file was last downloaded (backup.ts), for the reminder
 *
 * `<id>` is opaque: an exercise id today; a runnable code cell can use e.g. `cell:<chapter>:<n>`.
 */
export const PREFIX = 'dlc:progress:';
export const RECORD_PREFIX = `${PREFIX}ex:`;
export const BACKUP_PREFIX = `${PREFIX}backup:`;
export const VERSIONS_PREFIX = `${PREFIX}versions:`;
export const LAST_EXPORT_KEY = `${PREFIX}last-export`;

export const recordKey = (exerciseId: string): string => `${RECORD_PREFIX}${exerciseId}`;
export const versionsKey = (exerciseId: string): string => `${VERSIONS_PREFIX}${exerciseId}`;

/** Learner-visible state of one exercise. `passed` is sticky: a later failing run keeps it. */
export type ProgressStatus = 'not-started' | 'in-progress' | 'passed';

/**
 * Reads just the status of one exercise without validating the whole record: used by the badge
 * script, which must stay tiny. Anything unexpected (no storage, bad JSON) reads as not started.
 */
export function peekStatus(storage: Pick<Storage, 'getItem'> | null, exerciseId: string): ProgressStatus {
  if (!storage) return 'not-started';
  try {
    const raw = storage.getItem(recordKey(exerciseId));
    if (raw === null) return 'not-started';
    const status = (JSON.parse(raw) as { status?: unknown } | null)?.status;
    return status === 'passed' || status === 'in-progress' ? status : 'not-started';
  } catch {
    return 'not-started';
  }
}

/** `window.localStorage`, or null when the browser refuses it (SecurityError: blocked cookies, sandboxed iframes). */
export function browserStorage(): Storage | null {
  try {
    return typeof window !== 'undefined' ? window.localStorage : null;
  } catch {
    return null;
  }
}
