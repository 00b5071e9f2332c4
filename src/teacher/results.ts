/**
 * Re-grade results of a class, and the three ways they leave the tools: the CLI's `--json`
 * contract, an nbgrader-like CSV, and Gradescope-style results. Pure data (no DOM, no Node).
 */
import type { GradeReport } from '../grader/types';
import { t } from '../i18n/t';
import type { ClassStudent, IdentityFlag, Reported, SupersededFile } from './class';
import { codeToGrade } from './class';
import { toCsv } from './csv';
import { verdictOf, type Verdict } from './verdict';

export interface CellError {
  /** The engine's error kind (compile, runtime, timeout, banned, …) or `no-code`. */
  kind: string;
  /** Chinese explanation. */
  message: string;
}

export interface CellResult {
  exercise: string;
  reported: Reported;
  verdict: Verdict;
  /** Re-grade score, the fraction of hidden cases passed (0…1); 0 when nothing was graded. */
  score: number;
  attempts: number;
  firstAttemptAt: string | null;
  passedAt: string | null;
  /** The code that was re-graded, or null. */
  code: string | null;
  error?: CellError;
  /** The full re-grade report (for the page's detail view), when one ran. */
  report?: GradeReport;
}

export interface StudentResult {
  id: string;
  name: string;
  file: string;
  exportedAt: string;
  /** Every other export of this student, with why it lost. */
  superseded: SupersededFile[];
  /** What a teacher should look at before trusting the verdicts (src/teacher/class.ts). */
  flags: IdentityFlag[];
  /** One cell per course exercise, in course order. */
  cells: CellResult[];
}

export interface FileError {
  file: string;
  message: string;
}

export interface ClassResults {
  files: number;
  students: StudentResult[];
  errors: FileError[];
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

/** One table cell from the student's entry and its re-grade report (undefined: no code). */
export function cellResult(student: ClassStudent, exercise: string, report: GradeReport | undefined): CellResult {
  const entry = student.exercises.get(exercise);
  const reported: Reported = entry?.status ?? 'not-started';
  const code = codeToGrade(entry);
  const graded = code !== null && report !== undefined;
  const cell: CellResult = {
    exercise,
    reported,
    verdict: verdictOf(reported, graded ? report.passed : null),
    score: graded ? round(report.score) : 0,
    attempts: entry?.attempts ?? 0,
    firstAttemptAt: entry?.firstAttemptAt ?? null,
    passedAt: entry?.passedAt ?? null,
    code,
  };
  if (graded) {
    cell.report = report;
    if (report.error) cell.error = { kind: report.error.kind, message: report.error.message };
  } else if (reported === 'passed') {
    cell.error = { kind: 'no-code', message: t('teacher.verdict.noCode') };
  }
  return cell;
}

export function studentResult(student: ClassStudent, exerciseIds: readonly string[], reports: ReadonlyMap<string, GradeReport>): StudentResult {
  return {
    id: student.id,
    name: student.name,
    file: student.file,
    exportedAt: student.exportedAt,
    superseded: student.superseded,
    flags: student.flags,
    cells: exerciseIds.map((id) => cellResult(student, id, reports.get(id))),
  };
}

export interface Summary {
  files: number;
  students: number;
  verified: number;
  mismatches: number;
  errors: number;
}

export function summarize(r: ClassResults): Summary {
  let verified = 0;
  let mismatches = 0;
  for (const s of r.students) {
    for (const c of s.cells) {
      if (c.verdict === 'verified') verified++;
      else if (c.verdict === 'mismatch') mismatches++;
    }
  }
  return { files: r.files, students: r.students.length, verified, mismatches, errors: r.errors.length };
}

/** The CLI's `--json` object (the documented contract; key order as documented). */
export function toCliJson(r: ClassResults) {
  return {
    students: r.students.map((s) => {
      // A null-prototype map: an exercise id can never reach Object.prototype.
      const exercises: Record<string, { reported: Reported; verdict: Verdict; score: number; error?: CellError }> = Object.create(null);
      for (const c of s.cells) {
        exercises[c.exercise] = { reported: c.reported, verdict: c.verdict, score: c.score, ...(c.error ? { error: { kind: c.error.kind, message: c.error.message } } : {}) };
      }
      return { id: s.id, name: s.name, file: s.file, exportedAt: s.exportedAt, superseded: s.superseded, flags: s.flags, exercises };
    }),
    errors: r.errors.map((e) => ({ file: e.file, message: e.message })),
    summary: summarize(r),
  };
}

export const CSV_COLUMNS = ['student_id', 'name', 'exercise', 'reported', 'verdict', 'score', 'max_score', 'attempts', 'passed_at'] as const;

/** nbgrader-like grades: one row per student and exercise; score out of max_score = 1. */
export function toGradesCsv(r: ClassResults): string {
  const rows: (string | number)[][] = [];
  for (const s of r.students) {
    for (const c of s.cells) rows.push([s.id, s.name, c.exercise, c.reported, c.verdict, c.score, 1, c.attempts, c.passedAt ?? '']);
  }
  return toCsv([...CSV_COLUMNS], rows);
}

/** One line of text for a cell: verdict, cases passed, the first failure or error. */
export function cellOutput(c: CellResult): string {
  const parts = [t(`teacher.verdict.${c.verdict}`)];
  if (c.report) {
    const passed = c.report.cases.filter((x) => x.passed).length;
    parts.push(t('teacher.casesPassed', { passed, total: c.report.cases.length }));
    const failed = c.report.cases.find((x) => !x.passed);
    if (failed) parts.push(`${failed.name}${failed.message ? `：${failed.message}` : ''}`);
  }
  if (c.error) parts.push(c.error.message);
  return parts.join(' · ');
}

/**
 * Gradescope-style results: per student, a results.json-like object whose `tests` are the
 * exercises (name, status, score, max_score, output), so it maps onto Gradescope's format.
 */
export function toGradescope(r: ClassResults) {
  return {
    format: 'dlcourse-regrade',
    version: 1,
    students: r.students.map((s) => ({
      student_id: s.id,
      name: s.name,
      file: s.file,
      exported_at: s.exportedAt,
      results: {
        score: round(s.cells.reduce((a, c) => a + c.score, 0)),
        max_score: s.cells.length,
        tests: s.cells.map((c) => ({
          name: c.exercise,
          status: c.verdict === 'verified' ? 'passed' : 'failed',
          score: c.score,
          max_score: 1,
          output: cellOutput(c),
        })),
      },
    })),
  };
}
