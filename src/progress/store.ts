/**
 * Local progress store: what the learner did on each exercise, kept in this browser only.
 *
 * Why localStorage and not IndexedDB:
 *  - records are small (a draft is a few KB; 8–40 exercises stay far below the ~5 MB quota);
 *  - it is synchronous, so the page can render the saved draft and the badges in the same frame
 *    as the HTML, with no flash of "未开始";
 *  - it fires `storage` events in other tabs for free, which is how two tabs on the same exercise
 *    learn about each other's writes;
 *  - the badge script on chapter pages reads it with a few lines of code (IndexedDB would need
 *    an async wrapper on every page).
 * One key per exercise (see keys.ts), so a write only ever touches that exercise and a corrupt
 * record cannot take the others down. There is deliberately no separate index key: `list()` scans
 * the keys with our prefix, so there is nothing derived that could drift out of sync between tabs.
 *
 * Failure policy: reading never throws; writing returns `{ ok: false, reason }` instead of throwing.
 * A failed write leaves what is already stored untouched (setItem is atomic), and the new state is
 * kept in memory for this page so the UI stays consistent. Unreadable records are copied verbatim
 * under a backup key before anything may overwrite them.
 */
import { BACKUP_PREFIX, RECORD_PREFIX, browserStorage, recordKey } from './keys';
import { emptyProgress, migrate, type ExerciseProgress, type LastResult } from './schema';

export type { ExerciseProgress, LastResult } from './schema';
export type { ProgressStatus } from './keys';

export type StoreProblem =
  /** localStorage is missing or refuses access (SecurityError). Nothing persists on this page. */
  | 'unavailable'
  /** A write failed because the storage is full (QuotaExceededError). */
  | 'quota'
  /** A stored record was unreadable; it was backed up and replaced by an empty one. */
  | 'corrupt';

export interface StoreWarning {
  problem: StoreProblem;
  exerciseId?: string;
  /** Where the unreadable raw value was copied (corrupt only; absent if the backup failed too). */
  backupKey?: string;
  detail: string;
}

export type WriteResult =
  | { ok: true; record: ExerciseProgress }
  | { ok: false; reason: 'quota' | 'unavailable'; record: ExerciseProgress };

export interface AttemptInput {
  passed: boolean;
  score: number;
  passedCases: number;
  totalCases: number;
  seed: number;
  errorKind: LastResult['errorKind'];
  /** The graded source; becomes the draft, and the passing code when `passed`. */
  code: string;
  exerciseVersion: string | null;
}

export type ChangeSource = 'local' | 'remote';
export type ChangeListener = (exerciseId: string, record: ExerciseProgress, source: ChangeSource) => void;

export interface ProgressStore {
  /** True when progress persists (localStorage usable). */
  readonly persistent: boolean;
  /** This tab's writer id (stored in `record.writer`). */
  readonly writerId: string;
  /** The record for one exercise; an empty one if the learner never touched it. */
  get(exerciseId: string): ExerciseProgress;
  /** All stored records, sorted by exercise id. */
  list(): ExerciseProgress[];
  /** Autosave: stores the editor content (status becomes 进行中 unless already 已通过). */
  saveDraft(exerciseId: string, code: string, exerciseVersion: string | null): WriteResult;
  /** Records one graded run. */
  recordAttempt(exerciseId: string, attempt: AttemptInput): WriteResult;
  /** Marks the draft as written against `exerciseVersion` (the learner chose to keep their code). */
  acknowledgeVersion(exerciseId: string, exerciseVersion: string): WriteResult;
  /** Called on every change: writes from this tab ('local') and from other tabs ('remote'). */
  subscribe(listener: ChangeListener): () => void;
  /** Called once per problem (storage unavailable, full, corrupt record). */
  onWarning(listener: (warning: StoreWarning) => void): () => void;
  /** Removes the window listener (tests, page teardown). */
  dispose(): void;
}

export interface StoreOptions {
  /** Defaults to window.localStorage; null = unavailable. A function is called once, and may throw. */
  storage?: Storage | null | (() => Storage | null);
  now?: () => Date;
  writerId?: string;
  /** Defaults to `window` when present: where `storage` events come from. */
  eventTarget?: Pick<Window, 'addEventListener' | 'removeEventListener'> | null;
}

const errorName = (err: unknown): string =>
  err && typeof err === 'object' && 'name' in err ? String((err as { name: unknown }).name) : String(err);

/** QuotaExceededError, including old Firefox's NS_ERROR_DOM_QUOTA_REACHED and legacy code 22. */
function isQuotaError(err: unknown): boolean {
  const name = errorName(err);
  const code = err && typeof err === 'object' && 'code' in err ? (err as { code: unknown }).code : undefined;
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014;
}

export function createProgressStore(options: StoreOptions = {}): ProgressStore {
  const now = options.now ?? (() => new Date());
  const writerId = options.writerId ?? Math.random().toString(36).slice(2, 10);
  const changeListeners = new Set<ChangeListener>();
  const warningListeners = new Set<(w: StoreWarning) => void>();
  const pendingWarnings: StoreWarning[] = [];
  /** State that could not be written (quota / unavailable): wins over storage for this page. */
  const memory = new Map<string, ExerciseProgress>();
  /** Keys holding an unreadable value whose backup failed: never overwrite them. */
  const protectedKeys = new Set<string>();

  let storage: Storage | null;
  try {
    const s = options.storage;
    storage = s === undefined ? browserStorage() : typeof s === 'function' ? s() : s;
  } catch {
    storage = null;
  }

  const warn = (w: StoreWarning): void => {
    if (typeof console !== 'undefined') console.warn(`[progress] ${w.problem}: ${w.detail}`);
    if (warningListeners.size === 0) pendingWarnings.push(w);
    for (const l of warningListeners) l(w);
  };
  if (!storage) warn({ problem: 'unavailable', detail: 'localStorage is not available' });

  const idFromKey = (key: string): string => key.slice(RECORD_PREFIX.length);

  function backup(key: string, raw: string): string | undefined {
    if (!storage) return undefined;
    const id = idFromKey(key);
    try {
      // Same raw text already backed up (e.g. the page was reloaded before anything overwrote it).
      for (let i = 0; i < storage.length; i++) {
        const k = storage.key(i);
        if (k?.startsWith(`${BACKUP_PREFIX}${id}:`) && storage.getItem(k) === raw) return k;
      }
      const backupKey = `${BACKUP_PREFIX}${id}:${now().toISOString()}`;
      storage.setItem(backupKey, raw);
      return backupKey;
    } catch {
      return undefined;
    }
  }

  /** Reads and validates one stored value; never throws. */
  function parseStored(key: string, raw: string | null, announce: boolean): ExerciseProgress | null {
    const id = idFromKey(key);
    if (raw === null) return null;
    let detail: string;
    try {
      const result = migrate(JSON.parse(raw));
      if (result.ok) {
        if (result.value.exerciseId === id) return result.value;
        detail = `exerciseId ${result.value.exerciseId} ≠ ${id}`;
      } else detail = `${result.reason}: ${result.detail}`;
    } catch (err) {
      detail = `JSON: ${String(err)}`;
    }
    if (!announce) return null;
    const backupKey = backup(key, raw);
    if (!backupKey) protectedKeys.add(key);
    const w: StoreWarning = { problem: 'corrupt', exerciseId: id, detail };
    if (backupKey) w.backupKey = backupKey;
    warn(w);
    return null;
  }

  const announced = new Set<string>();
  function readStored(exerciseId: string): ExerciseProgress | null {
    if (!storage) return null;
    const key = recordKey(exerciseId);
    let raw: string | null;
    try {
      raw = storage.getItem(key);
    } catch {
      return null;
    }
    const first = !announced.has(key);
    const value = parseStored(key, raw, first);
    if (raw !== null && value === null) announced.add(key);
    return value;
  }

  function get(exerciseId: string): ExerciseProgress {
    return memory.get(exerciseId) ?? readStored(exerciseId) ?? emptyProgress(exerciseId, now());
  }

  function emit(exerciseId: string, record: ExerciseProgress, source: ChangeSource): void {
    for (const l of changeListeners) {
      try {
        l(exerciseId, record, source);
      } catch (err) {
        console.error(err);
      }
    }
  }

  let quotaWarned = false;
  function write(record: ExerciseProgress): WriteResult {
    const key = recordKey(record.exerciseId);
    let result: WriteResult;
    if (!storage) {
      memory.set(record.exerciseId, record);
      result = { ok: false, reason: 'unavailable', record };
    } else if (protectedKeys.has(key)) {
      memory.set(record.exerciseId, record);
      result = { ok: false, reason: 'quota', record };
    } else {
      try {
        storage.setItem(key, JSON.stringify(record));
        memory.delete(record.exerciseId);
        quotaWarned = false;
        result = { ok: true, record };
      } catch (err) {
        memory.set(record.exerciseId, record);
        const quota = isQuotaError(err);
        result = { ok: false, reason: quota ? 'quota' : 'unavailable', record };
        if (!quotaWarned) {
          quotaWarned = true;
          warn({ problem: quota ? 'quota' : 'unavailable', exerciseId: record.exerciseId, detail: errorName(err) });
        }
      }
    }
    emit(record.exerciseId, record, 'local');
    return result;
  }

  function update(exerciseId: string, change: (r: ExerciseProgress, at: string) => ExerciseProgress): WriteResult {
    const at = now().toISOString();
    const next = change(get(exerciseId), at);
    return write({ ...next, writer: writerId, updatedAt: at });
  }

  const onStorage = (event: StorageEvent): void => {
    if (!storage || (event.storageArea && event.storageArea !== storage)) return;
    const keys: string[] = [];
    if (event.key === null) {
      // clear(): every record may have changed.
      for (const id of memory.keys()) keys.push(recordKey(id));
    } else if (event.key.startsWith(RECORD_PREFIX)) keys.push(event.key);
    for (const key of keys) {
      const id = idFromKey(key);
      memory.delete(id);
      const record = parseStored(key, event.newValue ?? null, false) ?? emptyProgress(id, now());
      emit(id, record, 'remote');
    }
  };
  const target = options.eventTarget === undefined ? (typeof window !== 'undefined' ? window : null) : options.eventTarget;
  target?.addEventListener('storage', onStorage as EventListener);

  return {
    persistent: storage !== null,
    writerId,
    get,
    list() {
      const ids = new Set(memory.keys());
      if (storage) {
        try {
          for (let i = 0; i < storage.length; i++) {
            const k = storage.key(i);
            if (k?.startsWith(RECORD_PREFIX)) ids.add(idFromKey(k));
          }
        } catch {
          /* unreadable storage: memory only */
        }
      }
      return [...ids].sort().map(get);
    },
    saveDraft(exerciseId, code, exerciseVersion) {
      return update(exerciseId, (r, at) => ({
        ...r,
        status: r.status === 'passed' ? 'passed' : 'in-progress',
        latestCode: code,
        latestCodeAt: at,
        exerciseVersion,
      }));
    },
    recordAttempt(exerciseId, a) {
      return update(exerciseId, (r, at) => ({
        ...r,
        status: a.passed || r.status === 'passed' ? 'passed' : 'in-progress',
        attempts: r.attempts + 1,
        failedAttempts: r.failedAttempts + (a.passed ? 0 : 1),
        firstAttemptAt: r.firstAttemptAt ?? at,
        lastAttemptAt: at,
        passedAt: r.passedAt ?? (a.passed ? at : null),
        latestCode: a.code,
        latestCodeAt: at,
        passingCode: a.passed ? a.code : r.passingCode,
        exerciseVersion: a.exerciseVersion,
        lastResult: {
          passed: a.passed,
          score: Math.min(1, Math.max(0, a.score)),
          passedCases: a.passedCases,
          totalCases: a.totalCases,
          seed: a.seed,
          errorKind: a.errorKind,
          at,
        },
      }));
    },
    acknowledgeVersion(exerciseId, exerciseVersion) {
      return update(exerciseId, (r) => ({ ...r, exerciseVersion }));
    },
    subscribe(listener) {
      changeListeners.add(listener);
      return () => changeListeners.delete(listener);
    },
    onWarning(listener) {
      warningListeners.add(listener);
      for (const w of pendingWarnings.splice(0)) listener(w);
      return () => warningListeners.delete(listener);
    },
    dispose() {
      target?.removeEventListener('storage', onStorage as EventListener);
      changeListeners.clear();
      warningListeners.clear();
    },
  };
}
