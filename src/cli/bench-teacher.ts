/**
 * `npm run bench:teacher [-- --students N] [--jobs N]`: the CLI re-grade of a generated class,
 * N students (default 100) × every exercise, with the real pool (one fresh learner process per
 * submission). Prints the wall time, submissions per second, and where the time goes.
 * A number for the closing note, never a test.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { EXERCISES_DIR, listExerciseIds } from './exercises';
import { regradeExports } from './grade-exports';
import { summarize } from '../teacher/results';
import { spawnNodeRealm } from './node-realm';

export function generateClass(dir: string, students: number): number {
  const ids = listExerciseIds();
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

/** Median time for a learner process to start and load tfjs (what each submission pays). */
async function spawnCost(n: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const ch = await spawnNodeRealm();
    times.push(performance.now() - t0);
    ch.kill();
  }
  return times.sort((a, b) => a - b)[Math.floor(n / 2)]!;
}

export async function runTeacherBench(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { students: { type: 'string' }, jobs: { type: 'string' } }, strict: true });
  const students = Number(values.students ?? 100);
  const jobs = Number(values.jobs ?? cpus().length);
  const dir = mkdtempSync(join(tmpdir(), 'bench-teacher-'));
  try {
    const total = generateClass(dir, students);
    const spawnMs = await spawnCost(5);
    const t0 = performance.now();
    let lastLog = 0;
    const { results } = await regradeExports([dir], {
      jobs,
      onProgress: (done, n) => {
        if (process.stderr.isTTY && performance.now() - lastLog > 2000) {
          lastLog = performance.now();
          process.stderr.write(`  ${done}/${n}\n`);
        }
      },
    });
    const wall = (performance.now() - t0) / 1000;
    const s = summarize(results);
    const graded = results.students.flatMap((x) => x.cells).filter((c) => c.report);
    const gradeMs = graded.map((c) => c.report!.durationMs).sort((a, b) => a - b);
    console.log(`bench:teacher — ${students} 名学生 × ${listExerciseIds().length} 道练习 = ${total} 份提交，--jobs ${jobs}（${cpus().length} 核）`);
    console.log(`  总耗时 ${wall.toFixed(1)} s（目标 ≤ 60 s），每秒 ${(total / wall).toFixed(1)} 份`);
    console.log(`  每份提交启动一个新的学习者进程：启动并加载 tfjs 的中位数 ${spawnMs.toFixed(0)} ms`);
    console.log(`  单份评分耗时（编排器视角，含参考用例准备）中位数 ${gradeMs[Math.floor(gradeMs.length / 2)]?.toFixed(0)} ms，p90 ${gradeMs[Math.floor(gradeMs.length * 0.9)]?.toFixed(0)} ms`);
    console.log(`  结果：已验证 ${s.verified} · 不一致 ${s.mismatches} · 文件错误 ${s.errors}`);
    return 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
