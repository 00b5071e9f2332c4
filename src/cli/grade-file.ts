import { gradeSubmission, type GradeReport, type LearnerPort, type ReferencePort } from '../grader/index';
export { formatHuman, toJsonContract } from '../grader/report';
import { loadExerciseMeta } from './exercises';

/** Grades one source text for one exercise with the given realms. */
export async function gradeSource(id: string, code: string, seed: number, reference: ReferencePort, learner: LearnerPort): Promise<GradeReport> {
  return gradeSubmission({ meta: loadExerciseMeta(id), code, seed, reference, learner });
}

