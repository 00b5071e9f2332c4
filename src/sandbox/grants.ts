/**
 * Names an exercise may grant in `exercise.json`, each a whole namespace or function family of
 * tfjs that the allowlist (./allowlist.ts) leaves out. No tfjs import here: the exercise schema,
 * which Astro pages load, reads this list.
 */
export const GRANTABLE_TF = [
  'grad', 'grads', 'valueAndGrad', 'valueAndGrads', 'variableGrads', 'customGrad',
  'train', 'losses', 'metrics', 'layers', 'sequential', 'model', 'input', 'initializers', 'regularizers', 'constraints',
  'engine', 'fused', 'linalg', 'image', 'signal', 'spectral',
  // One member of a namespace (the namespace then shows only its granted members): what a layer
  // exercise needs without the rest of tf.layers, and tfjs's custom-layer idiom.
  'layers.Layer', 'layers.inputLayer', 'serialization.registerClass',
] as const;
export type GrantableName = (typeof GRANTABLE_TF)[number];
