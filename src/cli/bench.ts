import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gradeSubmission } from '../grader/index';
import { ROOT } from './root';
import { exerciseFile, listExerciseIds, loadExerciseMeta } from './exercises';
import { createNodeLearnerHost } from './node-learner';
import { createNodeReference } from './node-reference';

const RUNS = 7;
const COLD_RUNS = 3;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * `npm run bench:grader`: prints numbers, asserts nothing. Warm = median wall time of one
 * grading of the reference solution in a process whose next learner worker is already up.
 * Cold = a whole `grade` CLI process, start to exit.
 */
export async function runBench(ids: string[]): Promise<number> {
  const targets = ids.length > 0 ? ids : listExerciseIds();
  const bin = join(ROOT, 'src/cli/bin.mjs');
  const cold: number[] = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    const t0 = performance.now();
    execFileSync(process.execPath, [bin, 'grade', targets[0]!, exerciseFile(targets[0]!, 'solution.ts'), '--json', '--seed', '1'], { stdio: 'ignore' });
    cold.push(performance.now() - t0);
  }
  console.log(`冷启动（整个 grade 进程，${targets[0]}，${COLD_RUNS} 次中位数）：${median(cold).toFixed(0)} ms`);

  const reference = createNodeReference();
  const learner = createNodeLearnerHost({ prespawn: true });
  console.log(`热评分（参考答案，${RUNS} 次中位数；每次都是全新的学习者线程，已预先启动）：`);
  try {
    for (const id of targets) {
      const meta = loadExerciseMeta(id);
      const code = readFileSync(exerciseFile(id, 'solution.ts'), 'utf8');
      await gradeSubmission({ meta, code, seed: 0, reference, learner }); // warm-up: loads cases, JITs
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        await learner.ready();
        const t0 = performance.now();
        const r = await gradeSubmission({ meta, code, seed: i + 1, reference, learner });
        times.push(performance.now() - t0);
        if (!r.passed) console.log(`  ! ${id} 的参考答案没有通过（种子 ${i + 1}）`);
      }
      console.log(`  ${id.padEnd(24)} ${median(times).toFixed(1).padStart(7)} ms`);
    }
  } finally {
    await learner.dispose();
  }
  return 0;
}
