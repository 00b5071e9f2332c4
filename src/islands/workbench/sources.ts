/**
 * Raw exercise sources for the browser. Each file becomes its own small lazy chunk, so a page
 * downloads only its own exercise's starter, and the solution only when the learner reveals it.
 */
import { SHOW_SOLUTIONS } from '../../config';

const starters = import.meta.glob<string>('/exercises/*/starter.ts', { query: '?raw', import: 'default' });

export async function loadStarter(id: string): Promise<string> {
  const load = starters[`/exercises/${id}/starter.ts`];
  if (!load) throw new Error(`no starter for ${id}`);
  return load();
}

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
