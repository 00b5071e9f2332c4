import * as tf from '@tensorflow/tfjs';
import { prepareCases, runCustomCheck, useGradingBackend, type PreparedCase, type ReferencePort } from '../grader/index';
import { loadCaseSuite, loadExerciseMeta } from './exercises';

let ready: Promise<void> | undefined;

/** The reference realm in Node is the CLI's own thread: learner code never runs here. */
export function createNodeReference(): ReferencePort {
  ready ??= useGradingBackend(tf);
  return {
    async prepare(exerciseId: string, seed: number): Promise<PreparedCase[]> {
      await ready;
      const [meta, suite] = [loadExerciseMeta(exerciseId), await loadCaseSuite(exerciseId)];
      return prepareCases(tf, suite, meta, seed);
    },
    async check(exerciseId, seed, index, actual) {
      await ready;
      return runCustomCheck(tf, await loadCaseSuite(exerciseId), seed, index, actual);
    },
  };
}
