import { decodeWirePlain, sanitizeText, wireEventSchema, type WireError } from '../sandbox/wire';
import { bannedMessage } from './messages';
import type { GradeError, LearnerEvent } from './types';

/**
 * Turns one message from a learner realm (hostile bytes) into an engine event: parsed by
 * schema, tensors checked against their shapes and the result caps, learner text stripped of
 * control characters, and error codes rendered in Chinese here, on the host. Never throws.
 */
export function interpretLearnerMessage(data: unknown): LearnerEvent {
  const parsed = wireEventSchema.safeParse(data);
  if (!parsed.success) return { type: 'fatal', error: { kind: 'runtime', message: '运行环境收到了格式不对的消息，这次运行作废。' } };
  const e = parsed.data;
  switch (e.type) {
    case 'done':
      return { type: 'done' };
    case 'fatal':
      return { type: 'fatal', error: describeWireError(e.error), ...(e.syntax ? { syntax: true } : {}) };
    case 'log':
      if (e.code === 'log-truncated') {
        return { type: 'log', level: 'warn', text: `（输出太多，后面的 console 输出已省略：最多 ${e.maxLines ?? 0} 行、${e.maxChars ?? 0} 个字符）` };
      }
      return { type: 'log', level: e.level, text: sanitizeText(e.text) };
    case 'case': {
      const ms = Number.isFinite(e.ms) ? e.ms : 0;
      if (!e.ok || e.value === undefined) {
        const error = e.error ? describeWireError(e.error) : { kind: 'runtime' as const, message: '运行出错。' };
        return { type: 'case', index: e.index, ok: false, error, ms };
      }
      const decoded = decodeWirePlain(e.value);
      if (!decoded.ok) return { type: 'case', index: e.index, ok: false, error: { kind: 'runtime', message: `返回值不合法：${decoded.reason}。` }, ms };
      return { type: 'case', index: e.index, ok: true, value: decoded.value, leaked: Math.max(0, Math.floor(e.leaked ?? 0)), ms };
    }
  }
}

function describeWireError(w: WireError): GradeError {
  if (w.kind === 'banned') return { kind: 'banned', message: bannedMessage(sanitizeText(w.api)) };
  if ('code' in w) {
    if (w.code === 'missing-export') {
      const found = w.found.length > 0 ? `现在导出的是：${w.found.map(sanitizeText).join(', ')}。` : '现在没有任何导出。';
      const entry = sanitizeText(w.entry);
      const what = w.exportKind === 'layer' ? `export class ${entry} extends tf.layers.Layer { … }` : `export function ${entry}(…) { … }`;
      return { kind: 'type', message: `没有找到导出的${w.exportKind === 'layer' ? '类' : '函数'} ${entry}。${found}请写成 ${what}。` };
    }
    if (w.code === 'layer-no-weights') {
      return { kind: 'runtime', message: '这个层在 build 之后没有任何权重：层的权重必须用 this.addWeight(…) 创建成可训练的变量，模型（以及 setWeights、countParams、训练）才看得到它们；直接用 tf.randomNormal 之类创建的普通张量不算。' };
    }
    if (w.code === 'layer-weights-mismatch') {
      const fmt = (list: number[][]) => (list.length === 0 ? '没有权重' : list.map((s) => `[${s.join(', ')}]`).join('、'));
      return { kind: 'runtime', message: `这个层用 this.addWeight(…) 创建的权重是 ${fmt(w.found)}，与 tf.layers 同类层的 ${fmt(w.expected)} 在个数、顺序或形状上不同，测试没法把参考权重放进去。请按题目要求的顺序和形状创建权重。` };
    }
    return { kind: 'runtime', message: `返回值太大：一个测试的结果最多 ${w.limit} 个元素。检查输出的形状是否正确。` };
  }
  const error: GradeError = { kind: w.kind, message: sanitizeText(w.message) };
  if (w.line !== undefined) error.line = w.line;
  if (w.column !== undefined) error.column = w.column;
  return error;
}
