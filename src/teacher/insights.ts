/**
 * Class insight from re-grade results: the hidden cases students fail most (with each case's
 * hint), the distribution of attempts and of time to pass, and (near-)identical submissions.
 */
import type { StudentResult } from './results';
import { similarSubmissions, type SimilarGroup } from './similarity';

export interface FailedCase {
  name: string;
  hint: string;
  /** Students whose re-grade failed this case. */
  students: number;
}

export interface ExerciseInsight {
  exercise: string;
  /** Students with code for this exercise (re-graded). */
  graded: number;
  /** Of those, re-grades that passed. */
  passed: number;
  /** Most-failed hidden cases first (at most MAX_FAILED_CASES). */
  failedCases: FailedCase[];
  /** Attempts of every student who made at least one. */
  attempts: number[];
  /** Minutes from first attempt to first pass, for students who passed. */
  minutesToPass: number[];
  similar: SimilarGroup[];
}

export const MAX_FAILED_CASES = 5;

export function exerciseInsights(students: readonly StudentResult[], exerciseIds: readonly string[], ignoreCode: (exercise: string) => string[] = () => []): ExerciseInsight[] {
  return exerciseIds.map((exercise, col) => {
    const failed = new Map<string, FailedCase>();
    const attempts: number[] = [];
    const minutesToPass: number[] = [];
    const subs: { student: string; code: string }[] = [];
    let graded = 0;
    let passed = 0;
    for (const s of students) {
      const c = s.cells[col];
      if (!c || c.exercise !== exercise) continue;
      if (c.attempts > 0) attempts.push(c.attempts);
      if (c.passedAt && c.firstAttemptAt) {
        const m = (Date.parse(c.passedAt) - Date.parse(c.firstAttemptAt)) / 60_000;
        if (Number.isFinite(m) && m >= 0) minutesToPass.push(Math.round(m * 10) / 10);
      }
      if (c.code !== null) subs.push({ student: s.id, code: c.code });
      if (!c.report) continue;
      graded++;
      if (c.report.passed) passed++;
      for (const k of c.report.cases) {
        if (k.passed) continue;
        const f = failed.get(k.name) ?? { name: k.name, hint: k.hint ?? '', students: 0 };
        f.students++;
        failed.set(k.name, f);
      }
    }
    return {
      exercise,
      graded,
      passed,
      failedCases: [...failed.values()].sort((a, b) => b.students - a.students || (a.name < b.name ? -1 : 1)).slice(0, MAX_FAILED_CASES),
      attempts,
      minutesToPass,
      similar: similarSubmissions(exercise, subs, ignoreCode(exercise)),
    };
  });
}

/** Counts per bucket for a histogram: `edges` are the upper bounds (inclusive); the last bucket is open. */
export function histogram(values: readonly number[], edges: readonly number[]): number[] {
  const counts = new Array<number>(edges.length + 1).fill(0);
  for (const v of values) {
    const i = edges.findIndex((e) => v <= e);
    counts[i === -1 ? edges.length : i]!++;
  }
  return counts;
}
