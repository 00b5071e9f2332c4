import { z } from 'zod';
import { GRANTABLE_TF } from '../sandbox/grants';
import { TOLERANCE_NAMES } from './tolerance';

/** Exercise ids are folder names: lower-case words joined by '-'. */
export const exerciseIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, '练习 id 只能包含小写字母、数字和连字符，例如 "mse-loss"');

/** `exercises/<id>/exercise.json`: everything the engine and the UI need to know about one exercise. */
export const exerciseMetaSchema = z
  .object({
    /** Folder name; must equal the folder the file lives in. */
    id: exerciseIdSchema,
    /** Chinese title shown in the sidebar, the page header and reports. */
    title: z.string().min(1),
    /** Slug of the chapter this exercise belongs to, e.g. "03-activation-functions". */
    chapter: z.string().regex(/^\d{2}-[a-z0-9-]+$/, '章节 slug 形如 "03-activation-functions"'),
    /** The exported name the learner must provide, e.g. "sigmoid" or "mseLoss". */
    entry: z.string().regex(/^[A-Za-z_$][\w$]*$/, 'entry 必须是合法的 JavaScript 标识符'),
    /** `function`: a plain function of tensors. `layer`: a class extending tf.layers.Layer. */
    kind: z.enum(['function', 'layer']),
    /** 1 (warm-up) to 3 (challenging). */
    difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    /** tf APIs the learner may not call, by name at any depth (e.g. "sigmoid", "layers", "losses"). */
    banned: z.array(z.string().min(1)).default([]),
    /** tf namespaces outside the learner allowlist that this exercise grants (src/sandbox/allowlist.ts), e.g. "layers". */
    grants: z.array(z.enum(GRANTABLE_TF)).default([]),
    /**
     * Allowed ops that compute a banned one in one call on a constructed input (σ(z) is the first
     * column of softmax([z, 0])), and what this exercise decided about each. Every entry has a file
     * `disguises/<op, dots as dashes>.ts` that uses the op: tests/exercises.test.ts proves the
     * decision (banned: refused as banned; allowed: passes), and the exercise page lists them.
     */
    disguises: z
      .array(
        z
          .object({
            /** The tf API as code writes it after `tf.`, e.g. "softmax" or "layers.conv1d". */
            op: z.string().regex(/^[A-Za-z]\w*(?:\.[A-Za-z]\w*)?$/),
            /** The banned computation it would stand in for, e.g. "sigmoid". */
            computes: z.string().min(1),
            /** One Chinese line saying how, with the constructed input, e.g. "softmax([z, 0]) 的第一列就是 σ(z)". */
            how: z.string().min(1),
            /** banned: unavailable in this exercise. allowed: left available on purpose. */
            decision: z.enum(['banned', 'allowed']),
          })
          .strict(),
      )
      .default([]),
    /** Named default tolerance for every case (see src/grader/tolerance.ts); a case may override it. */
    tolerance: z.enum(TOLERANCE_NAMES).default('float32'),
    /** Wall-clock budget for running all cases of one submission, in milliseconds. */
    timeoutMs: z.number().int().min(500).max(60_000).default(5000),
    /** Chinese hints, revealed one at a time on the exercise page. */
    hints: z.array(z.string().min(1)).default([]),
    /** Short Chinese summary for the course map and the sidebar tooltip. */
    summary: z.string().min(1),
  })
  .strict();

export type ExerciseMeta = z.infer<typeof exerciseMetaSchema>;
export type ExerciseMetaInput = z.input<typeof exerciseMetaSchema>;

/**
 * Turns zod issues into one friendly Chinese message naming the file and each field.
 */
export function formatSchemaError(file: string, error: z.ZodError): string {
  const lines = error.issues.map((issue) => {
    const field = issue.path.length > 0 ? issue.path.join('.') : '(根对象)';
    return `  - 字段 ${field}：${issue.message}`;
  });
  return `${file} 不符合格式要求：\n${lines.join('\n')}`;
}
