// The page's side of grading: two workers and the engine's orchestrator, which compares on
// the main thread, a realm no learner code runs in. No tfjs is loaded on the main thread.
import { gradeSubmission } from '../grader/grade';
import { parsePreparedCases } from '../grader/protocol';
import { randomSeed } from '../grader/rng';
import type { ExerciseMeta } from '../grader/schema';
import type { GradeReport, LearnerPort, PreparedCase, ReferencePort } from '../grader/types';
import sandboxManifest from '../generated/sandbox.json';
import { url } from '../lib/url';
import { createBrowserSpawner } from '../runtime/browser-spawn';
import { learnerPortFromPools } from '../runtime/learner-port';
import { createPool, type Pool } from '../runtime/pool';
import { realmFlavour, type RealmFlavour } from '../sandbox/flavour';
import { gradeMany, type GradeManyOptions, type Submission } from '../runtime/grade-many';
import { referenceResponseSchema } from './protocol';
import { createBrowserSyntaxLocator } from './syntax-locator';

export interface GradeRequest {
  exercise: ExerciseMeta;
  code: string;
  /** Omit for a fresh random seed (recorded in the report, so a teacher can replay it). */
  seed?: number;
}

export interface BrowserGrader {
  /** Never rejects for learner mistakes: those are in report.error and report.cases. */
  grade(req: GradeRequest): Promise<GradeReport>;
  /**
   * Grades many submissions through the pool (the teacher's re-grading): up to `size` realms at
   * once, each fresh; progress per submission; `signal` cancels what is left.
   */
  gradeMany(submissions: readonly Submission[], options?: GradeManyOptions): Promise<GradeReport[]>;
  /** Loads the exercise's learner realm (the build it needs) and its cases ahead of the first run. */
  warm(exercise: Pick<ExerciseMeta, 'id' | 'kind' | 'grants'>): Promise<void>;
  /** Loads every listed exercise's cases and the learner realms they need, so grading works offline afterwards. */
  warmAll(exercises: readonly Pick<ExerciseMeta, 'id' | 'kind' | 'grants'>[]): Promise<void>;
  dispose(): void;
}

// The reference realm is a module worker of the site's own (trusted) code; learner realms come
// from the pool, each a fresh worker inside the sandboxed iframe.
const spawnReference = () => new Worker(new URL('./grader.worker.ts', import.meta.url), { type: 'module', name: 'reference' });
/** A reference worker that hasn't prepared cases by then is replaced (loading tfjs included). */
const REFERENCE_TIMEOUT_MS = 30_000;
/** Each learner realm build's bundle (src/sandbox/flavour.ts): function exercises load the smaller `core`. */
export const LEARNER_REALM_URLS: Record<RealmFlavour, string> = { core: url(sandboxManifest.learnerRealmCore), full: url(sandboxManifest.learnerRealm) };

export interface BrowserGraderOptions {
  /** Learner realms that may run at once (default 1: an exercise page grades one run at a time). */
  size?: number;
}

export function createBrowserGrader({ size = 1 }: BrowserGraderOptions = {}): BrowserGrader {
  let reference: Worker | undefined;
  let nextRequest = 1;
  const pending = new Map<number, { resolve: (c: unknown) => void; reject: (e: Error) => void }>();
  // Prepared cases by exercise and seed: a re-grade run uses one seed per exercise, so each
  // exercise is prepared once (bounded: prepared cases can be large).
  const cached = new Map<string, Promise<PreparedCase[]>>();
  const MAX_CACHED = 32;
  /** Seeds warm() prepared cases for, used by the next grade() of that exercise. */
  const warmedSeeds = new Map<string, number>();

  const getReference = (): Worker => {
    if (reference) return reference;
    reference = spawnReference();
    // A crashed reference worker fails the runs waiting on it (never a stuck 运行测试), and the next run starts a new one.
    const failAll = (why: string) => {
      for (const p of pending.values()) p.reject(new Error(why));
      pending.clear();
      reference?.terminate();
      reference = undefined;
      cached.clear();
    };
    reference.addEventListener('error', (e) => {
      e.preventDefault();
      failAll('参考评分线程出错');
    });
    reference.addEventListener('message', (e: MessageEvent) => {
      const msg = referenceResponseSchema.parse(e.data);
      const p = pending.get(msg.requestId);
      pending.delete(msg.requestId);
      if (!p) return;
      if (msg.type === 'prepared') p.resolve(parsePreparedCases(msg.cases));
      else if (msg.type === 'checked') p.resolve(msg.message);
      else p.reject(new Error(msg.message));
    });
    return reference;
  };

  /** One request to the reference worker, failed by a timeout (the worker is then replaced). */
  const request = (message: Record<string, unknown>): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const requestId = nextRequest++;
      const timer = setTimeout(() => {
        if (!pending.delete(requestId)) return;
        reject(new Error('参考评分线程没有响应'));
        reference?.terminate();
        reference = undefined;
        cached.clear();
      }, REFERENCE_TIMEOUT_MS);
      pending.set(requestId, {
        resolve: (c) => (clearTimeout(timer), resolve(c)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      });
      getReference().postMessage({ ...message, requestId });
    });

  const referencePort: ReferencePort = {
    prepare(exerciseId, seed) {
      const key = `${exerciseId}:${seed}`;
      let hit = cached.get(key);
      if (!hit) {
        hit = request({ type: 'prepare', exerciseId, seed }) as Promise<PreparedCase[]>;
        hit.catch(() => cached.delete(key));
        if (cached.size >= MAX_CACHED) cached.delete(cached.keys().next().value!);
        cached.set(key, hit);
      }
      return hit;
    },
    check: (exerciseId, seed, index, actual) => request({ type: 'check', exerciseId, seed, index, actual }) as Promise<string | null>,
  };

  // One fresh learner realm per run; the next one loads while the current one grades. One
  // spawner and pool per realm build, each made when a job first needs it.
  const realms = new Map<RealmFlavour, { spawner: ReturnType<typeof createBrowserSpawner>; pool: Pool }>();
  const poolFor = (flavour: RealmFlavour): Pool => {
    let r = realms.get(flavour);
    if (!r) {
      const spawner = createBrowserSpawner(LEARNER_REALM_URLS[flavour]);
      r = { spawner, pool: createPool({ spawn: spawner, size, prespawn: size }) };
      realms.set(flavour, r);
    }
    return r.pool;
  };
  const locateSyntax = createBrowserSyntaxLocator();
  const learnerPort: LearnerPort = learnerPortFromPools(poolFor, locateSyntax);

  return {
    async grade({ exercise, code, seed: given }) {
      // The first run after warm() uses the seed whose cases were prepared while the page loaded.
      const seed = given ?? warmedSeeds.get(exercise.id) ?? randomSeed();
      warmedSeeds.delete(exercise.id);
      try {
        return await gradeSubmission({ meta: exercise, code, seed, reference: referencePort, learner: learnerPort });
      } catch (e) {
        // An engine failure (not the learner's): report it in the same shape.
        return {
          exercise: exercise.id,
          passed: false,
          score: 0,
          seed: seed ?? 0,
          cases: [],
          logs: [],
          warnings: [],
          durationMs: 0,
          error: { kind: 'runtime', message: `评分器内部出错：${(e as Error).message}。请刷新页面后重试。` },
        };
      }
    },
    gradeMany(submissions, options = {}) {
      return gradeMany(learnerPort, referencePort, submissions, { concurrency: size, retryTimeouts: true, ...options });
    },
    async warm(exercise) {
      const seed = warmedSeeds.get(exercise.id) ?? randomSeed();
      warmedSeeds.set(exercise.id, seed);
      await Promise.all([poolFor(realmFlavour(exercise)).ready(), referencePort.prepare(exercise.id, seed)]);
    },
    async warmAll(exercises) {
      for (const flavour of new Set(exercises.map(realmFlavour))) await poolFor(flavour).ready();
      for (const { id } of exercises) await referencePort.prepare(id, randomSeed());
    },
    dispose() {
      reference?.terminate();
      for (const { pool, spawner } of realms.values()) {
        pool.dispose();
        spawner.dispose();
      }
      realms.clear();
      locateSyntax.dispose();
      reference = undefined;
    },
  };
}
