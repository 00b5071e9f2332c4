import { readFileSync } from 'node:fs';
import { gradeSubmission, type ExerciseMeta, type GradeReport } from '../../src/grader/index';
import { exerciseFile, loadExerciseMeta } from '../../src/cli/exercises';
import { createNodeLearnerHost } from '../../src/cli/node-learner';
import { createNodeReference } from '../../src/cli/node-reference';

/** One Node grader per test file: the same engine entry and realms the CLI uses. */
export function createTestGrader() {
  const reference = createNodeReference();
  const learner = createNodeLearnerHost({ prespawn: true });
  return {
    grade(id: string, code: string, seed = 1, override: Partial<ExerciseMeta> = {}): Promise<GradeReport> {
      return gradeSubmission({ meta: { ...loadExerciseMeta(id), ...override }, code, seed, reference, learner });
    },
    gradeFile(id: string, file: string, seed = 1): Promise<GradeReport> {
      return this.grade(id, readFileSync(file, 'utf8'), seed);
    },
    source: (id: string, name: string) => readFileSync(exerciseFile(id, name), 'utf8'),
    dispose: () => learner.dispose(),
  };
}
