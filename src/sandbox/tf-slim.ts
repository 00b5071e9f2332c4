// The tfjs every learner realm loads, in the browser and in Node alike: the ops, gradients
// and CPU kernels of @tensorflow/tfjs (which the Node reference realm loads, so verdicts match),
// without WebGL, the converter and tf.data, which learner code never gets.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';
import '@tensorflow/tfjs-backend-cpu';
import * as core from '@tensorflow/tfjs-core';
import * as layers from '@tensorflow/tfjs-layers';
import type { TF } from '../grader/types';

/** One namespace, shaped like `import * as tf from '@tensorflow/tfjs'` (minus converter/data). */
export const tf = Object.freeze({ ...core, ...layers }) as unknown as TF;
