/// <reference lib="webworker" />
// The reference realm in the browser: builds inputs and expected values. Learner code never
// runs here; this worker lives as long as the page.
import * as tf from '@tensorflow/tfjs';
import { prepareCases } from '../grader/reference';
import { exerciseMetaSchema, formatSchemaError } from '../grader/schema';
import type { CaseSuite } from '../grader/types';
import { referenceRequestSchema, type ReferenceResponse } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const metas = import.meta.glob<unknown>('/exercises/*/exercise.json', { eager: true, import: 'default' });
const suites = import.meta.glob<CaseSuite>('/exercises/*/cases.ts', { import: 'default' });

tf.env().set('PROD', true);
const ready = tf.setBackend('cpu').then(() => tf.ready());

scope.addEventListener('message', async (e: MessageEvent) => {
  const req = referenceRequestSchema.parse(e.data);
  const reply = (r: ReferenceResponse) => scope.postMessage(r);
  try {
    await ready;
    const metaFile = `/exercises/${req.exerciseId}/exercise.json`;
    const load = suites[`/exercises/${req.exerciseId}/cases.ts`];
    if (!(metaFile in metas) || !load) throw new Error(`没有 id 为 "${req.exerciseId}" 的练习`);
    const parsed = exerciseMetaSchema.safeParse(metas[metaFile]);
    if (!parsed.success) throw new Error(formatSchemaError(metaFile.slice(1), parsed.error));
    const cases = prepareCases(tf, await load(), parsed.data, req.seed);
    reply({ type: 'prepared', requestId: req.requestId, cases });
  } catch (err) {
    reply({ type: 'error', requestId: req.requestId, message: String((err as Error).message ?? err) });
  }
});
