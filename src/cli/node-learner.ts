import { cpus } from 'node:os';
import type { LearnerPort } from '../grader/index';
import { learnerPortFromPools } from '../runtime/learner-port';
import { createPool, type Pool } from '../runtime/pool';
import type { RealmFlavour } from '../sandbox/flavour';
import { spawnNodeRealm } from './node-realm';
import { createNodeSyntaxLocator } from './syntax-locator';

export interface NodeLearnerHost extends LearnerPort {
  /** The pool of one realm build (src/sandbox/flavour.ts), created when first needed. */
  pool(flavour: RealmFlavour): Pool;
  /** Starts that build's spare learner processes now (e.g. while the reference prepares cases). */
  warm(flavour: RealmFlavour): void;
  /** Resolves when a spare learner process of that build has loaded tfjs (benchmarks wait on it). */
  ready(flavour: RealmFlavour): Promise<void>;
  /** Kills every learner process, so the CLI can exit. */
  dispose(): Promise<void>;
}

/**
 * Learner realms for Node hosts: one pool of single-use child processes per realm build, each
 * job sent to the build it needs. With `prespawn`, the next process of a build loads tfjs while
 * the current one grades.
 */
export function createNodeLearnerHost({ prespawn = false, size = 1 }: { prespawn?: boolean; size?: number } = {}): NodeLearnerHost {
  const pools = new Map<RealmFlavour, Pool>();
  const pool = (flavour: RealmFlavour): Pool => {
    let p = pools.get(flavour);
    if (!p) {
      p = createPool({ spawn: () => spawnNodeRealm(flavour), size, prespawn: prespawn ? size : 0 });
      pools.set(flavour, p);
    }
    return p;
  };
  const locateSyntax = createNodeSyntaxLocator();
  return {
    ...learnerPortFromPools(pool, locateSyntax),
    pool,
    warm: (flavour) => pool(flavour).warm(),
    ready: (flavour) => pool(flavour).ready(),
    async dispose() {
      for (const p of pools.values()) p.dispose();
      locateSyntax.dispose();
    },
  };
}

export const defaultJobs = (): number => Math.max(1, cpus().length);
