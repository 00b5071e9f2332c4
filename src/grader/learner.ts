import { compileSubmission, refineSyntaxError } from './compile';
import { formatNumber } from './format';
import { createGuard, isBannedError } from './guard';
import { collectTensors, createToPlain, fromPlain } from './plain';
import { parseLearnerJob } from './protocol';
import type { GradeError, LearnerEvent, LearnerJob, LogLevel, TF } from './types';

const MAX_LOG_LINES = 200;
const MAX_LOG_CHARS = 20_000;
const SOURCE_URL = 'submission.ts';
const TF_MODULE = '@tensorflow/tfjs';

/**
 * Runs one submission inside the learner realm (a worker that is thrown away afterwards) and
 * streams plain-data events. Never compares anything: it doesn't know the expected values.
 */
export async function runLearnerJob(tf: TF, job: LearnerJob, emit: (event: LearnerEvent) => void): Promise<void> {
  // Captured before any learner code runs.
  const toPlain = createToPlain(tf);
  const now = performance.now.bind(performance);
  const numTensors = () => tf.memory().numTensors;
  const lineOffset = functionLineOffset();

  const compiled = compileSubmission(job.code);
  if (!compiled.ok) {
    const error = compiled.error.line !== undefined && compiled.error.message.startsWith('语法错误') ? await refineSyntaxError(job.code, compiled.error) : compiled.error;
    emit({ type: 'fatal', error });
    return;
  }

  const guard = createGuard(tf, job.banned);
  const restoreConsole = captureConsole(tf, emit);
  try {
    const moduleObj: { exports: Record<string, unknown> } = { exports: {} };
    const requireFn = (name: string): unknown => {
      if (name === TF_MODULE || name === '@tensorflow/tfjs-core') return guard.tf;
      throw new Error(`不能导入 "${name}"：练习里只能使用 import * as tf from '${TF_MODULE}'。`);
    };
    try {
      // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the learner realm exists to run this code
      const factory = new Function('exports', 'require', 'module', `${compiled.js}\n//# sourceURL=${SOURCE_URL}`);
      factory(moduleObj.exports, requireFn, moduleObj);
    } catch (e) {
      emit({ type: 'fatal', error: runtimeError(e, lineOffset, '加载代码时出错') });
      return;
    }

    const entry = moduleObj.exports[job.entry];
    const exported = Object.keys(moduleObj.exports).filter((k) => k !== '__esModule');
    if (typeof entry !== 'function') {
      const found = exported.length > 0 ? `现在导出的是：${exported.join(', ')}。` : '现在没有任何导出。';
      const what = job.kind === 'layer' ? `export class ${job.entry} extends tf.layers.Layer { … }` : `export function ${job.entry}(…) { … }`;
      emit({
        type: 'fatal',
        error: { kind: 'type', message: `没有找到导出的${job.kind === 'layer' ? '类' : '函数'} ${job.entry}。${found}请写成 ${what}。` },
      });
      return;
    }

    for (let index = 0; index < job.cases.length; index++) {
      const c = job.cases[index]!;
      const before = numTensors();
      const t0 = now();
      let inputs: unknown[] = [];
      let output: unknown;
      try {
        inputs = c.args.map((a) => fromPlain(tf, a));
        if (job.kind === 'layer') {
          const ctorArgs = (c.construct ?? []).map((a) => fromPlain(tf, a));
          const layer = Reflect.construct(entry, ctorArgs) as { apply(x: unknown): unknown };
          output = layer.apply(inputs[0]);
        } else {
          output = (entry as (...a: unknown[]) => unknown)(...inputs);
        }
        // A Promise is never awaited: the whole run stays synchronous after the module loads, so
        // no learner-started import() (e.g. of an unguarded tf) can resolve before the verdict.
        const value = toPlain(output);
        const ms = now() - t0;
        tf.dispose(collectTensors(tf, output));
        tf.dispose(collectTensors(tf, inputs));
        emit({ type: 'case', index, ok: true, value, leaked: Math.max(0, numTensors() - before), ms });
      } catch (e) {
        const ms = now() - t0;
        tf.dispose(collectTensors(tf, inputs));
        const error: GradeError = isBannedError(e)
          ? { kind: 'banned', message: e.message }
          : runtimeError(e, lineOffset, '运行出错');
        emit({ type: 'case', index, ok: false, error, ms });
      }
    }
    emit({ type: 'done' });
  } finally {
    restoreConsole();
    guard.dispose();
  }
}

/**
 * What a learner realm does with the host's one message: validate the job, run it, and turn
 * an engine failure into a fatal event rather than silence.
 */
export function handleLearnerMessage(tf: TF, data: unknown, emit: (event: LearnerEvent) => void): void {
  runLearnerJob(tf, parseLearnerJob(data), emit).catch((e: unknown) => {
    emit({ type: 'fatal', error: { kind: 'runtime', message: `运行出错：${String(e)}` } });
  });
}

/** Lines the Function constructor adds before the body, measured rather than assumed. */
function functionLineOffset(): number {
  try {
    new Function(`throw new Error('probe')\n//# sourceURL=probe.ts`)();
  } catch (e) {
    const m = /probe\.ts:(\d+)/.exec(String((e as Error).stack));
    if (m) return Number(m[1]) - 1;
  }
  return 2;
}

function runtimeError(e: unknown, lineOffset: number, prefix: string): GradeError {
  const err = e as { name?: string; message?: string; stack?: string };
  const text = err && typeof err === 'object' && 'message' in err ? `${err.name ?? 'Error'}: ${err.message}` : `抛出了 ${String(e)}`;
  const m = new RegExp(`${SOURCE_URL.replace('.', '\\.')}:(\\d+):(\\d+)`).exec(String(err?.stack ?? ''));
  const error: GradeError = { kind: 'runtime', message: `${prefix}：${text}` };
  if (m) {
    const line = Number(m[1]) - lineOffset;
    if (line >= 1) {
      error.line = line;
      error.column = Number(m[2]);
      error.message = `${prefix}（第 ${line} 行）：${text}`;
    }
  }
  return error;
}

/** Routes console output (and tensor.print()) to log events, bounded in lines and size. */
function captureConsole(tf: TF, emit: (event: LearnerEvent) => void): () => void {
  const target = globalThis.console as unknown as Record<LogLevel, (...args: unknown[]) => void>;
  const levels: LogLevel[] = ['log', 'info', 'warn', 'error', 'debug'];
  const saved = levels.map((l) => target[l]);
  let lines = 0;
  let chars = 0;
  let truncated = false;
  const format = (v: unknown): string => {
    if (typeof v === 'string') return v;
    if (v instanceof tf.Tensor) return v.isDisposed ? 'Tensor（已 dispose）' : v.toString();
    if (typeof v === 'number') return formatNumber(v);
    try {
      return JSON.stringify(v, (_k, x: unknown) => (x instanceof tf.Tensor ? `Tensor ${x.dtype} [${x.shape.join(',')}]` : x)) ?? String(v);
    } catch {
      return String(v);
    }
  };
  for (const level of levels) {
    target[level] = (...args: unknown[]) => {
      if (truncated) return;
      const text = args.map(format).join(' ');
      lines++;
      chars += text.length;
      if (lines > MAX_LOG_LINES || chars > MAX_LOG_CHARS) {
        truncated = true;
        emit({ type: 'log', level: 'warn', text: `（输出太多，后面的 console 输出已省略：最多 ${MAX_LOG_LINES} 行、${MAX_LOG_CHARS} 个字符）` });
        return;
      }
      emit({ type: 'log', level, text });
    };
  }
  return () => levels.forEach((l, i) => (target[l] = saved[i]!));
}
