/**
 * The persisted shape of one exercise's progress, and how older shapes are upgraded.
 *
 * Changing the shape: bump CURRENT_VERSION, add `MIGRATIONS[old] = (v_old) => v_new` and update
 * the schema. `migrate()` walks the chain, so a v1 record read by a v3 site goes 1 → 2 → 3.
 */
import { z } from 'zod';

export const CURRENT_VERSION = 1 as const;

const isoTime = z.string().datetime({ offset: true });

/** Error kinds the grader reports today; the schema also accepts kinds added later. */
export const KNOWN_ERROR_KINDS = ['compile', 'runtime', 'timeout', 'banned', 'type', 'cancelled'] as const;

/** Summary of one graded run (never the full report: logs and previews are not persisted). */
export const lastResultSchema = z
  .object({
    /** Every case passed and there was no compile/runtime/timeout error. */
    passed: z.boolean(),
    /** Fraction of cases passed, 0…1. */
    score: z.number().min(0).max(1),
    /** Number of cases that passed. */
    passedCases: z.number().int().nonnegative(),
    /** Number of cases in the run. */
    totalCases: z.number().int().nonnegative(),
    /** Seed the grader used, so a run can be reproduced (npm run grade -- <id> --seed N). */
    seed: z.number().int(),
    /**
     * Kind of the fatal error, when the submission could not be graded normally (KNOWN_ERROR_KINDS
     * today). Any non-empty string is accepted, so a kind added later is never called corrupt.
     */
    errorKind: z.string().min(1).nullable(),
    /** When the run finished (ISO 8601). */
    at: isoTime,
  })
  .strict();

export const exerciseProgressSchema = z
  .object({
    /** Schema version of this record. */
    version: z.literal(CURRENT_VERSION),
    /** Exercise id (the exercises/<id>/ folder name); equals the storage key suffix. */
    exerciseId: z.string().min(1),
    /** 未开始 / 进行中 / 已通过. `passed` is sticky: a later failing run does not undo it. */
    status: z.enum(['not-started', 'in-progress', 'passed']),
    /** Graded runs (clicks on 运行测试 that produced a report), passing or not. */
    attempts: z.number().int().nonnegative(),
    /** Graded runs that did not pass; the reference solution unlocks after SOLUTION_UNLOCK_FAILURES. */
    failedAttempts: z.number().int().nonnegative(),
    /** First graded run (ISO 8601), null before any. */
    firstAttemptAt: isoTime.nullable(),
    /** Latest graded run (ISO 8601), null before any. */
    lastAttemptAt: isoTime.nullable(),
    /** First run that passed every case (ISO 8601), null until then. */
    passedAt: isoTime.nullable(),
    /** The learner's latest editor content (autosaved draft); null = never edited (show the starter). */
    latestCode: z.string().nullable(),
    /** When latestCode was saved (ISO 8601). */
    latestCodeAt: isoTime.nullable(),
    /** Source of the latest run that passed every case. */
    passingCode: z.string().nullable(),
    /** Summary of the latest graded run. */
    lastResult: lastResultSchema.nullable(),
    /** Exercise version (short SHA-256 of starter.ts + cases.ts) that latestCode was written against. */
    exerciseVersion: z.string().nullable(),
    /** Random id of the browser tab that wrote this record last (a tab ignores its own writes). */
    writer: z.string().nullable(),
    /** Last write of any kind (ISO 8601). */
    updatedAt: isoTime,
  })
  .strict();

export type ExerciseProgress = z.infer<typeof exerciseProgressSchema>;
export type LastResult = z.infer<typeof lastResultSchema>;

type Raw = Record<string, unknown>;
/** `MIGRATIONS[n]` turns a version-n record into a version-(n+1) record. */
export type Migrations = Readonly<Record<number, (record: Raw) => Raw>>;

/**
 * Upgrades from older versions. Empty while v1 is the only version; the first entry will be e.g.
 *   1: (r) => ({ ...r, version: 2, hintsRevealed: 0 }),
 */
export const MIGRATIONS: Migrations = {};

export type MigrateResult<T> =
  | { ok: true; value: T; migratedFrom: number | null }
  | { ok: false; reason: 'not-an-object' | 'no-version' | 'newer-version' | 'no-migration' | 'invalid'; detail: string };

/**
 * Brings any stored value to the current shape, or says why it cannot. Never throws.
 * `migrations`, `target` and `schema` are parameters so the chain can be tested before v2 exists.
 */
export function migrateWith<T>(
  raw: unknown,
  migrations: Migrations,
  target: number,
  schema: z.ZodType<T, z.ZodTypeDef, unknown>,
): MigrateResult<T> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, reason: 'not-an-object', detail: typeof raw };
  }
  let record = raw as Raw;
  const from = record['version'];
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 1) {
    return { ok: false, reason: 'no-version', detail: String(from) };
  }
  if (from > target) return { ok: false, reason: 'newer-version', detail: `v${from} > v${target}` };
  for (let v = from; v < target; v++) {
    const step = migrations[v];
    if (!step) return { ok: false, reason: 'no-migration', detail: `v${v} → v${v + 1}` };
    try {
      record = step(record);
    } catch (err) {
      return { ok: false, reason: 'invalid', detail: String(err) };
    }
  }
  const parsed = schema.safeParse(record);
  if (!parsed.success) {
    return { ok: false, reason: 'invalid', detail: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
  }
  return { ok: true, value: parsed.data, migratedFrom: from === target ? null : from };
}

/** Upgrades a parsed JSON value to the current ExerciseProgress shape (see migrateWith). */
export function migrate(raw: unknown): MigrateResult<ExerciseProgress> {
  return migrateWith(raw, MIGRATIONS, CURRENT_VERSION, exerciseProgressSchema);
}

/** A record for an exercise the learner has not touched. */
export function emptyProgress(exerciseId: string, now: Date): ExerciseProgress {
  return {
    version: CURRENT_VERSION,
    exerciseId,
    status: 'not-started',
    attempts: 0,
    failedAttempts: 0,
    firstAttemptAt: null,
    lastAttemptAt: null,
    passedAt: null,
    latestCode: null,
    latestCodeAt: null,
    passingCode: null,
    lastResult: null,
    exerciseVersion: null,
    writer: null,
    updatedAt: now.toISOString(),
  };
}

/* ---------------- records written by a newer version of the site ---------------- */

const lenient = <T extends z.ZodTypeAny>(schema: T, fallback: z.infer<T>) => schema.catch(fallback);

/**
 * What an older page can read from a record whose `version` is newer than CURRENT_VERSION.
 * Every field is optional and falls back on its own, and unknown fields pass through: such a
 * record is shown (code, status) but never rewritten by this page, so nothing is downgraded.
 */
export const newerRecordSchema = z
  .object({
    /** The newer schema version (> CURRENT_VERSION). */
    version: z.number().int(),
    /** Exercise id, when the newer version still stores it. */
    exerciseId: lenient(z.string().optional(), undefined),
    /** Status, when it is one this page knows; anything else reads as in progress. */
    status: lenient(z.enum(['not-started', 'in-progress', 'passed']), 'in-progress'),
    /** Graded runs, when readable. */
    attempts: lenient(z.number().int().nonnegative(), 0),
    /** Failed graded runs, when readable. */
    failedAttempts: lenient(z.number().int().nonnegative(), 0),
    /** First graded run, when readable. */
    firstAttemptAt: lenient(isoTime.nullable(), null),
    /** Latest graded run, when readable. */
    lastAttemptAt: lenient(isoTime.nullable(), null),
    /** First pass, when readable. */
    passedAt: lenient(isoTime.nullable(), null),
    /** The draft, when it is still a string. */
    latestCode: lenient(z.string().nullable(), null),
    /** When the draft was saved, when readable. */
    latestCodeAt: lenient(isoTime.nullable(), null),
    /** The passing code, when it is still a string. */
    passingCode: lenient(z.string().nullable(), null),
    /** Latest run summary, when it still has this page's shape. */
    lastResult: lenient(lastResultSchema.passthrough().nullable(), null),
    /** Exercise version of the draft, when readable. */
    exerciseVersion: lenient(z.string().nullable(), null),
    /** Writer tab, when readable. */
    writer: lenient(z.string().nullable(), null),
    /** Last write, when readable. */
    updatedAt: lenient(isoTime.optional(), undefined),
  })
  .passthrough();

/** A read-only view (in the current shape) of a newer record; `now` fills a missing updatedAt. */
export function viewOfNewer(raw: unknown, exerciseId: string, now: Date): { view: ExerciseProgress; version: number } | null {
  const parsed = newerRecordSchema.safeParse(raw);
  if (!parsed.success || parsed.data.version <= CURRENT_VERSION) return null;
  const r = parsed.data;
  return {
    version: r.version,
    view: {
      version: CURRENT_VERSION,
      exerciseId,
      status: r.status,
      attempts: r.attempts,
      failedAttempts: r.failedAttempts,
      firstAttemptAt: r.firstAttemptAt,
      lastAttemptAt: r.lastAttemptAt,
      passedAt: r.passedAt,
      latestCode: r.latestCode,
      latestCodeAt: r.latestCodeAt,
      passingCode: r.passingCode,
      lastResult: r.lastResult ? lastResultSchema.safeParse(r.lastResult).data ?? null : null,
      exerciseVersion: r.exerciseVersion,
      writer: r.writer,
      updatedAt: r.updatedAt ?? now.toISOString(),
    },
  };
}

/* ---------------- earlier versions of the learner's own code ---------------- */

/**
 * Budget of the version history of ONE exercise (key dlc:progress:versions:<id>), in UTF-16 code
 * units as localStorage counts them (Chromium stores ~2 bytes each). Oldest entries are dropped
 * first; an entry alone larger than the budget is not kept. With the record itself (draft and
 * passing code, a few KB) an exercise stays under ~45 K code units, so 40 exercises fit in 2 MB
 * of the ~5 M code units a browser gives a site.
 */
export const VERSION_HISTORY_BUDGET_CHARS = 40_000;
/** At most this many earlier versions per exercise. */
export const VERSION_HISTORY_MAX_ENTRIES = 10;
/** Schema version of the version-history value. */
export const HISTORY_VERSION = 1 as const;

/** Why a version was kept. Unknown kinds (added later) are accepted and shown generically. */
export const KNOWN_VERSION_KINDS = ['run', 'passing', 'before-reset', 'before-restore', 'this-tab', 'other-tab', 'older-page', 'import'] as const;

/** One earlier version of the learner's code. */
export const codeVersionSchema = z
  .object({
    /** The code, verbatim. */
    code: z.string(),
    /** When it was kept (ISO 8601). */
    at: isoTime,
    /** Why it was kept: one of KNOWN_VERSION_KINDS, or a kind a newer site added. */
    kind: z.string().min(1),
    /** Tab that kept it (a random id), or null. */
    writer: z.string().nullable(),
  })
  .strict();

/** The stored version history of one exercise, oldest entry first. */
export const versionHistorySchema = z
  .object({
    /** Schema version of this value (HISTORY_VERSION). */
    version: z.literal(HISTORY_VERSION),
    /** Exercise id; equals the storage key suffix. */
    exerciseId: z.string().min(1),
    /** Earlier versions, oldest first, within VERSION_HISTORY_BUDGET_CHARS. */
    entries: z.array(codeVersionSchema),
  })
  .strict();

export type CodeVersion = z.infer<typeof codeVersionSchema>;
export type VersionHistory = z.infer<typeof versionHistorySchema>;
