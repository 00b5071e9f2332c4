import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './root';
import { exerciseMetaSchema, formatSchemaError, type CaseSuite, type ExerciseMeta } from '../grader/index';

/** The repository's exercises/ folder, wherever the CLI is started from. */
export const EXERCISES_DIR = join(ROOT, 'exercises');

export function listExerciseIds(): string[] {
  if (!existsSync(EXERCISES_DIR)) return [];
  return readdirSync(EXERCISES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(EXERCISES_DIR, d.name, 'exercise.json')))
    .map((d) => d.name)
    .sort();
}

export class ExerciseFileError extends Error {}

/** Reads and validates exercises/<id>/exercise.json; errors name the file and field. */
export function loadExerciseMeta(id: string): ExerciseMeta {
  const file = join(EXERCISES_DIR, id, 'exercise.json');
  const rel = `exercises/${id}/exercise.json`;
  if (!existsSync(file)) throw new ExerciseFileError(`找不到练习 "${id}"（没有 ${rel}）。`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ExerciseFileError(`${rel} 不是合法的 JSON：${(e as Error).message}`);
  }
  const parsed = exerciseMetaSchema.safeParse(raw);
  if (!parsed.success) throw new ExerciseFileError(formatSchemaError(rel, parsed.error));
  if (parsed.data.id !== id) throw new ExerciseFileError(`${rel} 的字段 id 是 "${parsed.data.id}"，必须和文件夹名 "${id}" 一致。`);
  return parsed.data;
}

/** Case modules compiled into the CLI bundle (src/cli/bundle.mjs); without them, cases.ts is imported through tsx. */
let bundledCases: Readonly<Record<string, () => Promise<unknown>>> | undefined;
export function useBundledCases(loaders: Readonly<Record<string, () => Promise<unknown>>>): void {
  bundledCases = loaders;
}

export async function loadCaseSuite(id: string): Promise<CaseSuite> {
  const bundled = bundledCases && Object.hasOwn(bundledCases, id) ? bundledCases[id] : undefined;
  const mod = (await (bundled ? bundled() : import(pathToFileURL(join(EXERCISES_DIR, id, 'cases.ts')).href))) as { default?: CaseSuite };
  if (!mod.default || !Array.isArray(mod.default.cases)) throw new ExerciseFileError(`exercises/${id}/cases.ts 必须 export default { cases: [...] }。`);
  return mod.default;
}

export function exerciseFile(id: string, name: string): string {
  return join(EXERCISES_DIR, id, name);
}
