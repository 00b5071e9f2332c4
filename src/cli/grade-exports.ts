/**
 * `npm run --silent grade-exports -- <files or directories…> [--json] [--csv out.csv] [--seed N] [--jobs N]`
 *
 * Re-grades every submission in a class's progress exports with the same engine as the site,
 * through a pool of `--jobs` learner processes (one fresh process per submission).
 * Exit codes: 0 when every file was read (mismatches are results, not errors); 2 when a file
 * could not be read (the rest are still graded) and on a usage error.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SingleBar, Presets } from 'cli-progress';
import { randomSeed, type ExerciseMeta, type GradeReport } from '../grader/index';
import { t } from '../i18n/t';
import { sanitizeText } from '../sandbox/wire';
import { EXPORT_SUFFIX } from '../progress/export-format';
import { gradeMany, seedsPerExercise, type Submission } from '../runtime/grade-many';
import { buildClass, gradeTasks, type LoadedExport } from '../teacher/class';
import { describeExportError, describeExportWarning, describeFlag, describeSuperseded } from '../teacher/messages';
import { checkExportSize, readExport } from '../teacher/read-export';
import { studentResult, summarize, toCliJson, toGradesCsv, type ClassResults, type FileError } from '../teacher/results';
import { listExerciseIds, loadExerciseMeta } from './exercises';
import { realmFlavour } from '../sandbox/flavour';
import { createNodeLearnerHost, defaultJobs } from './node-learner';
import { createNodeReference } from './node-reference';

export class GradeExportsUsageError extends Error {}

export const GRADE_EXPORTS_USAGE = `用法：
  npm run --silent grade-exports -- <进度文件或文件夹…> [--json] [--csv 输出.csv] [--seed N] [--jobs N]
  文件夹里的 *${EXPORT_SUFFIX} 与 *.json 文件都会读取（含子文件夹）。
  --json        在标准输出打印一个 JSON 对象（字段见 README「教师」一节）
  --csv 文件    另外写一份成绩 CSV（student_id, name, exercise, reported, verdict, score, max_score, attempts, passed_at）
  --seed N      所有提交都用同一个种子（默认：每个提交一个新的随机种子）
  --jobs N      同时评分的进程数（默认：CPU 核数）
退出码：0 每个文件都读取成功（“不一致”是结果，不是错误）；2 有文件无法读取，或参数错误。`;

/** Files to read: the paths given, and every *.json under the directories given, sorted. */
function expand(paths: string[], errors: FileError[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const d of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(dir, d.name);
      if (d.isDirectory()) walk(p);
      else if (d.isFile() && d.name.endsWith('.json')) out.push(p);
    }
  };
  for (const p of paths) {
    try {
      if (statSync(p).isDirectory()) walk(p);
      else out.push(p);
    } catch (e) {
      errors.push({ file: p, message: t('teacher.errors.unreadable', { detail: (e as NodeJS.ErrnoException).code === 'ENOENT' ? '文件不存在' : String((e as Error).message) }) });
    }
  }
  return out;
}

function readFiles(files: string[], known: ReadonlySet<string>, errors: FileError[], warnings: string[]): LoadedExport[] {
  const loaded: LoadedExport[] = [];
  for (const file of files) {
    try {
      // Refused by size before a byte is read: a 50 MB file never reaches memory.
      const tooBig = checkExportSize(statSync(file).size);
      if (tooBig) {
        errors.push({ file, message: describeExportError(tooBig) });
        continue;
      }
      const r = readExport(readFileSync(file, 'utf8'), known);
      if (!r.ok) {
        errors.push({ file, message: describeExportError(r.error) });
        continue;
      }
      for (const w of r.warnings) warnings.push(`${file}: ${describeExportWarning(w)}`);
      loaded.push({ file, value: r.value, warnings: r.warnings });
    } catch (e) {
      errors.push({ file, message: t('teacher.errors.unreadable', { detail: String((e as Error).message) }) });
    }
  }
  return loaded;
}

export interface RegradeOptions {
  seed?: number;
  jobs: number;
  onProgress?: (done: number, total: number) => void;
}

/** Reads, re-grades and collects; the engine of the command, also used by bench:teacher. */
export async function regradeExports(paths: string[], { seed, jobs, onProgress }: RegradeOptions): Promise<{ results: ClassResults; warnings: string[] }> {
  const exerciseIds = listExerciseIds();
  const known = new Set(exerciseIds);
  const errors: FileError[] = [];
  const warnings: string[] = [];
  const files = expand(paths, errors);
  const loaded = readFiles(files, known, errors, warnings);
  const students = buildClass(loaded, known);
  for (const s of students) {
    for (const f of s.superseded) warnings.push(describeSuperseded(s.id, f));
    for (const f of s.flags) warnings.push(`${s.id}: ${describeFlag(f)}`);
  }

  const metas = new Map<string, ExerciseMeta>(exerciseIds.map((id) => [id, loadExerciseMeta(id)]));
  const tasks = gradeTasks(students, exerciseIds);
  // One student's submissions share a realm; one fresh seed per exercise for the whole run.
  const seeds = seedsPerExercise(tasks.map((t) => t.exercise), () => seed ?? randomSeed());
  const submissions: Submission[] = tasks.map((task) => ({ meta: metas.get(task.exercise)!, code: task.code, seed: seeds.get(task.exercise)!, group: task.student }));
  const reports: GradeReport[] = [];
  if (submissions.length > 0) {
    const learner = createNodeLearnerHost({ prespawn: true, size: jobs });
    // Spares of the build most submissions need (function exercises: `core`); the other starts when first used.
    const flavours = submissions.map((s) => realmFlavour(s.meta));
    learner.warm(flavours.filter((f) => f === 'core').length * 2 >= flavours.length ? 'core' : 'full');
    try {
      onProgress?.(0, submissions.length);
      reports.push(...(await gradeMany(learner, createNodeReference(), submissions, { concurrency: jobs, retryTimeouts: true, onProgress: (done, total) => onProgress?.(done, total) })));
    } finally {
      await learner.dispose();
    }
  }
  const byStudent = new Map<string, Map<string, GradeReport>>();
  tasks.forEach((task, i) => {
    const m = byStudent.get(task.student) ?? new Map<string, GradeReport>();
    m.set(task.exercise, reports[i]!);
    byStudent.set(task.student, m);
  });
  const results: ClassResults = {
    files: files.length + errors.filter((e) => !files.includes(e.file)).length,
    students: students.map((s) => studentResult(s, exerciseIds, byStudent.get(s.id) ?? new Map())),
    errors,
  };
  return { results, warnings };
}

type Parsed = { json?: boolean; csv?: string; seed?: string; jobs?: string };

export async function gradeExportsCommand(args: string[]): Promise<number> {
  let values: Parsed;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      options: { json: { type: 'boolean' }, csv: { type: 'string' }, seed: { type: 'string' }, jobs: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    }));
  } catch (e) {
    throw new GradeExportsUsageError(`参数不对：${(e as Error).message}`);
  }
  if (positionals.length === 0) throw new GradeExportsUsageError('请给出至少一个进度文件或文件夹。');
  let seed: number | undefined;
  if (values.seed !== undefined) {
    if (!/^\d+$/.test(values.seed) || Number(values.seed) > 2 ** 32 - 1) throw new GradeExportsUsageError('--seed 后面要跟一个 0 到 4294967295 之间的整数。');
    seed = Number(values.seed);
  }
  let jobs = defaultJobs();
  if (values.jobs !== undefined) {
    if (!/^\d+$/.test(values.jobs) || Number(values.jobs) < 1 || Number(values.jobs) > 64) throw new GradeExportsUsageError('--jobs 后面要跟一个 1 到 64 之间的整数。');
    jobs = Number(values.jobs);
  }
  if (values.csv === '') throw new GradeExportsUsageError('--csv 后面要跟输出文件名。');

  // A progress bar only where a person watches: never on a non-TTY stderr (CI logs, pipes).
  const tty = process.stderr.isTTY === true;
  const bar = tty ? new SingleBar({ format: '重新评分 [{bar}] {value}/{total} · 剩余约 {eta_formatted}', hideCursor: true, clearOnComplete: true, stream: process.stderr }, Presets.shades_classic) : null;
  let started = false;
  const { results, warnings } = await regradeExports(positionals, {
    ...(seed !== undefined ? { seed } : {}),
    jobs,
    onProgress: (done, total) => {
      if (!bar) return;
      if (!started) {
        bar.start(total, done);
        started = true;
      } else bar.update(done);
    },
  });
  if (started) bar?.stop();

  if (values.csv) writeFileSync(values.csv, toGradesCsv(results));
  const s = summarize(results);
  const summaryLine = `文件 ${s.files} · 学生 ${s.students} · 已验证 ${s.verified} · 不一致 ${s.mismatches} · 错误 ${s.errors}`;
  if (values.json) {
    process.stdout.write(`${JSON.stringify(toCliJson(results))}\n`);
    if (tty) process.stderr.write(`${summaryLine}\n`);
  } else {
    process.stdout.write(`${formatClassHuman(results, warnings)}\n${summaryLine}\n`);
  }
  return results.errors.length > 0 ? 2 : 0;
}

const MARK = { verified: '✓', mismatch: '⚠', 'not-passed': '✗', 'not-attempted': '–' } as const;

/** A plain-text class table for the terminal. */
function formatClassHuman(r: ClassResults, warnings: string[]): string {
  const lines: string[] = [];
  for (const e of r.errors) lines.push(`✗ ${e.file}: ${e.message}`);
  for (const w of warnings) lines.push(`! ${w}`);
  for (const s of r.students) {
    const cells = s.cells.filter((c) => c.verdict !== 'not-attempted');
    lines.push(`${s.id} ${s.name}（${s.file}）`);
    for (const c of cells) {
      lines.push(`  ${MARK[c.verdict]} ${c.exercise}  ${t(`teacher.verdict.${c.verdict}`)} · 得分 ${c.score} · 报告 ${c.reported}${c.error ? ` · ${c.error.message.split('\n')[0]}` : ''}`);
    }
    if (cells.length === 0) lines.push('  （没有作答）');
  }
  // File names, ids, names and messages all come from files: nothing reaches the terminal raw.
  return sanitizeText(lines.join('\n'));
}
