/// <reference lib="webworker" />
/**
 * The floor for `npm run bench:page`: an exercise's hidden cases computed directly by its
 * reference solution in one warm worker — no compile, no fresh realm, no sandbox, no messages per
 * case, no comparison. Whatever grading costs above this is the price of isolation and checking.
 * Bundled by scripts/bench-page.mjs with esbuild (`@tensorflow/tfjs` → ./tf-shim.ts) and started
 * from a blob in the bench's page.
 */
import * as tf from '@tensorflow/tfjs';
import conv2dCases from '../../exercises/conv2d/cases';
import * as conv2d from '../../exercises/conv2d/solution';
import sigmoidCases from '../../exercises/sigmoid/cases';
import * as sigmoid from '../../exercises/sigmoid/solution';
import { useGradingBackend } from '../../src/grader/backend';
import { caseSeed, createRng } from '../../src/grader/rng';
import type { CaseSuite, TF } from '../../src/grader/types';

const EXERCISES: Record<string, { suite: CaseSuite; entry: (...args: never[]) => unknown }> = {
  sigmoid: { suite: sigmoidCases, entry: sigmoid.sigmoid as (...args: never[]) => unknown },
  conv2d: { suite: conv2dCases, entry: conv2d.conv2d as (...args: never[]) => unknown },
};

const ready = useGradingBackend(tf as unknown as TF);
const scope = self as unknown as DedicatedWorkerGlobalScope;

/** Reads a result the way grading must: every value off the backend. */
const read = (x: unknown): void => {
  if (x instanceof tf.Tensor) x.dataSync();
  else if (Array.isArray(x)) x.forEach(read);
};

scope.addEventListener('message', async (e: MessageEvent<{ id: string; seed: number; reps: number }>) => {
  await ready;
  const { id, seed, reps } = e.data;
  const ex = EXERCISES[id];
  if (!ex) return scope.postMessage({ error: `no floor for ${id}` });
  const inputs = ex.suite.cases.map((c, i) => c.inputs({ tf: tf as unknown as TF, rng: createRng(tf as unknown as TF, caseSeed(seed, i)) }) as never[]);
  const pass = (): number => {
    const t0 = performance.now();
    for (const args of inputs) tf.tidy(() => read(ex.entry(...args)));
    return performance.now() - t0;
  };
  for (let i = 0; i < 5; i++) pass(); // JIT and kernel warm-up
  const times = Array.from({ length: reps }, pass).sort((a, b) => a - b);
  scope.postMessage({ ms: times[times.length >> 1], cases: inputs.length });
});
