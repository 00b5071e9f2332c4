/**
 * The reference solution for the browser, as its own small lazy chunk: downloaded only when the
 * learner reveals it. (The starter is in the page itself: Workbench.astro renders it into the
 * plain editor at build time.)
 */
import { SHOW_SOLUTIONS } from '../../config';

/**
 * With SHOW_SOLUTIONS = false this whole branch is dead code: Rollup drops the glob's dynamic
 * imports, so no solution.ts is emitted into the built site (scripts/bench-page.mjs checks).
 */
export async function loadSolution(id: string): Promise<string | null> {
  if (!SHOW_SOLUTIONS) return null;
  const solutions = import.meta.glob<string>('/exercises/*/solution.ts', { query: '?raw', import: 'default' });
  const load = solutions[`/exercises/${id}/solution.ts`];
  return load ? load() : null;
}
