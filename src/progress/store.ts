/**
 * Local progress store: what the learner did on each exercise, kept in this browser only.
 * The ONLY module that touches storage for progress: the workbench (and, later, runnable code
 * cells and a progress export) go through it.
 *
 * Why localStorage and not IndexedDB:
 *  - records are small (a draft is a few KB; 8–40 exercises stay far below the ~5 MB quota);
 *  - it is synchronous, so the page can render the saved draft and the badges in the same frame
 *    as the HTML, with no flash of "未开始"; a read-modify-write happens in one task;
 *  - it fires `storage` events in other tabs for free, which is how two tabs on the same exercise
 *    learn about each other's writes;
 *  - the badge script on chapter pages reads it with a few lines of code.
 * One key per exercise (see keys.ts), so a write only ever touches that exercise and a corrupt
 * record cannot take the others down. Earlier versions of the code live under a second key per
 * exercise, within VERSION_HISTORY_BUDGET_CHARS.
 *
 * No lost work — the policy:
 *  - Reading never throws; writing returns `{ ok: false, reason }` instead of throwing.
 *  - A failed write (full storage, storage gone after load) keeps the new state in memory as
 *    *pending*; `retry()` writes it as soon as it can (the page calls it on edit, focus, a timer
 *    and when another tab frees space). Pending state is merged with what is stored then, so a
 *    retry never undoes another tab's runs or pass.
 *  - Newest work first: the record is written before anything optional (history, backups). When
 *    the record does not fit, this exercise's oldest history entries are dropped to make room.
 *  - An unreadable record is copied verbatim under a backup key. If even that copy fails, saving
 *    goes on anyway (the warning says no backup exists) and the copy is retried later.
 *  - A record from a NEWER site version is shown (code, status) but never rewritten: this page's
 *    edits go into the version history instead (kind `older-page`).
 *  - Another tab's code is never overwritten unseen: when this tab writes over a draft it has not
 *    seen, that draft is first kept in the history (kind `other-tab`).
 */
import { byInstant, laterOf } from './instant';
import { BACKUP_PREFIX, LAST_EXPORT_KEY, RECORD_PREFIX, browserStorage, recordKey, versionsKey } from './keys';
import { readExportMarker } from './backup';
import type { ExportExercise } from './export-format';
import { mergeImported } from './import';
import {
  CURRENT_VERSION,
  HISTORY_VERSION,
  VERSION_HISTORY_BUDGET_CHARS,
  VERSION_HISTORY_MAX_ENTRIES,
  emptyProgress,
  migrate,
  versionHistorySchema,
  viewOfNewer,
  type CodeVersion,
  type ExerciseProgress,
  type LastResult,
} from './schema';

export type { CodeVersion, ExerciseProgress, LastResult } from './schema';
export type { ProgressStatus } from './keys';

export type StoreProblem =
  /** localStorage is missing or refuses access (SecurityError). Nothing persists on this page. */
  | 'unavailable'
  /** A write failed because the storage is full (QuotaExceededError). */
  | 'quota'
  /** A stored record was unreadable; it was backed up (or could not be) and a new one started. */
  | 'corrupt'
  /** A stored record comes from a newer version of the site: shown, never rewritten here. */
  | 'newer-version';

export interface StoreWarning {
  problem: StoreProblem;
  exerciseId?: string;
  /** Where the unreadable raw value was copied (corrupt only; absent if the backup failed). */
  backupKey?: string;
  /** The newer record's schema version (newer-version only). */
  newerVersion?: number;
  detail: string;
}

/** Why a write did not reach storage. */
export type WriteFailure = 'quota' | 'unavailable';

export type WriteResult =
  /** `savedTo: 'history'`: the record is from a newer site, the code went to the version history. */
  | { ok: true; record: ExerciseProgress; savedTo: 'record' | 'history' }
  /** Not stored yet: `record` is kept in memory (pending) and retried. `newer-version`: never stored in the record. */
  | { ok: false; reason: WriteFailure | 'newer-version'; record: ExerciseProgress };

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

/** How one exercise's data stands on this page. */
export interface RecordInfo {
  /** Schema version of a stored record newer than this site's (then it is read-only), else null. */
  newerVersion: number | null;
  /** The latest state is only in memory (a write failed): why, else null. */
  pending: WriteFailure | null;
}

export type ChangeSource = 'local' | 'remote';
export type ChangeListener = (exerciseId: string, record: ExerciseProgress, source: ChangeSource) => void;

export interface ProgressStore {
  /** True when progress persists (localStorage usable at load). */
  readonly persistent: boolean;
  /** This tab's writer id (stored in `record.writer`). */
  readonly writerId: string;
  /** The record for one exercise (or code cell id); an empty one if never touched. */
  get(exerciseId: string): ExerciseProgress;
  /** Newer-version and pending state of one exercise. */
  info(exerciseId: string): RecordInfo;
  /** All stored records, sorted by exercise id (for a progress export). */
  list(): ExerciseProgress[];
  /** Autosave: stores the editor content (status becomes 进行中 unless already 已通过). */
  saveDraft(exerciseId: string, code: string, exerciseVersion: string | null): WriteResult;
  /** Records one graded run. A pass is recorded even when the draft could not be saved. */
  recordAttempt(exerciseId: string, attempt: AttemptInput): WriteResult;
  /** Marks the draft as written against `exerciseVersion` (the learner chose to keep their code). */
  acknowledgeVersion(exerciseId: string, exerciseVersion: string): WriteResult;
  /** Earlier versions of the code, newest first. */
  versions(exerciseId: string): CodeVersion[];
  /** Keeps `code` as an earlier version (skipped when identical to the newest kept one). */
  keepVersion(exerciseId: string, code: string, kind: string): boolean;
  /**
   * Merges one entry of an imported export (see import.ts). `keep` says whose code wins where
   * both sides have some; the other side's differing code is kept in the version history first.
   */
  importEntry(exerciseId: string, entry: ExportExercise, keep: 'local' | 'imported'): WriteResult;
  /** Writes every pending state it can; returns what happened to each. */
  retry(): { exerciseId: string; result: WriteResult }[];
  /** When a progress file was last downloaded in this browser (ISO), or null (backup.ts). */
  lastExportAt(): string | null;
  /** Notes that a progress file was just downloaded; false when storage refused the write. */
  markExported(): boolean;
  /** Called on every change: writes from this tab ('local') and from other tabs ('remote'). */
  subscribe(listener: ChangeListener): () => void;
  /** Called once per problem (storage unavailable, full, corrupt or newer record). */
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

const later = laterOf;
const earlier = (a: string | null, b: string | null): string | null => (a === null ? b : b === null ? a : a < b ? a : b);

/**
 * Pending state of this tab merged onto what another tab stored meanwhile: counters and times
 * never go back, a pass on either side stays, this tab's draft wins (the other one is kept in
 * the history by the caller).
 */
export function mergeRecords(stored: ExerciseProgress, mine: ExerciseProgress): ExerciseProgress {
  const status = stored.status === 'passed' || mine.status === 'passed' ? 'passed' : stored.status === 'in-progress' || mine.status === 'in-progress' ? 'in-progress' : 'not-started';
  const mineResultNewer = (mine.lastResult?.at ?? '') >= (stored.lastResult?.at ?? '');
  return {
    ...mine,
    status,
    attempts: Math.max(stored.attempts, mine.attempts),
    failedAttempts: Math.max(stored.failedAttempts, mine.failedAttempts),
    firstAttemptAt: earlier(stored.firstAttemptAt, mine.firstAttemptAt),
    lastAttemptAt: later(stored.lastAttemptAt, mine.lastAttemptAt),
    passedAt: earlier(stored.passedAt, mine.passedAt),
    passingCode: mine.passingCode ?? stored.passingCode,
    lastResult: mineResultNewer ? mine.lastResult : stored.lastResult,
  };
}

export function createProgressStore(options: StoreOptions = {}): ProgressStore {
  const now = options.now ?? (() => new Date());
  const writerId = options.writerId ?? Math.random().toString(36).slice(2, 10);
  const changeListeners = new Set<ChangeListener>();
  const warningListeners = new Set<(w: StoreWarning) => void>();
  const pendingWarnings: StoreWarning[] = [];
  /** State that could not be written yet: wins over storage for this page, retried by retry(). */
  const pending = new Map<string, { record: ExerciseProgress; reason: WriteFailure }>();
  /** History entries that could not be written yet (same policy). */
  const pendingHistory = new Map<string, CodeVersion[]>();
  /** Exercises whose stored record is from a newer site version: id → that version. */
  const newer = new Map<string, number>();
  /** Raw unreadable values whose backup copy failed: retried by retry(). */
  const unbackedRaw = new Map<string, string>();
  /** The draft this page last read or wrote per exercise: anything else in storage is another tab's. */
  const seenDraft = new Map<string, string | null>();

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

  /** setItem that reports instead of throwing. */
  function put(key: string, value: string): WriteFailure | null {
    if (!storage) return 'unavailable';
    try {
      storage.setItem(key, value);
      return null;
    } catch (err) {
      return isQuotaError(err) ? 'quota' : 'unavailable';
    }
  }
  function read(key: string): string | null {
    if (!storage) return null;
    try {
      return storage.getItem(key);
    } catch {
      return null;
    }
  }

  function backup(id: string, raw: string): string | undefined {
    if (!storage) return undefined;
    try {
      // Same raw text already backed up (e.g. the page was reloaded before anything overwrote it).
      for (let i = 0; i < storage.length; i++) {
        const k = storage.key(i);
        if (k?.startsWith(`${BACKUP_PREFIX}${id}:`) && storage.getItem(k) === raw) return k;
      }
    } catch {
      return undefined;
    }
    const backupKey = `${BACKUP_PREFIX}${id}:${now().toISOString()}`;
    return put(backupKey, raw) === null ? backupKey : undefined;
  }

  type Parsed = { kind: 'ok'; record: ExerciseProgress } | { kind: 'newer'; record: ExerciseProgress; version: number } | { kind: 'bad'; detail: string };

  function parseRaw(id: string, raw: string): Parsed {
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (err) {
      return { kind: 'bad', detail: `JSON: ${String(err)}` };
    }
    const result = migrate(json);
    if (result.ok) {
      if (result.value.exerciseId === id) return { kind: 'ok', record: result.value };
      return { kind: 'bad', detail: `exerciseId ${result.value.exerciseId} ≠ ${id}` };
    }
    if (result.reason === 'newer-version') {
      const v = viewOfNewer(json, id, now());
      if (v) return { kind: 'newer', record: v.view, version: v.version };
    }
    return { kind: 'bad', detail: `${result.reason}: ${result.detail}` };
  }

  const announced = new Set<string>();
  /** Reads one stored record; announces a corrupt or newer one once per page. Never throws. */
  function readStored(id: string): ExerciseProgress | null {
    const raw = read(recordKey(id));
    if (raw === null) {
      newer.delete(id);
      return null;
    }
    const p = parseRaw(id, raw);
    if (p.kind === 'ok') {
      newer.delete(id);
      return p.record;
    }
    if (p.kind === 'newer') {
      newer.set(id, p.version);
      if (!announced.has(id)) {
        announced.add(id);
        warn({ problem: 'newer-version', exerciseId: id, newerVersion: p.version, detail: `v${p.version} > v${CURRENT_VERSION}` });
      }
      return p.record;
    }
    newer.delete(id);
    if (!announced.has(id)) {
      announced.add(id);
      const backupKey = backup(id, raw);
      if (!backupKey) unbackedRaw.set(id, raw);
      const w: StoreWarning = { problem: 'corrupt', exerciseId: id, detail: p.detail };
      if (backupKey) w.backupKey = backupKey;
      warn(w);
    }
    return null;
  }

  function stored(id: string): ExerciseProgress {
    return readStored(id) ?? emptyProgress(id, now());
  }

  function get(id: string): ExerciseProgress {
    const p = pending.get(id);
    if (p) return p.record;
    const r = stored(id);
    if (!seenDraft.has(id)) seenDraft.set(id, r.latestCode);
    return r;
  }

  function emit(id: string, record: ExerciseProgress, source: ChangeSource): void {
    for (const l of changeListeners) {
      try {
        l(id, record, source);
      } catch (err) {
        console.error(err);
      }
    }
  }

  /* ---------------- version history ---------------- */

  /** Stored entries plus the ones not written yet, oldest first; `writable` false for a newer site's history. */
  function readHistory(id: string, includePending = true): { entries: CodeVersion[]; writable: boolean } {
    const raw = read(versionsKey(id));
    let entries: CodeVersion[] = [];
    let writable = true;
    if (raw !== null) {
      try {
        const json = JSON.parse(raw) as { version?: unknown; entries?: unknown };
        const parsed = versionHistorySchema.safeParse(json);
        if (parsed.success) entries = parsed.data.entries;
        else if (typeof json?.version === 'number' && json.version > HISTORY_VERSION) {
          // A newer site's history: read the entries it can, never rewrite it.
          writable = false;
          if (Array.isArray(json.entries)) {
            entries = json.entries.filter(
              (e): e is CodeVersion => !!e && typeof e === 'object' && typeof (e as CodeVersion).code === 'string' && typeof (e as CodeVersion).at === 'string',
            );
          }
        }
        // Otherwise unreadable: it is only a convenience copy, start a new one.
      } catch {
        /* unreadable: start a new one */
      }
    }
    const extra = includePending ? pendingHistory.get(id) : undefined;
    if (extra) {
      const known = new Set(entries.map((e) => `${e.at}\0${e.code}`));
      entries = [...entries, ...extra.filter((e) => !known.has(`${e.at}\0${e.code}`))].sort((a, b) => byInstant(a.at, b.at));
    }
    return { entries, writable };
  }

  /** Oldest entries go first until the list fits the count and the character budget. */
  function withinBudget(id: string, entries: CodeVersion[], budget = VERSION_HISTORY_BUDGET_CHARS): CodeVersion[] {
    let list = entries.slice(-VERSION_HISTORY_MAX_ENTRIES);
    const size = (l: CodeVersion[]) => versionsKey(id).length + JSON.stringify({ version: HISTORY_VERSION, exerciseId: id, entries: l }).length;
    while (list.length > 0 && size(list) > budget) list = list.slice(1);
    return list;
  }

  function writeHistory(id: string, entries: CodeVersion[]): WriteFailure | null {
    const list = withinBudget(id, entries);
    const fail = put(versionsKey(id), JSON.stringify({ version: HISTORY_VERSION, exerciseId: id, entries: list }));
    if (fail === null) pendingHistory.delete(id);
    return fail;
  }

  function keepVersion(id: string, code: string, kind: string): boolean {
    const { entries, writable } = readHistory(id);
    const last = entries[entries.length - 1];
    // Consecutive autosaves of an older page over a newer record: one entry, updated in place.
    const coalesce = kind === 'older-page' && last?.kind === 'older-page' && last.writer === writerId;
    if (!coalesce && entries.some((e) => e.code === code)) return pendingHistory.has(id) ? false : true; // already reachable
    if (coalesce && last.code === code) return !pendingHistory.has(id);
    const next = [...(coalesce ? entries.slice(0, -1) : entries), { code, at: now().toISOString(), kind, writer: writerId }];
    if (writable && writeHistory(id, next) === null) return true;
    pendingHistory.set(id, withinBudget(id, next));
    return false;
  }

  /** Frees room for the record: drops this exercise's oldest history entries. */
  function shrinkHistory(id: string): boolean {
    const { entries, writable } = readHistory(id, false);
    if (!writable || entries.length === 0 || !storage) return false;
    const half = withinBudget(id, entries, Math.floor(JSON.stringify(entries).length / 2));
    try {
      if (half.length === 0) storage.removeItem(versionsKey(id));
      else storage.setItem(versionsKey(id), JSON.stringify({ version: HISTORY_VERSION, exerciseId: id, entries: half }));
      return true;
    } catch {
      return false;
    }
  }

  /* ---------------- writing records ---------------- */

  let failureWarned = false;
  function writeRecord(record: ExerciseProgress): WriteResult {
    const id = record.exerciseId;
    const json = JSON.stringify(record);
    let fail = put(recordKey(id), json);
    // Newest work first: make room at the expense of this exercise's oldest earlier versions.
    while (fail === 'quota' && shrinkHistory(id)) fail = put(recordKey(id), json);
    if (fail === null) {
      pending.delete(id);
      seenDraft.set(id, record.latestCode);
      failureWarned = false;
      const raw = unbackedRaw.get(id);
      if (raw !== undefined && backup(id, raw)) unbackedRaw.delete(id);
      return { ok: true, record, savedTo: 'record' };
    }
    pending.set(id, { record, reason: fail });
    if (!failureWarned) {
      failureWarned = true;
      warn({ problem: fail, exerciseId: id, detail: `setItem failed (${fail})` });
    }
    return { ok: false, reason: fail, record };
  }

  /**
   * Read-modify-write of one record: `change` gets the freshest state (pending state of this page
   * merged onto storage), and a draft of another tab that this page has not seen is kept first.
   */
  function update(id: string, change: (r: ExerciseProgress, at: string) => ExerciseProgress, code?: string): WriteResult {
    const at = now().toISOString();
    const fromStorage = stored(id);
    if (!seenDraft.has(id)) seenDraft.set(id, fromStorage.latestCode);
    const mine = pending.get(id)?.record ?? pendingNewer.get(id);
    const base = mine ? mergeRecords(fromStorage, mine) : fromStorage;
    const next: ExerciseProgress = { ...change(base, at), writer: writerId, updatedAt: at };

    if (newer.has(id)) {
      // Never downgrade a newer record: this page's code goes to the history instead.
      pending.delete(id);
      const kept = code === undefined || keepVersion(id, code, 'older-page');
      const view = { ...next };
      pendingNewer.set(id, view);
      emit(id, view, 'local');
      return kept && code !== undefined ? { ok: true, record: view, savedTo: 'history' } : { ok: false, reason: 'newer-version', record: view };
    }

    const theirs = fromStorage.latestCode;
    const seen = seenDraft.get(id);
    if (theirs !== null && theirs !== seen && theirs !== next.latestCode) keepVersion(id, theirs, 'other-tab');
    const result = writeRecord(next);
    emit(id, result.record, 'local');
    return result;
  }
  /** What this page did on a newer record (shown on this page only). */
  const pendingNewer = new Map<string, ExerciseProgress>();

  function retry(): { exerciseId: string; result: WriteResult }[] {
    const out: { exerciseId: string; result: WriteResult }[] = [];
    for (const id of [...pending.keys()]) {
      out.push({ exerciseId: id, result: update(id, (r) => r) });
    }
    for (const id of [...pendingHistory.keys()]) {
      const { entries, writable } = readHistory(id);
      if (writable) writeHistory(id, entries);
    }
    for (const [id, raw] of [...unbackedRaw]) if (backup(id, raw)) unbackedRaw.delete(id);
    return out;
  }

  const onStorage = (event: StorageEvent): void => {
    if (!storage || (event.storageArea && event.storageArea !== storage)) return;
    const ids: string[] = [];
    if (event.key === null) {
      // clear(): every record may have changed.
      for (const id of pending.keys()) ids.push(id);
    } else if (event.key.startsWith(RECORD_PREFIX)) ids.push(idFromKey(event.key));
    // Another tab may have freed space (a removal or a smaller value): write what is pending first,
    // so what listeners see below is what storage now holds.
    if (pending.size > 0 || pendingHistory.size > 0) retry();
    for (const id of ids) {
      const raw = read(recordKey(id));
      const p = raw === null ? null : parseRaw(id, raw);
      if (p?.kind === 'newer') newer.set(id, p.version);
      else newer.delete(id);
      const record = p && p.kind !== 'bad' ? p.record : emptyProgress(id, now());
      emit(id, record, 'remote');
    }
  };
  const target = options.eventTarget === undefined ? (typeof window !== 'undefined' ? window : null) : options.eventTarget;
  target?.addEventListener('storage', onStorage as EventListener);

  return {
    persistent: storage !== null,
    writerId,
    get(id) {
      return pendingNewer.get(id) ?? get(id);
    },
    info(id) {
      if (!newer.has(id)) readStored(id);
      return { newerVersion: newer.get(id) ?? null, pending: pending.get(id)?.reason ?? null };
    },
    list() {
      const ids = new Set(pending.keys());
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
    saveDraft(id, code, exerciseVersion) {
      return update(
        id,
        (r, at) => ({
          ...r,
          status: r.status === 'passed' ? 'passed' : 'in-progress',
          latestCode: code,
          latestCodeAt: at,
          exerciseVersion,
        }),
        code,
      );
    },
    recordAttempt(id, a) {
      readStored(id);
      // Every graded version stays reachable; on a newer record this is where a pass is kept.
      if (newer.has(id) || !a.passed) keepVersion(id, a.code, a.passed ? 'passing' : 'run');
      return update(id, (r, at) => ({
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
    acknowledgeVersion(id, exerciseVersion) {
      return update(id, (r) => ({ ...r, exerciseVersion }));
    },
    importEntry(id, entry, keep) {
      const before = get(id);
      const loser = keep === 'local' ? entry : before;
      const winner = keep === 'local' ? before : entry;
      for (const [code, kind] of [
        [loser.latestCode, 'import'],
        [loser.passingCode, 'passing'],
      ] as const) {
        if (code !== null && code !== winner.latestCode && code !== winner.passingCode) keepVersion(id, code, kind);
      }
      return update(id, (r, at) => mergeImported(r, entry, keep, at), entry.latestCode ?? undefined);
    },
    versions(id) {
      return [...readHistory(id).entries].reverse();
    },
    keepVersion,
    retry,
    lastExportAt() {
      return readExportMarker(read(LAST_EXPORT_KEY))?.at ?? null;
    },
    markExported() {
      return put(LAST_EXPORT_KEY, JSON.stringify({ at: now().toISOString() })) === null;
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
