/**
 * Names an exercise may grant in `exercise.json`, each a whole namespace or function family of
 * tfjs that the allowlist (./allowlist.ts) leaves out. No tfjs import here: the exercise schema,
 * which Astro pages load, reads this list.
 */
export const GRANTABLE_TF = [
  'grad', 'grads', 'valueAndGrad', 'valueAndGrads', 'variableGrads', 'customGrad',
  'train', 'losses', 'metrics', 'layers', 'sequential', 'model', 'input', 'initializers', 'regularizers', 'constraints',
  'engine', 'fused', 'linalg', 'image', 'signal', 'spectral',
] as const;
export type GrantableName = (typeof GRANTABLE_TF)[number];
