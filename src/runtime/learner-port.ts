import type { SyntaxLocator } from '../grader/syntax';
import type { LearnerOutcome, LearnerPort } from '../grader/types';
import { realmFlavour, type RealmFlavour } from '../sandbox/flavour';
import type { Lease, Pool, RunOutcome } from './pool';

/** The engine's view of a pool: one job, one fresh realm, outcomes in the engine's terms. */
export function learnerPortFromPool(pool: Pool, locateSyntax?: SyntaxLocator): LearnerPort {
  return learnerPortFromPools(() => pool, locateSyntax);
}

/**
 * The engine's view of one pool per realm build (src/sandbox/flavour.ts): each job goes to the
 * pool of the build it needs, read from the job itself, so no caller can pick the wrong one. A
 * session (one student's submissions) holds one realm at a time: when the next job needs
 * another pool, the current realm is released before the other is leased, so a session never
 * holds two slots and sessions can't wait on each other.
 */
export function learnerPortFromPools(poolFor: (flavour: RealmFlavour) => Pool, locateSyntax?: SyntaxLocator): LearnerPort {
  return {
    ...(locateSyntax ? { locateSyntax } : {}),
    async run(job, onMessage, timeoutMs, signal) {
      return fromPool(await poolFor(realmFlavour(job)).run(job, { timeoutMs, onMessage, ...(signal ? { signal } : {}) }));
    },
    async session() {
      let held: { pool: Pool; lease: Lease } | undefined;
      let ended = false;
      return {
        ...(locateSyntax ? { locateSyntax } : {}),
        async run(job, onMessage, timeoutMs, signal) {
          if (ended) return { status: 'cancelled' };
          const pool = poolFor(realmFlavour(job));
          if (held?.pool !== pool) {
            held?.lease.release();
            held = undefined;
            const lease = await pool.lease();
            if (ended) {
              lease.release();
              return { status: 'cancelled' };
            }
            held = { pool, lease };
          }
          return fromPool(await held.lease.run(job, { timeoutMs, onMessage, ...(signal ? { signal } : {}) }));
        },
        end: () => {
          ended = true;
          held?.lease.release();
          held = undefined;
        },
      };
    },
  };
}

function fromPool(outcome: RunOutcome): LearnerOutcome {
  if (outcome.status === 'crashed') return { status: 'crashed', reason: outcome.exit.reason };
  return outcome;
}
