// The tfjs the browser's grading workers load: the same ops, gradients and CPU kernels as
// @tensorflow/tfjs (which the Node CLI loads, so verdicts match), without the WebGL backend, the
// model converter and tf.data, which grading never uses. Saves ~40% of tfjs's bytes.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';
import '@tensorflow/tfjs-backend-cpu';
import * as core from '@tensorflow/tfjs-core';
import * as layers from '@tensorflow/tfjs-layers';
import type { TF } from '../grader/types';

/** One namespace, shaped like `import * as tf from '@tensorflow/tfjs'` (minus converter/data). */
export const tf = Object.freeze({ ...core, ...layers }) as unknown as TF;
