// The tfjs of a `full` learner realm (./flavour.ts), in the browser and in Node alike: tfjs-core
// (./tf-core.ts) plus tfjs-layers, without WebGL, the converter and tf.data, which learner code
// never gets. Layer exercises, exercises that grant a layers namespace, and code cells use it.
import * as layers from '@tensorflow/tfjs-layers';
import type { TF } from '../grader/types';
import { core } from './tf-core';

/** One namespace, shaped like `import * as tf from '@tensorflow/tfjs'` (minus converter/data). */
export const tf = Object.freeze({ ...core, ...layers }) as unknown as TF;
