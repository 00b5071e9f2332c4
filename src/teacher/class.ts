/**
 * A class from many export files: one entry per student (the newest export wins), and what to
 * re-grade for each exercise. Pure data, shared by the /teacher/ page and the CLI.
 */
import type { ExportExercise, ProgressExport } from '../progress/export-format';
import type { ExportWarning } from './read-export';

export type Reported = ExportExercise['status'];

export interface LoadedExport {
  /** The file's name as the teacher gave it (path for the CLI, name for the page). */
  file: string;
  value: ProgressExport;
  warnings: ExportWarning[];
}

export interface ClassStudent {
  /** The student id from the file (the class table's key). */
  id: string;
  name: string;
  /** The file this student's data comes from (the newest export). */
  file: string;
  exportedAt: string;
  /** Older exports of the same student, ignored. */
  superseded: string[];
  /** Exercise id → entry; only exercises this course has, first entry per id. */
  exercises: Map<string, ExportExercise>;
}

/**
 * One student per id; with duplicate exports the newest `exportedAt` wins (a tie: the file
 * given later). Students come out sorted by id.
 */
export function buildClass(files: readonly LoadedExport[], knownExercises: ReadonlySet<string>): ClassStudent[] {
  const byId = new Map<string, ClassStudent>();
  for (const f of files) {
    const id = f.value.student.id.trim();
    const prev = byId.get(id);
    if (prev && Date.parse(prev.exportedAt) > Date.parse(f.value.exportedAt)) {
      prev.superseded.push(f.file);
      continue;
    }
    const exercises = new Map<string, ExportExercise>();
    for (const e of f.value.exercises) if (knownExercises.has(e.id) && !exercises.has(e.id)) exercises.set(e.id, e);
    byId.set(id, {
      id,
      name: f.value.student.name,
      file: f.file,
      exportedAt: f.value.exportedAt,
      superseded: prev ? [...prev.superseded, prev.file] : [],
      exercises,
    });
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
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
