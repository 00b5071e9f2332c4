/**
 * The persisted shape of one exercise's progress, and how older shapes are upgraded.
 *
 * Changing the shape: bump CURRENT_VERSION, add `MIGRATIONS[old] = (v_old) => v_new` and update
 * the schema. `migrate()` walks the chain, so a v1 record read by a v3 site goes 1 → 2 → 3.
 */
import { z } from 'zod';

export const CURRENT_VERSION = 1 as const;

const isoTime = z.string().datetime({ offset: true });

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
    /** Kind of the fatal error, when the submission could not be graded normally. */
    errorKind: z.enum(['compile', 'runtime', 'timeout', 'banned', 'type']).nullable(),
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
