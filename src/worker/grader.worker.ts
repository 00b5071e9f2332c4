/// <reference lib="webworker" />
// One script, two roles, chosen by the Worker's name. Sharing the script means tfjs is
// downloaded once for both realms (the second Worker comes from the HTTP cache).
//  - "reference": builds inputs and expected values; lives as long as the page; never runs learner code.
//  - "learner": runs exactly one submission and is then thrown away, so one run's
//    monkey-patching never reaches the next.
import { useGradingBackend } from '../grader/backend';
import { handleLearnerMessage } from '../grader/learner';
import { prepareCases } from '../grader/reference';
import { exerciseMetaSchema, formatSchemaError } from '../grader/schema';
import type { CaseSuite } from '../grader/types';
import { READY, referenceRequestSchema, type ReferenceResponse } from './protocol';
import { tf } from './tf';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = scope.postMessage.bind(scope);

await useGradingBackend(tf);

if (scope.name === 'learner') {
  scope.addEventListener(
    'message',
    (e: MessageEvent) => handleLearnerMessage(tf, e.data, post),
    { once: true },
  );
  post({ type: READY });
} else {
  const metas = import.meta.glob<unknown>('/exercises/*/exercise.json', { eager: true, import: 'default' });
  const suites = import.meta.glob<CaseSuite>('/exercises/*/cases.ts', { import: 'default' });
  scope.addEventListener('message', async (e: MessageEvent) => {
    const req = referenceRequestSchema.parse(e.data);
    const reply = (r: ReferenceResponse) => post(r);
    try {
      const metaFile = `/exercises/${req.exerciseId}/exercise.json`;
      const load = suites[`/exercises/${req.exerciseId}/cases.ts`];
      if (!(metaFile in metas) || !load) throw new Error(`没有 id 为 "${req.exerciseId}" 的练习`);
      const parsed = exerciseMetaSchema.safeParse(metas[metaFile]);
      if (!parsed.success) throw new Error(formatSchemaError(metaFile.slice(1), parsed.error));
      reply({ type: 'prepared', requestId: req.requestId, cases: prepareCases(tf, await load(), parsed.data, req.seed) });
    } catch (err) {
      reply({ type: 'error', requestId: req.requestId, message: String((err as Error).message ?? err) });
    }
  });
}
