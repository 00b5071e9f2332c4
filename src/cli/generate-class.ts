/**
 * A generated class of progress exports for the teacher benchmarks (CLI and browser): each
 * student solves 70 % of the exercises, leaves a wrong draft in 20 %, and claims a pass with wrong
 * code in 10 %, deterministically. Node only, and no other course module (Playwright loads it).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const EXERCISES_DIR = join((globalThis as { __dlcRoot?: string }).__dlcRoot ?? fileURLToPath(new URL('../../', import.meta.url)), 'exercises');

/**
 * Writes one export per student into `dir` (over the first `exercises` exercises, default all,
 * leaving out the ids in `without`); returns the number of submissions.
 */
export function generateClass(dir: string, students: number, exercises = Infinity, without: readonly string[] = []): number {
  const ids = readdirSync(EXERCISES_DIR).filter((d) => existsSync(join(EXERCISES_DIR, d, 'exercise.json')) && !without.includes(d)).sort().slice(0, exercises);
  const code = new Map(ids.map((id) => {
    const wrongDir = join(EXERCISES_DIR, id, 'wrong');
    let wrong: string[] = [];
    try {
      wrong = readdirSync(wrongDir).filter((f) => f.endsWith('.ts')).map((f) => readFileSync(join(wrongDir, f), 'utf8'));
    } catch {
      /* no wrong answers */
    }
    return [id, { solution: readFileSync(join(EXERCISES_DIR, id, 'solution.ts'), 'utf8'), wrong }];
  }));
  let submissions = 0;
  for (let s = 0; s < students; s++) {
    const exercises = ids.map((id, j) => {
      const c = code.get(id)!;
      // Deterministic mix: 70 % solve it, 20 % leave a wrong draft, 10 % claim a pass with wrong code.
      const k = (s * 31 + j * 17) % 10;
      const wrong = c.wrong[(s + j) % Math.max(1, c.wrong.length)] ?? 'export const nothing = 0;';
      const status = k < 7 || k === 9 ? 'passed' : 'in-progress';
      const body = k < 7 ? `// 学生 ${s}\n${c.solution}` : wrong;
      submissions++;
      return {
        id, exerciseVersion: null, status, attempts: 1 + (k % 4),
        firstAttemptAt: '2026-11-20T10:00:00.000Z', lastAttemptAt: '2026-11-20T11:00:00.000Z', passedAt: status === 'passed' ? '2026-11-20T10:30:00.000Z' : null,
        latestCode: body, passingCode: status === 'passed' ? body : null, lastResult: null,
      };
    });
    const file = { format: 'dlcourse-progress', version: 1, courseBuild: 'bench', student: { name: `学生${s}`, id: `b${String(s).padStart(3, '0')}` }, exportedAt: '2026-11-25T10:00:00.000Z', exercises };
    writeFileSync(join(dir, `b${s}.dlcourse.json`), JSON.stringify(file));
  }
  return submissions;
}

