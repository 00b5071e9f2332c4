import { compareValues } from './compare';
import { previewPlain } from './format';
import type { ExerciseMeta } from './schema';
import type { CaseReport, GradeError, GradeReport, LearnerEvent, LearnerPort, LogLine, PreparedCase, ReferencePort } from './types';

export interface GradeOptions {
  meta: ExerciseMeta;
  code: string;
  seed: number;
  reference: ReferencePort;
  learner: LearnerPort;
}

/**
 * The one grading entry every host uses. Pure orchestration: the reference realm prepares
 * inputs and expected values, the learner realm runs the code and returns plain outputs,
 * and the comparison happens here, where no learner code ever ran.
 */
export async function gradeSubmission({ meta, code, seed, reference, learner }: GradeOptions): Promise<GradeReport> {
  const started = Date.now();
  const cases = await reference.prepare(meta.id, seed);
  const results = new Map<number, Extract<LearnerEvent, { type: 'case' }>>();
  const logs: LogLine[] = [];
  let fatal: GradeError | undefined;
  let done = false;

  const outcome = await learner.run(
    {
      code,
      entry: meta.entry,
      kind: meta.kind,
      banned: meta.banned,
      cases: cases.map((c) => (c.construct ? { args: c.args, construct: c.construct } : { args: c.args })),
    },
    (event) => {
      if (event.type === 'log') logs.push({ level: event.level, text: event.text });
      else if (event.type === 'case') results.set(event.index, event);
      else if (event.type === 'fatal') fatal ??= event.error;
      else done = true;
    },
    meta.timeoutMs,
  );

  let error = fatal;
  if (!error && outcome.status === 'timeout') {
    error = { kind: 'timeout', message: `运行超时（${formatSeconds(meta.timeoutMs)} 秒）：检查是否有死循环，或者计算量是否过大。` };
  } else if (!error && outcome.status === 'crashed') {
    error = { kind: 'runtime', message: `代码让运行环境意外退出（${outcome.detail}）。不要调用 process.exit() 之类结束程序的函数，也不要分配过大的内存。` };
  } else if (!error && !done) {
    error = { kind: 'runtime', message: '代码没有正常运行完所有测试。' };
  }

  const reports = cases.map((c, i) => caseReport(c, results.get(i), error));
  // A banned API is the one thing to fix, whichever case hit it first.
  error ??= [...results.values()].flatMap((r) => (!r.ok && r.error.kind === 'banned' ? [r.error] : []))[0];

  const passedCount = reports.filter((r) => r.passed).length;
  const score = reports.length === 0 ? 0 : passedCount / reports.length;
  const warnings: string[] = [];
  const leaks = reports.filter((r) => (r.leakedTensors ?? 0) > 0);
  if (leaks.length > 0) {
    const total = leaks.reduce((s, r) => s + (r.leakedTensors ?? 0), 0);
    warnings.push(`有 ${total} 个张量没有释放（出现在 ${leaks.length} 个测试里）。把中间计算放进 tf.tidy(() => …) 里，或对不再需要的张量调用 dispose()。`);
  }
  const report: GradeReport = {
    exercise: meta.id,
    passed: !error && passedCount === reports.length && reports.length > 0,
    score,
    seed,
    cases: reports,
    logs,
    warnings,
    durationMs: Date.now() - started,
  };
  if (error) report.error = error;
  return report;
}

function caseReport(c: PreparedCase, result: Extract<LearnerEvent, { type: 'case' }> | undefined, runError: GradeError | undefined): CaseReport {
  const base: CaseReport = { name: c.name, passed: false, hint: c.hint, inputSummary: c.inputSummary, expectedPreview: previewPlain(c.expected) };
  if (!result) {
    const why =
      runError?.kind === 'timeout' ? '没有运行完：整体运行超时。'
      : runError ? `没有运行：${KIND_LABEL[runError.kind]}（详见上方的错误信息）。`
      : '没有运行。';
    return { ...base, message: why };
  }
  base.ms = result.ms;
  if (!result.ok) return { ...base, message: result.error.message };
  const mismatch = compareValues(c.expected, result.value, c.tolerance);
  const leaked = result.leaked > 0 ? { leakedTensors: result.leaked } : {};
  if (!mismatch) return { name: c.name, passed: true, ms: result.ms, ...leaked };
  const out: CaseReport = { ...base, ...leaked, message: mismatch.message, expectedPreview: mismatch.expectedPreview, actualPreview: mismatch.actualPreview };
  if (mismatch.maxAbsError !== undefined) out.maxAbsError = mismatch.maxAbsError;
  if (mismatch.firstMismatch) out.firstMismatch = mismatch.firstMismatch;
  return out;
}

const KIND_LABEL: Record<GradeError['kind'], string> = {
  compile: '代码有语法错误',
  runtime: '代码运行出错',
  timeout: '运行超时',
  banned: '使用了被禁止的 API',
  type: '没有找到要求的导出',
};

function formatSeconds(ms: number): string {
  return String(Number((ms / 1000).toFixed(1)));
}
