// `@tensorflow/tfjs` for the floor worker's bundle (scripts/bench/floor-worker.ts): the same
// core ops, gradients and CPU kernels as the grading workers (src/worker/tf.ts), as a namespace.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';
import '@tensorflow/tfjs-backend-cpu';
export * from '@tensorflow/tfjs-core';
