/**
 * The contracts between the engine's parts. Everything that crosses a realm boundary
 * (reference → orchestrator → learner and back) is plain, structured-cloneable data.
 */
import type * as tfNs from '@tensorflow/tfjs';
import type { SyntaxLocator } from './syntax';
import type { Tolerance, ToleranceName } from './tolerance';

/** The tfjs namespace, as seen by cases (the reference realm's own, unguarded tf). */
export type TF = typeof tfNs;

/** Deterministic random source; the same seed gives the same inputs in every host. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [lo, hi). */
  uniform(lo: number, hi: number): number;
  /** Integer uniform in [lo, hi] (both inclusive). */
  int(lo: number, hi: number): number;
  /** Standard normal (Box–Muller). */
  normal(): number;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** A random shape: rank in [minRank, maxRank], each dimension in [1, maxDim]. */
  shape(minRank: number, maxRank: number, maxDim: number): number[];
  /** `n` uniform numbers in [lo, hi). */
  array(n: number, lo: number, hi: number): number[];
  /** A float32 tensor of the given shape, uniform in [lo, hi). */
  tensor(shape: number[], lo?: number, hi?: number): tfNs.Tensor;
}

export interface CaseContext {
  /** The reference realm's tfjs. Cases never import tf themselves. */
  tf: TF;
  /** Seeded by the grading seed and the case index. */
  rng: Rng;
}

/** One hidden test case, as written in `exercises/<id>/cases.ts`. */
export interface CaseDef<A extends unknown[] = unknown[]> {
  /** Short Chinese name, shown in every report, e.g. "z = ±1000 时不溢出". */
  name: string;
  /** Chinese hint shown when this case fails. */
  hint: string;
  /** Builds the arguments for the learner's entry: tensors, numbers, strings, arrays, plain objects. */
  inputs(ctx: CaseContext): A;
  /** The reference result, computed with tfjs at grading time from the same arguments. */
  expected(args: A, ctx: CaseContext): unknown;
  /**
   * More calls of the entry in the same case, each with its own arguments, after the call with
   * `inputs` (a determinism check calls an initializer twice with one seed and once with
   * another). The case's result is then the array of every call's result, in order; `expected`
   * and `check` see `inputs` as `args` and must describe that array.
   */
  moreCalls?(ctx: CaseContext, first: A): A[];
  /** Overrides the exercise's named tolerance for this case. */
  tolerance?: ToleranceName;
  /** For `layer` exercises: arguments for the layer's constructor. */
  construct?(ctx: CaseContext): unknown[];
  /** For `layer` exercises: which part of the layer protocol this case checks (default 'apply'; see LAYER_CHECKS). */
  layerCheck?: LayerCheck;
  /**
   * A custom check for cases graded statistically or by a threshold (e.g. an initializer's
   * spread, an accuracy): gets the learner's result as plain data, returns null when it passes,
   * or a Chinese message saying what is wrong. Runs in the reference realm, where no learner
   * code runs. With a check, `expected` is only what reports show as the expectation.
   */
  check?(actual: Plain, args: A, ctx: CaseContext): string | null;
}

/**
 * The layer protocol, one check per case. The grader always builds the learner's layer through
 * `apply()` on the case's batch (never `build()` directly), with inputs `[x, weights?]`; x has
 * any rank ≥ 2, its first axis the batch (`[n, d]` for a dense layer, `[n, L, dModel]` for attention):
 *  - weights: the shapes of `layer.weights`, in order (kernel [inDim, units], then bias [units]);
 *  - apply: `setWeights(weights)`, then `apply(x)`;
 *  - outputShape: `computeOutputShape([null, ...x.shape.slice(1)])`;
 *  - countParams: `countParams()`;
 *  - sequential: a new layer inside `tf.sequential()` after an input layer of shape `x.shape.slice(1)`, `setWeights`, `predict(x)`.
 */
export const LAYER_CHECKS = ['weights', 'apply', 'outputShape', 'countParams', 'sequential'] as const;
export type LayerCheck = (typeof LAYER_CHECKS)[number];

export interface CaseSuite {
  cases: CaseDef<any>[];
}

/** Identity helper that gives each case precise argument types. */
export function defineCase<A extends unknown[]>(c: CaseDef<A>): CaseDef<A> {
  return c;
}

// ---------------------------------------------------------------------------
// Plain data: the only thing that crosses realms.

export type Dtype = 'float32' | 'int32' | 'bool' | 'complex64' | 'string';

export type Plain =
  | { t: 'tensor'; dtype: Dtype; shape: number[]; values: number[] }
  | { t: 'number'; v: number }
  | { t: 'string'; v: string }
  | { t: 'boolean'; v: boolean }
  | { t: 'null' }
  | { t: 'undefined' }
  | { t: 'array'; items: Plain[] }
  | { t: 'object'; entries: [string, Plain][] }
  /** A value that is none of the above (a function, a class instance …), described in Chinese. */
  | { t: 'other'; desc: string };

/** A case as the reference realm prepared it for one seed. */
export interface PreparedCase {
  name: string;
  hint: string;
  args: Plain[];
  /** Arguments of the entry's further calls in this case (CaseDef.moreCalls). */
  moreCalls?: Plain[][];
  construct?: Plain[];
  layerCheck?: LayerCheck;
  /** The case has a custom check (ReferencePort.check decides it). */
  customCheck?: boolean;
  expected: Plain;
  tolerance: Tolerance;
  /** Chinese one-line summary of the inputs, e.g. "z: float32 [3,4]". */
  inputSummary: string;
}

/** `cancelled`: the run was stopped from outside (a teacher's cancel); it says nothing about the code. */
export type ErrorKind = 'compile' | 'runtime' | 'timeout' | 'banned' | 'type' | 'cancelled';

export interface GradeError {
  kind: ErrorKind;
  /** Chinese, complete sentence(s) saying what is wrong and what to do. */
  message: string;
  /** 1-based position in the learner's source, when known (compile errors). */
  line?: number;
  column?: number;
}

/** What the learner realm is asked to run (checked in the realm by parseWireJob, src/sandbox/wire-realm.ts). */
export interface LearnerJob {
  /** The learner's TypeScript source. */
  code: string;
  /** Exported name to call. */
  entry: string;
  /** A plain function, or a class extending tf.layers.Layer. */
  kind: 'function' | 'layer';
  /** Banned tf API names (bare, or dotted paths). */
  banned: string[];
  /** Granted namespaces beyond the allowlist. */
  grants: string[];
  /** Arguments per case, as plain data. */
  cases: { args: Plain[]; moreCalls?: Plain[][]; construct?: Plain[]; layerCheck?: LayerCheck }[];
}

export type LogLevel = 'log' | 'info' | 'warn' | 'error' | 'debug';

/** Streamed from the learner realm while it runs. */
export type LearnerEvent =
  | { type: 'log'; level: LogLevel; text: string }
  | { type: 'case'; index: number; ok: true; value: Plain; leaked: number; ms: number }
  | { type: 'case'; index: number; ok: false; error: GradeError; ms: number }
  /** The submission could not be run at all (syntax error, missing export, module threw). */
  | { type: 'fatal'; error: GradeError; syntax?: boolean }
  | { type: 'done' };

/** How a learner run ended, as seen by the host. */
export type LearnerOutcome =
  | { status: 'done' }
  | { status: 'timeout'; ms: number }
  | { status: 'cancelled' }
  /** The realm died: process.exit(), a memory or output cap, a crash. */
  | { status: 'crashed'; reason: 'exit' | 'crash' | 'memory' | 'output-limit' };

export interface CaseReport {
  name: string;
  passed: boolean;
  /** Chinese explanation of the failure (absent on a pass). */
  message?: string;
  hint?: string;
  inputSummary?: string;
  expectedPreview?: string;
  actualPreview?: string;
  maxAbsError?: number;
  /** Multi-index of the first element outside tolerance. */
  firstMismatch?: number[];
  /** Tensors created by this case and never disposed. */
  leakedTensors?: number;
  ms?: number;
}

export interface LogLine {
  level: LogLevel;
  text: string;
}

export interface GradeReport {
  exercise: string;
  passed: boolean;
  /** Fraction of cases passed, 0…1. */
  score: number;
  seed: number;
  cases: CaseReport[];
  error?: GradeError;
  logs: LogLine[];
  /** Non-fatal remarks in Chinese (leaked tensors, truncated logs). */
  warnings: string[];
  durationMs: number;
}

/** The reference realm, as the orchestrator sees it. */
export interface ReferencePort {
  prepare(exerciseId: string, seed: number): Promise<PreparedCase[]>;
  /** Runs case `index`'s custom check on the learner's result: null when it passes, else the message. */
  check(exerciseId: string, seed: number, index: number, actual: Plain): Promise<string | null>;
}

/** The learner realm, as the orchestrator sees it. Must be killable. */
export interface LearnerPort {
  /**
   * Runs the job in a fresh realm. `onMessage` gets every message unparsed (the engine treats
   * them as hostile) and returns true when the run is complete; the realm is then killed.
   */
  run(job: LearnerJob, onMessage: (data: unknown) => boolean, timeoutMs: number, signal?: AbortSignal): Promise<LearnerOutcome>;
  /**
   * Where a syntax error really is (TypeScript's parser), run where a deadline can end it
   * (src/grader/syntax.ts). Without it, reports keep the realm compiler's own position.
   */
  locateSyntax?: SyntaxLocator;
  /**
   * One realm for several runs in turn (a teacher's re-grade of one student's submissions): the
   * returned port's runs share a realm until one doesn't end normally; `end()` kills it.
   * Without it, every run gets a fresh realm.
   */
  session?(): Promise<LearnerPort & { end(): void }>;
}
