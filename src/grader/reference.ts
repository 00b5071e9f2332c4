import { summarizeArgs } from './format';
import { createToPlain } from './plain';
import { caseSeed, createRng } from './rng';
import type { ExerciseMeta } from './schema';
import { TOLERANCES } from './tolerance';
import type { CaseSuite, Plain, PreparedCase, TF } from './types';

/**
 * Runs in the reference realm (never the learner's): builds every case's inputs from the seed
 * and computes the expected values with tfjs, returning plain data only.
 */
export function prepareCases(tf: TF, suite: CaseSuite, meta: ExerciseMeta, seed: number): PreparedCase[] {
  const toPlain = createToPlain(tf);
  return suite.cases.map((c, index) => {
    const ctx = { tf, rng: createRng(tf, caseSeed(seed, index)) };
    let prepared: PreparedCase | undefined;
    tf.tidy(() => {
      const inputs = c.inputs(ctx);
      const args = inputs.map(toPlain);
      const moreCalls = c.moreCalls?.(ctx, inputs).map((a) => a.map(toPlain));
      const construct = c.construct?.(ctx).map(toPlain);
      const expected = toPlain(c.expected(inputs, ctx));
      assertReferenceValue(meta.id, c.name, expected);
      prepared = {
        name: c.name,
        hint: c.hint,
        args,
        expected,
        tolerance: TOLERANCES[c.tolerance ?? meta.tolerance],
        inputSummary: summarizeArgs(args),
        ...(moreCalls ? { moreCalls } : {}),
        ...(construct ? { construct } : {}),
        ...(c.layerCheck ? { layerCheck: c.layerCheck } : {}),
        ...(c.check ? { customCheck: true } : {}),
      };
    });
    return prepared!;
  });
}

/**
 * Case `index`'s custom check, in the reference realm: the case's inputs are rebuilt from the
 * same seed, so the check sees exactly the arguments the learner got.
 */
export function runCustomCheck(tf: TF, suite: CaseSuite, seed: number, index: number, actual: Plain): string | null {
  const c = suite.cases[index];
  if (!c?.check) throw new Error(`case ${index} has no custom check`);
  const ctx = { tf, rng: createRng(tf, caseSeed(seed, index)) };
  let verdict: string | null = null;
  tf.tidy(() => {
    const inputs = c.inputs(ctx);
    c.moreCalls?.(ctx, inputs); // same draws from the rng as when the case was prepared
    verdict = c.check!(actual, inputs, ctx);
  });
  return verdict;
}

/** A reference that returns something we can't compare is an authoring bug: fail loudly. */
function assertReferenceValue(id: string, name: string, p: Plain): void {
  const bad = (q: Plain): boolean =>
    q.t === 'other' || (q.t === 'array' && q.items.some(bad)) || (q.t === 'object' && q.entries.some(([, v]) => bad(v)));
  if (bad(p)) throw new Error(`exercises/${id}/cases.ts: case "${name}" expected() returned a value that cannot be compared`);
}
