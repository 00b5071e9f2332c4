import { cpus } from 'node:os';
import type { LearnerPort } from '../grader/index';
import { learnerPortFromPool } from '../runtime/learner-port';
import { createPool, type Pool } from '../runtime/pool';
import { spawnNodeRealm } from './node-realm';
import { createNodeSyntaxLocator } from './syntax-locator';

export interface NodeLearnerHost extends LearnerPort {
  pool: Pool;
  /** Resolves when a spare learner process has loaded tfjs (benchmarks wait on it). */
  ready(): Promise<void>;
  /** Kills every learner process, so the CLI can exit. */
  dispose(): Promise<void>;
}

/**
 * Learner realms for Node hosts: a pool of single-use child processes. With `prespawn`, the
 * next process loads tfjs while the current one grades.
 */
export function createNodeLearnerHost({ prespawn = false, size = 1 }: { prespawn?: boolean; size?: number } = {}): NodeLearnerHost {
  const pool = createPool({ spawn: spawnNodeRealm, size, prespawn: prespawn ? size : 0 });
  const locateSyntax = createNodeSyntaxLocator();
  return {
    ...learnerPortFromPool(pool, locateSyntax),
    pool,
    ready: () => pool.ready(),
    async dispose() {
      pool.dispose();
      locateSyntax.dispose();
    },
  };
}

export const defaultJobs = (): number => Math.max(1, cpus().length);
