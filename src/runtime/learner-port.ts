import type { SyntaxLocator } from '../grader/syntax';
import type { LearnerPort } from '../grader/types';
import type { Pool } from './pool';

/** The engine's view of a pool: one job, one fresh realm, outcomes in the engine's terms. */
export function learnerPortFromPool(pool: Pool, locateSyntax?: SyntaxLocator): LearnerPort {
  return {
    ...(locateSyntax ? { locateSyntax } : {}),
    async run(job, onMessage, timeoutMs, signal) {
      const outcome = await pool.run(job, { timeoutMs, onMessage, ...(signal ? { signal } : {}) });
      if (outcome.status === 'crashed') return { status: 'crashed', reason: outcome.exit.reason };
      return outcome;
    },
  };
}
