/// <reference lib="webworker" />
// The drawing pad's predictions: a module worker of the site's own code (no learner code, no
// tfjs). It holds one kept model, parsed and checked again here (the page's copy is not trusted
// more than the realm's), and answers each request with the probabilities ./forward.ts computes.
// Off the page's thread, so even the largest model a cell may keep (KEPT_LIMITS) never makes
// drawing stutter; the page sends only the latest drawing and drops stale answers.
import { z } from 'zod';
import { forward, probabilities } from './forward';
import { checkKeptModel, keptModelSchema, type KeptModel, type LayerPlan } from './model-format';
import { modelInput } from './preprocess';

const requestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('model'), model: keptModelSchema }),
  z.object({ type: z.literal('predict'), id: z.number().int(), pixels: z.instanceof(Float32Array).refine((p) => p.length === 784) }),
]);

const scope = self as unknown as DedicatedWorkerGlobalScope;
let current: { model: KeptModel; plan: LayerPlan[] } | undefined;

scope.addEventListener('message', (e: MessageEvent) => {
  const req = requestSchema.safeParse(e.data);
  if (!req.success) return;
  if (req.data.type === 'model') {
    try {
      current = { model: req.data.model, plan: checkKeptModel(req.data.model) };
    } catch {
      current = undefined;
    }
    return;
  }
  if (!current) {
    scope.postMessage({ type: 'result', id: req.data.id, probs: null });
    return;
  }
  const out = forward(current.model, current.plan, modelInput(req.data.pixels, current.model.input));
  const probs = probabilities(current.plan, out);
  scope.postMessage({ type: 'result', id: req.data.id, probs: Array.from(probs) });
});
