import { compareValues } from './compare';
import { budgetReport } from './budget';
import { refineSyntaxError } from './compile';
import { previewPlain } from './format';
import { interpretLearnerMessage } from './interpret';
import type { ExerciseMeta } from './schema';
import type { CaseReport, GradeError, GradeReport, LearnerEvent, LearnerPort, LogLine, PreparedCase, ReferencePort } from './types';

export interface GradeOptions {
  meta: ExerciseMeta;
  code: string;
  seed: number;
  reference: ReferencePort;
  learner: LearnerPort;
  signal?: AbortSignal;
}

/**
 * The one grading entry every host uses. Pure orchestration: the reference realm prepares
 * inputs and expected values, a fresh learner realm runs the code and sends back messages,
 * and those are parsed, checked and compared here, where no learner code ever ran.
 */
export async function gradeSubmission({ meta, code, seed, reference, learner, signal }: GradeOptions): Promise<GradeReport> {
  const started = Date.now();
  const finish = (cases: CaseReport[], error: GradeError | undefined, logs: LogLine[] = [], warnings: string[] = []): GradeReport => {
    const passedCount = cases.filter((r) => r.passed).length;
    const report: GradeReport = {
      exercise: meta.id,
      passed: !error && passedCount === cases.length && cases.length > 0,
      score: cases.length === 0 ? 0 : passedCount / cases.length,
      seed,
      cases,
      logs,
      warnings,
      durationMs: Date.now() - started,
    };
    if (error) report.error = error;
    return budgetReport(report);
  };

  // Compiling is learner input like any other: the learner realm compiles, under the run's
  // deadline (a source that makes the compiler backtrack for hours is a timeout, of this
  // submission only). Nothing about the code is parsed here, on the host.
  const cases = await reference.prepare(meta.id, seed);

  const results = new Map<number, Extract<LearnerEvent, { type: 'case' }>>();
  const logs: LogLine[] = [];
  let fatal: GradeError | undefined;
  let syntaxFailed = false;
  let done = false;
  const outcome = await learner.run(
    {
      code,
      entry: meta.entry,
      kind: meta.kind,
      banned: meta.banned,
      grants: meta.grants,
      cases: cases.map((c) => ({ args: c.args, ...(c.moreCalls ? { moreCalls: c.moreCalls } : {}), ...(c.construct ? { construct: c.construct } : {}), ...(c.layerCheck ? { layerCheck: c.layerCheck } : {}) })),
    },
    (data) => {
      const event = interpretLearnerMessage(data);
      if (event.type === 'log') logs.push({ level: event.level, text: event.text });
      else if (event.type === 'case') {
        if (event.index < cases.length && !results.has(event.index)) results.set(event.index, event);
      } else if (event.type === 'fatal') {
        if (!fatal && event.syntax) syntaxFailed = true;
        fatal ??= event.error;
      }
      else done = true;
      return event.type === 'done' || event.type === 'fatal';
    },
    meta.timeoutMs,
    signal,
  );

  let error = fatal;
  if (error?.kind === 'compile' && syntaxFailed && learner.locateSyntax) {
    error = refineSyntaxError(await learner.locateSyntax(code).catch(() => null), error);
  }
  if (error?.kind === 'compile') return finish(cases.map((c) => notRun(c, error!)), error, logs);
  if (!error && outcome.status === 'timeout') {
    error = { kind: 'timeout', message: `运行超时（${formatSeconds(meta.timeoutMs)} 秒）：检查是否有死循环，或者计算量是否过大。` };
  } else if (!error && outcome.status === 'cancelled') {
    error = { kind: 'cancelled', message: '评分已取消。' };
  } else if (!error && outcome.status === 'crashed') {
    error = { kind: 'runtime', message: crashMessage(outcome.reason) };
  } else if (!error && !done) {
    error = { kind: 'runtime', message: '代码没有正常运行完所有测试。' };
  } else if (!error && results.size < cases.length) {
    error = { kind: 'runtime', message: `运行结束时有 ${cases.length - results.size} 个测试没有结果，这次运行作废。` };
  }

  const checks = new Map<number, string | null>();
  for (const [i, r] of results) {
    if (!cases[i]?.customCheck || !r.ok) continue;
    try {
      checks.set(i, await reference.check(meta.id, seed, i, r.value));
    } catch {
      checks.set(i, '返回值无法检查（结构不合法）。');
    }
  }
  const reports = cases.map((c, i) => caseReport(c, results.get(i), error, checks.get(i)));
  // A banned API is the one thing to fix, whichever case hit it first.
  error ??= [...results.values()].flatMap((r) => (!r.ok && r.error.kind === 'banned' ? [r.error] : []))[0];

  const warnings: string[] = [];
  const leaks = reports.filter((r) => (r.leakedTensors ?? 0) > 0);
  if (leaks.length > 0) {
    const total = leaks.reduce((s, r) => s + (r.leakedTensors ?? 0), 0);
    warnings.push(`有 ${total} 个张量没有释放（出现在 ${leaks.length} 个测试里）。把中间计算放进 tf.tidy(() => …) 里，或对不再需要的张量调用 dispose()。`);
  }
  return finish(reports, error, logs, warnings);
}

function crashMessage(reason: 'exit' | 'crash' | 'memory' | 'output-limit'): string {
  switch (reason) {
    case 'memory':
      return '代码用的内存超过了上限，运行被终止。检查是否创建了过大的张量或数组。';
    case 'output-limit':
      return '代码输出的数据超过了上限，运行被终止。检查返回值和 console 输出的大小。';
    default:
      return '代码让运行环境意外退出。不要调用 process.exit() 之类结束程序的函数，也不要分配过大的内存。';
  }
}

function notRun(c: PreparedCase, error: GradeError): CaseReport {
  return { name: c.name, passed: false, hint: c.hint, inputSummary: c.inputSummary, expectedPreview: previewPlain(c.expected), message: `没有运行：${KIND_LABEL[error.kind]}（详见上方的错误信息）。` };
}

function caseReport(c: PreparedCase, result: Extract<LearnerEvent, { type: 'case' }> | undefined, runError: GradeError | undefined, checked?: string | null): CaseReport {
  const base: CaseReport = { name: c.name, passed: false, hint: c.hint, inputSummary: c.inputSummary, expectedPreview: previewPlain(c.expected) };
  if (!result) {
    if (runError) return runError.kind === 'timeout' ? { ...base, message: '没有运行完：整体运行超时。' } : notRun(c, runError);
    return { ...base, message: '没有运行。' };
  }
  base.ms = result.ms;
  if (!result.ok) return { ...base, message: result.error.message };
  const leakedCount = result.leaked > 0 ? { leakedTensors: result.leaked } : {};
  if (c.customCheck) {
    if (checked === null) return { name: c.name, passed: true, ms: result.ms, ...leakedCount };
    return { ...base, ...leakedCount, message: checked ?? '没有检查。', actualPreview: previewPlain(result.value) };
  }
  let mismatch: ReturnType<typeof compareValues>;
  try {
    mismatch = compareValues(c.expected, result.value, c.tolerance);
  } catch {
    // Whatever the learner sent, a verdict: never a crash of the comparing realm.
    return { ...base, message: '返回值无法与期望值比较（结构不合法）。' };
  }
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
  cancelled: '评分已取消',
};

function formatSeconds(ms: number): string {
  return String(Number((ms / 1000).toFixed(1)));
}
