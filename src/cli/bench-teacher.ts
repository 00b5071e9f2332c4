/**
 * `npm run bench:teacher [-- --students N] [--jobs N] [--exercises N] [--without id,id]`: the CLI re-grade of a generated class,
 * N students (default 100) × every exercise, with the real pool (one learner process per student,
 * a fresh compartment per submission). Prints the wall time, submissions per second, and where the time goes.
 * A number for the closing note, never a test.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { listExerciseIds } from './exercises';
import { generateClass } from './generate-class';
import { regradeExports } from './grade-exports';
import { summarize } from '../teacher/results';
import { spawnNodeRealm } from './node-realm';
import type { RealmFlavour } from '../sandbox/flavour';

/** Median time for a learner process to start and load tfjs (what each submission pays). */
async function spawnCost(n: number, flavour: RealmFlavour): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const ch = await spawnNodeRealm(flavour);
    times.push(performance.now() - t0);
    ch.kill();
  }
  return times.sort((a, b) => a - b)[Math.floor(n / 2)]!;
}

export async function runTeacherBench(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { students: { type: 'string' }, jobs: { type: 'string' }, exercises: { type: 'string' }, without: { type: 'string' } }, strict: true });
  const students = Number(values.students ?? 100);
  const jobs = Number(values.jobs ?? cpus().length);
  const dir = mkdtempSync(join(tmpdir(), 'bench-teacher-'));
  try {
    const without = values.without ? values.without.split(',').map((x) => x.trim()).filter(Boolean) : [];
    const unknown = without.filter((id) => !listExerciseIds().includes(id));
    if (unknown.length) throw new Error(`--without 里没有这些练习：${unknown.join(', ')}`);
    const total = generateClass(dir, students, values.exercises ? Number(values.exercises) : Infinity, without);
    const exerciseCount = total / students;
    const spawnMs = { core: await spawnCost(5, 'core'), full: await spawnCost(5, 'full') };
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
    console.log(`bench:teacher — ${students} 名学生 × ${exerciseCount} 道练习${without.length ? `（不含 ${without.join('、')}）` : ''} = ${total} 份提交，--jobs ${jobs}（${cpus().length} 核）`);
    console.log(`  总耗时 ${wall.toFixed(1)} s（目标 ≤ 60 s），每秒 ${(total / wall).toFixed(1)} 份`);
    console.log(`  每名学生一个学习者进程：启动并加载 tfjs 的中位数：core ${spawnMs.core.toFixed(0)} ms，full（含 tfjs-layers）${spawnMs.full.toFixed(0)} ms`);
    console.log(`  单份评分耗时（编排器视角，含参考用例准备）中位数 ${gradeMs[Math.floor(gradeMs.length / 2)]?.toFixed(0)} ms，p90 ${gradeMs[Math.floor(gradeMs.length * 0.9)]?.toFixed(0)} ms`);
    console.log(`  结果：已验证 ${s.verified} · 不一致 ${s.mismatches} · 文件错误 ${s.errors}`);
    return 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
