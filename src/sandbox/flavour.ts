import type { GrantableName } from './grants';

/**
 * Learner realms come in two builds. `core` has tfjs-core's ops, gradients and CPU kernels and
 * nothing else: what every function exercise reaches through the allowlist. `full` adds
 * tfjs-layers and the code cells' protocol (with zod). A job runs in the smallest realm that
 * has everything its exercise can reach, so the verdict is the same in either; a realm refuses
 * a job that needs more than it loaded. No tfjs import here: pages and the CLI read this.
 */
export const REALM_FLAVOURS = ['core', 'full'] as const;
export type RealmFlavour = (typeof REALM_FLAVOURS)[number];

/**
 * Grants that reach tfjs-layers or its class registry: an exercise that grants any of them is
 * graded in the `full` realm. Every other grantable name lives in tfjs-core (tests/unit/flavour.test.ts
 * checks both directions against the real namespaces).
 */
export const LAYERS_GRANTS = [
  'layers', 'sequential', 'model', 'input', 'initializers', 'regularizers', 'constraints', 'metrics',
  'layers.Layer', 'layers.inputLayer', 'serialization.registerClass',
] as const satisfies readonly GrantableName[];

const needsLayers: ReadonlySet<string> = new Set(LAYERS_GRANTS);

/** The realm a grading job needs: `full` for a layer exercise or a grant into tfjs-layers. */
export function realmFlavour(job: { kind: string; grants: readonly string[] }): RealmFlavour {
  return job.kind === 'layer' || job.grants.some((g) => needsLayers.has(g)) ? 'full' : 'core';
}

/**
 * Every name tfjs-layers adds to `tf`, and what it is (tests/unit/flavour.test.ts keeps this in
 * step with the installed package). A `core` realm's guard puts a stand-in of the same kind under
 * each name it lacks, so a learner who touches `tf.layers` or a banned `tf.sequential` gets the
 * same verdict, with the same words, as in a `full` realm.
 */
export const LAYERS_EXPORTS = {
  Callback: 'function', CallbackList: 'function', CustomCallback: 'function', EarlyStopping: 'function', History: 'function',
  InputSpec: 'function', LayerVariable: 'function', LayersModel: 'function', RNN: 'function', Sequential: 'function',
  SymbolicTensor: 'function', callbacks: 'namespace', constraints: 'namespace', initializers: 'namespace', input: 'function',
  layers: 'namespace', loadLayersModel: 'function', metrics: 'namespace', model: 'function', models: 'namespace',
  registerCallbackConstructor: 'function', regularizers: 'namespace', sequential: 'function', version_layers: 'value',
} as const satisfies Record<string, 'function' | 'namespace' | 'value'>;
