import { gradeSubmission } from '../grader/grade';
import type { ExerciseMeta } from '../grader/schema';
import type { GradeReport, LearnerPort, ReferencePort } from '../grader/types';
import { learnerPortFromPool } from './learner-port';
import type { Pool } from './pool';

export interface Submission {
  meta: ExerciseMeta;
  code: string;
  seed: number;
}

export interface GradeManyOptions {
  /** Submissions graded at once; the pool's own size caps it too. */
  concurrency?: number;
  /** Called after each submission, in completion order. */
  onProgress?: (done: number, total: number, index: number, report: GradeReport) => void;
  /** Cancels what is queued and kills what is running; those report a cancelled error. */
  signal?: AbortSignal;
  /**
   * Grades submissions that timed out once more, one at a time, after the rest: on a loaded
   * machine a parallel run can miss a deadline it meets alone, and a re-grade must not call a
   * correct answer a mismatch for that. A real infinite loop just times out twice.
   */
  retryTimeouts?: boolean;
  /** Called before each such retry. */
  onRetry?: (index: number) => void;
}

/**
 * Grades many submissions through one pool (the teacher's re-grading, batch CLI): each in a
 * fresh realm, so a hostile or hung submission costs only its own slot and timeout.
 * Results come back in the submissions' order.
 */
export async function gradeMany(source: Pool | LearnerPort, reference: ReferencePort, submissions: readonly Submission[], { concurrency = 1, onProgress, signal, retryTimeouts = false, onRetry }: GradeManyOptions = {}): Promise<GradeReport[]> {
  const learner: LearnerPort = 'warm' in source ? learnerPortFromPool(source) : source;
  const reports: GradeReport[] = new Array(submissions.length);
  let next = 0;
  let done = 0;
  // One submission's engine failure (the reference realm died, say) is that submission's error.
  const gradeSafely = async (s: Submission): Promise<GradeReport> => {
    try {
      return await gradeSubmission({ ...s, reference, learner, ...(signal ? { signal } : {}) });
    } catch (e) {
      return {
        exercise: s.meta.id, passed: false, score: 0, seed: s.seed, cases: [], logs: [], warnings: [], durationMs: 0,
        error: signal?.aborted ? { kind: 'cancelled', message: '评分已取消。' } : { kind: 'runtime', message: `评分器内部出错：${String((e as Error)?.message ?? e)}。` },
      };
    }
  };
  const worker = async () => {
    while (next < submissions.length) {
      const index = next++;
      const s = submissions[index]!;
      reports[index] = await gradeSafely(s);
      onProgress?.(++done, submissions.length, index, reports[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, submissions.length)) }, worker));
  if (retryTimeouts && concurrency > 1) {
    for (let i = 0; i < submissions.length; i++) {
      if (signal?.aborted) break;
      if (reports[i]?.error?.kind !== 'timeout') continue;
      onRetry?.(i);
      const again = await gradeSafely(submissions[i]!);
      if (again.error?.kind !== 'cancelled') reports[i] = again;
    }
  }
  return reports;
}
