import { gradeSubmission } from '../grader/grade';
import type { ExerciseMeta } from '../grader/schema';
import type { GradeReport, LearnerPort, ReferencePort } from '../grader/types';
import { learnerPortFromPool } from './learner-port';
import type { Pool } from './pool';
import { realmFlavour } from '../sandbox/flavour';

export interface Submission {
  meta: ExerciseMeta;
  code: string;
  seed: number;
  /**
   * Submissions with the same group (one student's) are graded one after another in one realm,
   * each in a fresh compartment with a fresh guarded tf (src/sandbox/run-job.ts); different
   * groups never share a realm. Without a group, a submission gets a realm of its own.
   */
  group?: string;
}

export interface GradeManyOptions {
  /** Submissions graded at once; the pool's own size caps it too. */
  concurrency?: number;
  /** Called after each submission, in completion order. */
  onProgress?: (done: number, total: number, index: number, report: GradeReport) => void;
  /** Cancels what is queued and kills what is running; those report a cancelled error. */
  signal?: AbortSignal;
  /**
   * Grades submissions that timed out once more, one at a time and each in a fresh realm, after
   * the rest: on a loaded machine a parallel run can miss a deadline it meets alone, and a
   * re-grade must not call a correct answer a mismatch for that. A real infinite loop just
   * times out twice.
   */
  retryTimeouts?: boolean;
  /** Called before each such retry. */
  onRetry?: (index: number) => void;
}

/**
 * Grades many submissions (the teacher's re-grading, batch CLI). A group (one student) runs in
 * one realm, so a class costs one realm start per student, not per submission; a submission
 * that times out or crashes costs only its own run (its realm is replaced for the rest of the
 * group, and it is retried alone). Results come back in the submissions' order.
 */
export async function gradeMany(source: Pool | LearnerPort, reference: ReferencePort, submissions: readonly Submission[], { concurrency = 1, onProgress, signal, retryTimeouts = false, onRetry }: GradeManyOptions = {}): Promise<GradeReport[]> {
  const learner: LearnerPort = 'lease' in source ? learnerPortFromPool(source) : source;
  const reports: GradeReport[] = new Array(submissions.length);
  let done = 0;
  // One submission's engine failure (the reference realm died, say) is that submission's error.
  const gradeSafely = async (s: Submission, port: LearnerPort): Promise<GradeReport> => {
    try {
      return await gradeSubmission({ meta: s.meta, code: s.code, seed: s.seed, reference, learner: port, ...(signal ? { signal } : {}) });
    } catch (e) {
      return {
        exercise: s.meta.id, passed: false, score: 0, seed: s.seed, cases: [], logs: [], warnings: [], durationMs: 0,
        error: signal?.aborted ? { kind: 'cancelled', message: '评分已取消。' } : { kind: 'runtime', message: `评分器内部出错：${String((e as Error)?.message ?? e)}。` },
      };
    }
  };
  // Groups in the order their first submission comes; an ungrouped submission is a group alone.
  const groups: number[][] = [];
  const byName = new Map<string, number[]>();
  submissions.forEach((s, i) => {
    if (s.group === undefined) return void groups.push([i]);
    let g = byName.get(s.group);
    if (!g) byName.set(s.group, (g = [])) && groups.push(g);
    g.push(i);
  });
  // Within a group, submissions that need the same realm build (src/sandbox/flavour.ts) run
  // together: a session switches builds at most once (each switch starts a fresh realm).
  const build = (i: number) => (realmFlavour(submissions[i]!.meta) === 'core' ? 0 : 1);
  for (const g of groups) g.sort((a, b) => build(a) - build(b) || a - b);
  let next = 0;
  const worker = async () => {
    while (next < groups.length) {
      const group = groups[next++]!;
      const shared = group.length > 1 && learner.session && !signal?.aborted ? await learner.session() : undefined;
      try {
        for (const index of group) {
          reports[index] = await gradeSafely(submissions[index]!, shared ?? learner);
          onProgress?.(++done, submissions.length, index, reports[index]);
        }
      } finally {
        shared?.end();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, groups.length)) }, worker));
  if (retryTimeouts && concurrency > 1) {
    for (let i = 0; i < submissions.length; i++) {
      if (signal?.aborted) break;
      if (reports[i]?.error?.kind !== 'timeout') continue;
      onRetry?.(i);
      const again = await gradeSafely(submissions[i]!, learner);
      if (again.error?.kind !== 'cancelled') reports[i] = again;
    }
  }
  return reports;
}

/**
 * One fresh random seed per exercise for a whole re-grade run: every submission of an exercise
 * is graded on the same hidden inputs (chosen now, so no student could have known them), and
 * the reference prepares each exercise's cases once instead of once per submission.
 */
export function seedsPerExercise(ids: Iterable<string>, random: () => number): Map<string, number> {
  return new Map([...new Set(ids)].map((id) => [id, random()]));
}
