/**
 * A class from many export files: one entry per student (the newest export wins, never
 * silently), and what to re-grade for each exercise. Pure data, shared by the /teacher/ page
 * and the CLI.
 */
import type { ExportExercise, ProgressExport } from '../progress/export-format';
import { instant } from '../progress/instant';
import { displayName, idSkeleton, normalizeId } from './identity';
import type { ExportWarning } from './read-export';

export type Reported = ExportExercise['status'];

export interface LoadedExport {
  /** The file's name as the teacher gave it (path for the CLI, name for the page). */
  file: string;
  value: ProgressExport;
  warnings: ExportWarning[];
}

/** A file that lost to another export of the same student, and why. */
export interface SupersededFile {
  file: string;
  exportedAt: string;
  /** `older`: an earlier exportedAt; `same-time`: the same instant, and the other file came later. */
  reason: 'older' | 'same-time';
}

/** Something about a student's files a teacher should look at before trusting the verdicts. */
export type IdentityFlag =
  /** Files whose ids read the same but differ (invisible characters, full-width digits, look-alike letters). */
  | { code: 'lookalike-id'; ids: string[]; files: string[] }
  /** A file dated later than the moment it was read (plus a few minutes of clock skew). */
  | { code: 'future-date'; file: string; exportedAt: string }
  /** The same id under different names. */
  | { code: 'name-differs'; names: string[]; files: string[] }
  /** A newer file whose history doesn't continue the older one's (fewer attempts, another first attempt, a pass undone). */
  | { code: 'history-differs'; files: string[]; exercises: string[] };

export interface ClassStudent {
  /** The student id, normalised (the class table's key). */
  id: string;
  /** The name to show, from the winning file (control and bidi characters removed). */
  name: string;
  /** The file this student's data comes from (the newest export). */
  file: string;
  exportedAt: string;
  /** Every other export of this student, with why it lost. */
  superseded: SupersededFile[];
  /** What the teacher should look at (empty for an ordinary class). */
  flags: IdentityFlag[];
  /** Exercise id → entry; only exercises this course has, first entry per id. */
  exercises: Map<string, ExportExercise>;
}

/** An exportedAt this far after the moment of reading counts as in the future (clock skew allowed). */
export const FUTURE_SKEW_MS = 10 * 60_000;


/**
 * One student per normalised id; with several exports the latest `exportedAt` instant wins (a
 * tie: the file given later), and every other file is listed with its reason. Flags what a
 * teacher should look at: ids that read alike but differ, dates in the future, another name, a
 * history that doesn't continue. Students come out sorted by id.
 */
export function buildClass(files: readonly LoadedExport[], knownExercises: ReadonlySet<string>, now: Date = new Date()): ClassStudent[] {
  const groups = new Map<string, { order: number; f: LoadedExport }[]>();
  files.forEach((f, order) => {
    const id = normalizeId(f.value.student.id);
    const list = groups.get(id) ?? [];
    list.push({ order, f });
    groups.set(id, list);
  });
  const students: ClassStudent[] = [];
  for (const [id, list] of groups) {
    const ranked = [...list].sort((a, b) => instant(b.f.value.exportedAt) - instant(a.f.value.exportedAt) || b.order - a.order);
    const winner = ranked[0]!.f;
    const exercises = new Map<string, ExportExercise>();
    for (const e of winner.value.exercises) if (knownExercises.has(e.id) && !exercises.has(e.id)) exercises.set(e.id, e);
    const superseded: SupersededFile[] = ranked.slice(1).map(({ f }) => ({
      file: f.file,
      exportedAt: f.value.exportedAt,
      reason: instant(f.value.exportedAt) === instant(winner.value.exportedAt) ? 'same-time' : 'older',
    }));
    const flags: IdentityFlag[] = [];
    const rawIds = [...new Set(list.map(({ f }) => f.value.student.id))];
    if (rawIds.length > 1) flags.push({ code: 'lookalike-id', ids: rawIds.map(visibleId), files: list.map(({ f }) => f.file) });
    for (const { f } of list) {
      if (instant(f.value.exportedAt) > now.getTime() + FUTURE_SKEW_MS) flags.push({ code: 'future-date', file: f.file, exportedAt: f.value.exportedAt });
    }
    const names = [...new Set(list.map(({ f }) => displayName(f.value.student.name)))];
    if (names.length > 1) flags.push({ code: 'name-differs', names, files: list.map(({ f }) => f.file) });
    const broken = ranked.slice(1).flatMap(({ f }) => historyBreaks(f.value, winner.value, knownExercises));
    if (broken.length > 0) flags.push({ code: 'history-differs', files: ranked.map(({ f }) => f.file), exercises: [...new Set(broken)] });
    students.push({ id, name: displayName(winner.value.student.name), file: winner.file, exportedAt: winner.value.exportedAt, superseded, flags, exercises });
  }
  // Ids that differ but look alike (Cyrillic ѕ for s, O for 0 …): both students are flagged.
  const bySkeleton = new Map<string, ClassStudent[]>();
  for (const s of students) bySkeleton.set(idSkeleton(s.id), [...(bySkeleton.get(idSkeleton(s.id)) ?? []), s]);
  for (const alike of bySkeleton.values()) {
    if (alike.length < 2) continue;
    for (const s of alike) s.flags.push({ code: 'lookalike-id', ids: alike.map((x) => visibleId(x.id)), files: alike.map((x) => x.file) });
  }
  return students.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** An id with its invisible and non-ASCII characters spelled out, so a teacher sees the difference. */
function visibleId(id: string): string {
  return [...id].map((c) => (/^[\x21-\x7e]$/.test(c) ? c : `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`)).join(' ').replace(/(?<=[\x21-\x7e]) (?=[\x21-\x7e])/g, '');
}

/**
 * Exercises where `newer` doesn't continue `older`'s history: fewer attempts, another first
 * attempt, or a pass that disappeared. An honest later export only adds.
 */
function historyBreaks(older: ProgressExport, newer: ProgressExport, known: ReadonlySet<string>): string[] {
  const later = new Map(newer.exercises.map((e) => [e.id, e] as const));
  const out: string[] = [];
  for (const o of older.exercises) {
    if (!known.has(o.id)) continue;
    const n = later.get(o.id);
    if (!n) {
      if (o.attempts > 0 || o.latestCode !== null) out.push(o.id);
      continue;
    }
    const sameFirst = o.firstAttemptAt === null || (n.firstAttemptAt !== null && instant(n.firstAttemptAt) === instant(o.firstAttemptAt));
    const passKept = o.passedAt === null || (n.passedAt !== null && instant(n.passedAt) === instant(o.passedAt));
    if (n.attempts < o.attempts || !sameFirst || !passKept) out.push(o.id);
  }
  return out;
}

/**
 * The code a teacher re-grades: the passing code when the student reports a pass, otherwise the
 * latest draft. Null (or only whitespace) means there is nothing to grade.
 */
export function codeToGrade(e: ExportExercise | undefined): string | null {
  if (!e) return null;
  const code = e.status === 'passed' ? e.passingCode : e.latestCode;
  return code !== null && code.trim() !== '' ? code : null;
}

export interface GradeTask {
  student: string;
  exercise: string;
  code: string;
}

/** Every (student, exercise) pair with code to re-grade, in table order. */
export function gradeTasks(students: readonly ClassStudent[], exerciseIds: readonly string[]): GradeTask[] {
  const tasks: GradeTask[] = [];
  for (const s of students) {
    for (const id of exerciseIds) {
      const code = codeToGrade(s.exercises.get(id));
      if (code !== null) tasks.push({ student: s.id, exercise: id, code });
    }
  }
  return tasks;
}
