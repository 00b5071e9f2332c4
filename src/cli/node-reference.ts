import * as tf from '@tensorflow/tfjs';
import { prepareCases, runCustomCheck, useGradingBackend, type PreparedCase, type ReferencePort } from '../grader/index';
import { loadCaseSuite, loadExerciseMeta } from './exercises';

let ready: Promise<void> | undefined;

/** The reference realm in Node is the CLI's own thread: learner code never runs here. */
export function createNodeReference(): ReferencePort {
  ready ??= useGradingBackend(tf);
  // A re-grade run uses one seed per exercise: prepare each (exercise, seed) once.
  const cache = new Map<string, Promise<PreparedCase[]>>();
  const MAX_CACHED = 64;
  return {
    prepare(exerciseId: string, seed: number): Promise<PreparedCase[]> {
      const key = `${exerciseId}:${seed}`;
      let hit = cache.get(key);
      if (!hit) {
        hit = (async () => {
          await ready;
          const [meta, suite] = [loadExerciseMeta(exerciseId), await loadCaseSuite(exerciseId)];
          return prepareCases(tf, suite, meta, seed);
        })();
        hit.catch(() => cache.delete(key));
        if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
        cache.set(key, hit);
      }
      return hit;
    },
    async check(exerciseId, seed, index, actual) {
      await ready;
      return runCustomCheck(tf, await loadCaseSuite(exerciseId), seed, index, actual);
    },
  };
}
