import type { TF } from './types';

/**
 * Every realm (reference and learner, browser and Node) grades on tfjs's CPU backend: it is
 * the same code everywhere, so the same seed gives bit-identical numbers in the browser and the
 * CLI (WebGL and WASM round differently). PROD silences tfjs's "install tfjs-node" banner;
 * numerics are unchanged.
 */
export async function useGradingBackend(tf: TF): Promise<void> {
  tf.env().set('PROD', true);
  await tf.setBackend('cpu');
  await tf.ready();
}
