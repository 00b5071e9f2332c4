/// <reference lib="webworker" />
// The reference realm: builds inputs and expected values; lives as long as the page; never
// loads anything learner-facing (learner code runs in src/sandbox/browser-realm.ts).
import { useGradingBackend } from '../grader/backend';
import { prepareCases, runCustomCheck } from '../grader/reference';
import { parsePlain } from '../grader/protocol';
import { exerciseMetaSchema, formatSchemaError } from '../grader/schema';
import type { CaseSuite } from '../grader/types';
import { referenceRequestSchema, type ReferenceResponse } from './protocol';
import { tf } from './tf';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = scope.postMessage.bind(scope);

await useGradingBackend(tf);

{
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
      if (req.type === 'check') {
        reply({ type: 'checked', requestId: req.requestId, message: runCustomCheck(tf, await load(), req.seed, req.index ?? 0, parsePlain(req.actual)) });
      } else reply({ type: 'prepared', requestId: req.requestId, cases: prepareCases(tf, await load(), parsed.data, req.seed) });
    } catch (err) {
      reply({ type: 'error', requestId: req.requestId, message: String((err as Error).message ?? err) });
    }
  });
}
