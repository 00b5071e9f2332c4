import type { SyntaxLocator } from '../grader/syntax';
import type { LearnerOutcome, LearnerPort } from '../grader/types';
import type { Pool, RunOutcome } from './pool';

/** The engine's view of a pool: one job, one fresh realm, outcomes in the engine's terms. */
export function learnerPortFromPool(pool: Pool, locateSyntax?: SyntaxLocator): LearnerPort {
  return {
    ...(locateSyntax ? { locateSyntax } : {}),
    async run(job, onMessage, timeoutMs, signal) {
      return fromPool(await pool.run(job, { timeoutMs, onMessage, ...(signal ? { signal } : {}) }));
    },
    async session() {
      const lease = await pool.lease();
      return {
        ...(locateSyntax ? { locateSyntax } : {}),
        async run(job, onMessage, timeoutMs, signal) {
          return fromPool(await lease.run(job, { timeoutMs, onMessage, ...(signal ? { signal } : {}) }));
        },
        end: () => lease.release(),
      };
    },
  };
}

function fromPool(outcome: RunOutcome): LearnerOutcome {
  if (outcome.status === 'crashed') return { status: 'crashed', reason: outcome.exit.reason };
  return outcome;
}
