/**
 * The progress export: one learner's record of every exercise, as a file they hand to a teacher
 * (or to themselves, to move to another computer). Format `dlcourse-progress`, version 1.
 *
 * The field names are a public contract (teachers' scripts and the re-grading tools read them):
 * never rename one. A change that old readers could misread bumps EXPORT_VERSION; readers refuse
 * a version newer than theirs with a message instead of guessing.
 *
 * Pure module (zod only): used by the /progress/ page, the /teacher/ page and the CLI.
 */
import { z } from 'zod';
import type { ExerciseProgress } from './schema';

export const EXPORT_FORMAT = 'dlcourse-progress' as const;
export const EXPORT_VERSION = 1 as const;
/** Files above this size are refused before they are parsed (a class export is a few KB each). */
export const EXPORT_MAX_BYTES = 5 * 1024 * 1024;
/** The file-name suffix the tools look for in a directory. */
export const EXPORT_SUFFIX = '.dlcourse.json';

const isoTime = z.string().datetime({ offset: true });

/** Summary of the learner's latest graded run of one exercise, as the site recorded it. */
export const exportLastResultSchema = z.object({
  /** Every case passed, with no compile, runtime or timeout error. */
  passed: z.boolean(),
  /** Fraction of cases passed, 0…1. */
  score: z.number().min(0).max(1),
  /** Cases that passed. */
  passedCases: z.number().int().nonnegative(),
  /** Cases in that run. */
  totalCases: z.number().int().nonnegative(),
  /** Seed of that run (`npm run grade -- <id> <file> --seed N` replays it). */
  seed: z.number().int(),
  /** Kind of the fatal error of that run (compile, runtime, timeout, banned, …), or null. */
  errorKind: z.string().min(1).nullable(),
  /** When that run finished (ISO 8601). */
  at: isoTime,
});

/** One exercise the learner has opened. */
export const exportExerciseSchema = z.object({
  /** Exercise id: the exercises/<id>/ folder name, e.g. "softmax". */
  id: z.string().min(1).max(200),
  /** Version (short hash of starter and cases) the code was written against, or null if unknown. */
  exerciseVersion: z.string().max(200).nullable(),
  /** Self-reported status: not-started, in-progress, or passed (sticky once reached). */
  status: z.enum(['not-started', 'in-progress', 'passed']),
  /** Graded runs (clicks on 运行测试 that produced a report). */
  attempts: z.number().int().nonnegative(),
  /** First graded run (ISO 8601), or null. */
  firstAttemptAt: isoTime.nullable(),
  /** Latest graded run (ISO 8601), or null. */
  lastAttemptAt: isoTime.nullable(),
  /** First run that passed every case (ISO 8601), or null. */
  passedAt: isoTime.nullable(),
  /** The learner's latest editor content, or null if they never edited it. */
  latestCode: z.string().nullable(),
  /** Source of the latest run that passed every case, or null. */
  passingCode: z.string().nullable(),
  /** Summary of the latest graded run, or null before any. */
  lastResult: exportLastResultSchema.nullable(),
});

/** A whole export file. */
export const progressExportSchema = z.object({
  /** Always "dlcourse-progress": tells this file from any other JSON. */
  format: z.literal(EXPORT_FORMAT),
  /** Format version; readers refuse versions newer than theirs. */
  version: z.literal(EXPORT_VERSION),
  /** Build id of the course site that wrote the file (which exercises and cases it had). */
  courseBuild: z.string().max(200),
  /** Who the learner says they are; typed in on /progress/ and kept only in their browser. */
  student: z.object({
    /** The learner's name, as they typed it. */
    name: z.string().max(200),
    /** The learner's student id, as they typed it (used in the file name). */
    id: z.string().min(1).max(200),
  }),
  /** When the file was written (ISO 8601). */
  exportedAt: isoTime,
  /** One entry per exercise ever opened, in id order. */
  exercises: z.array(exportExerciseSchema).max(1000),
});

export type ProgressExport = z.infer<typeof progressExportSchema>;
export type ExportExercise = z.infer<typeof exportExerciseSchema>;
export type ExportLastResult = z.infer<typeof exportLastResultSchema>;

export interface Student {
  name: string;
  id: string;
}

/** The export entry of one stored record. */
export function toExportExercise(r: ExerciseProgress): ExportExercise {
  return {
    id: r.exerciseId,
    exerciseVersion: r.exerciseVersion,
    status: r.status,
    attempts: r.attempts,
    firstAttemptAt: r.firstAttemptAt,
    lastAttemptAt: r.lastAttemptAt,
    passedAt: r.passedAt,
    latestCode: r.latestCode,
    passingCode: r.passingCode,
    lastResult: r.lastResult,
  };
}

/**
 * Builds an export from the store's records. `exerciseIds` are the course's exercises: records
 * under other ids (code cells, exercises removed since) are left out.
 */
export function buildExport(records: readonly ExerciseProgress[], student: Student, courseBuild: string, exerciseIds: ReadonlySet<string>, now: Date): ProgressExport {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    courseBuild,
    student: { name: student.name.trim(), id: student.id.trim() },
    exportedAt: now.toISOString(),
    exercises: records
      .filter((r) => exerciseIds.has(r.exerciseId))
      .sort((a, b) => (a.exerciseId < b.exerciseId ? -1 : a.exerciseId > b.exerciseId ? 1 : 0))
      .map(toExportExercise),
  };
}

/** Characters that can't appear in a file name on common systems (and control characters). */
const UNSAFE_FILE_CHARS = /[\\/:*?"<>|\u0000-\u001f\u007f]+/g;

/** `<studentid>-<YYYY-MM-DD>.dlcourse.json`, with the id made safe for a file name. */
export function exportFileName(studentId: string, exportedAt: Date): string {
  const safe = studentId.trim().replace(UNSAFE_FILE_CHARS, '_').replace(/^\.+/, '_').slice(0, 80) || 'student';
  const d = exportedAt;
  const day = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  return `${safe}-${day}${EXPORT_SUFFIX}`;
}
