import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatHuman, gradeSubmission, randomSeed, toJsonContract } from '../grader/index';
import { ExerciseFileError, listExerciseIds, loadExerciseMeta } from './exercises';
import { realmFlavour } from '../sandbox/flavour';
import { createNodeLearnerHost } from './node-learner';
import { createNodeReference } from './node-reference';
import { runBench } from './bench';
import { GRADE_EXPORTS_USAGE, GradeExportsUsageError, gradeExportsCommand } from './grade-exports';

const USAGE = `用法：
  npm run --silent grade -- <练习 id> <文件.ts> [--json] [--seed N]
  npm run bench:grader [-- <练习 id> ...]
练习 id：${listExerciseIds().join(', ') || '（暂无）'}`;

class UsageError extends Error {}

/** Returns the process exit code: 0 all passed, 1 not passed, 2 usage error. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'grade') return await gradeCommand(rest);
    if (command === 'bench') return await runBench(rest);
    if (command === 'grade-exports') return await gradeExportsCommand(rest);
    if (command === 'bench-teacher') return await (await import('./bench-teacher')).runTeacherBench(rest);
    throw new UsageError(command ? `未知命令 "${command}"。` : '缺少命令。');
  } catch (e) {
    if (e instanceof GradeExportsUsageError) {
      process.stderr.write(`${e.message}\n\n${GRADE_EXPORTS_USAGE}\n`);
      return 2;
    }
    if (e instanceof UsageError || e instanceof ExerciseFileError) {
      process.stderr.write(`${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
}

async function gradeCommand(args: string[]): Promise<number> {
  let parsed: ReturnType<typeof parseArgs<{ options: { json: { type: 'boolean' }; seed: { type: 'string' } }; allowPositionals: true; args: string[] }>>;
  try {
    parsed = parseArgs({ args, options: { json: { type: 'boolean' }, seed: { type: 'string' } }, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(`参数不对：${(e as Error).message}`);
  }
  const { values, positionals } = parsed;
  let seed: number | undefined;
  if (values.seed !== undefined) {
    if (!/^\d+$/.test(values.seed) || Number(values.seed) > 2 ** 32 - 1) throw new UsageError('--seed 后面要跟一个 0 到 4294967295 之间的整数。');
    seed = Number(values.seed);
  }
  if (positionals.length !== 2) throw new UsageError('需要两个参数：练习 id 和要评分的 .ts 文件。');
  const [id, file] = positionals as [string, string];
  if (!listExerciseIds().includes(id)) throw new UsageError(`没有 id 为 "${id}" 的练习。`);
  const meta = loadExerciseMeta(id);
  const path = resolve(process.cwd(), file);
  if (!existsSync(path) || !statSync(path).isFile()) throw new UsageError(`找不到文件 ${file}。`);
  const code = readFileSync(path, 'utf8');

  // The learner process starts loading tfjs while this process prepares the cases.
  const learner = createNodeLearnerHost({ prespawn: true });
  learner.warm(realmFlavour(meta));
  try {
    const report = await gradeSubmission({ meta, code, seed: seed ?? randomSeed(), reference: createNodeReference(), learner });
    process.stdout.write(values.json ? `${JSON.stringify(toJsonContract(report))}\n` : `${formatHuman(report, meta.title)}\n`);
    return report.passed ? 0 : 1;
  } finally {
    await learner.dispose();
  }
}
