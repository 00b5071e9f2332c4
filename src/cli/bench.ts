import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { compileSubmission, gradeSubmission, type PreparedCase } from '../grader/index';
import { fromPlain } from '../grader/plain';
import { ROOT } from './root';
import { exerciseFile, listExerciseIds, loadExerciseMeta } from './exercises';
import { realmFlavour } from '../sandbox/flavour';
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
  console.log(`热评分（参考答案，${RUNS} 次中位数；每次都是全新的学习者进程，已预先启动）与下限：`);
  console.log('  下限 = 同样的用例在一个已预热的进程里直接调用参考答案（不编译、不启动新的领域、不比较）；比值 = 热评分 / 下限');
  try {
    for (const id of targets) {
      const meta = loadExerciseMeta(id);
      const code = readFileSync(exerciseFile(id, 'solution.ts'), 'utf8');
      await gradeSubmission({ meta, code, seed: 0, reference, learner }); // warm-up: loads cases, JITs
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        await learner.ready(realmFlavour(meta));
        const t0 = performance.now();
        const r = await gradeSubmission({ meta, code, seed: i + 1, reference, learner });
        times.push(performance.now() - t0);
        if (!r.passed) console.log(`  ! ${id} 的参考答案没有通过（种子 ${i + 1}）`);
      }
      const floor = floorMs(id, code, await reference.prepare(id, 1));
      const warm = median(times);
      console.log(`  ${id.padEnd(24)} ${warm.toFixed(1).padStart(7)} ms   下限 ${floor === null ? '—（层练习）' : `${floor.toFixed(2)} ms   比值 ${(warm / floor).toFixed(0)}×`}`);
    }
  } finally {
    await learner.dispose();
  }
  return 0;
}

/**
 * The floor: the reference solution called directly on the prepared cases' inputs in this
 * (warm) process, with the real tfjs. Our own trusted code, so no sandbox is needed; median of
 * RUNS after one warm-up. Null for layer exercises (no single call to time).
 */
function floorMs(id: string, code: string, cases: PreparedCase[]): number | null {
  const meta = loadExerciseMeta(id);
  if (meta.kind !== 'function') return null;
  const js = compileSubmission(code);
  if (!js.ok) return null;
  const mod = { exports: {} as Record<string, unknown> };
  new Function('exports', 'require', 'module', js.js)(mod.exports, () => tf, mod);
  const entry = mod.exports[meta.entry] as (...a: unknown[]) => unknown;
  const runAll = () => {
    for (const c of cases) {
      tf.tidy(() => {
        const out = entry(...c.args.map((a) => fromPlain(tf, a)));
        tf.dispose(out as never);
      });
    }
  };
  runAll();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    runAll();
    times.push(performance.now() - t0);
  }
  return median(times);
}
