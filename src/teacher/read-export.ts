/**
 * Reads one export file, as text, into a validated ProgressExport, or says why it can't, with a
 * code the UI turns into Chinese (src/i18n/zh-CN.json, teacher.errors.*). Never throws.
 *
 * Hostile input is expected: the file comes from a student. JSON.parse makes `__proto__` an own
 * data property (it never sets a prototype), zod copies only the schema's keys into fresh
 * objects, and every lookup by a file-supplied id goes through a Map, so no key can pollute an
 * object. Sizes are checked by the caller before the text is read (see checkExportSize).
 */
import { EXPORT_FORMAT, EXPORT_MAX_BYTES, EXPORT_VERSION, progressExportSchema, type ProgressExport } from '../progress/export-format';

export type ExportErrorCode =
  /** Larger than EXPORT_MAX_BYTES: refused unread. */
  | 'too-large'
  /** Not JSON (truncated, or another kind of file). */
  | 'not-json'
  /** JSON, but not an object with `format: "dlcourse-progress"`. */
  | 'wrong-format'
  /** A `version` newer than this site reads. */
  | 'future-version'
  /** The right format and version, but fields are missing or of the wrong type. */
  | 'invalid';

export interface ExportError {
  code: ExportErrorCode;
  /** Plain detail for the message: field paths, the version found, the size. */
  detail: string;
}

export type ExportWarningCode =
  /** Exercise ids this course doesn't have (a newer or older course build): not graded. */
  | 'unknown-exercise'
  /** The same exercise listed twice: the first entry is used. */
  | 'duplicate-exercise';

export interface ExportWarning {
  code: ExportWarningCode;
  /** The ids concerned. */
  ids: string[];
}

export type ReadExportResult = { ok: true; value: ProgressExport; warnings: ExportWarning[] } | { ok: false; error: ExportError };

/** Refuses a file by its size alone, before anything reads it. */
export function checkExportSize(bytes: number): ExportError | null {
  return bytes > EXPORT_MAX_BYTES ? { code: 'too-large', detail: String(bytes) } : null;
}

const own = (o: object, k: string): unknown => (Object.prototype.hasOwnProperty.call(o, k) ? (o as Record<string, unknown>)[k] : undefined);

export function readExport(text: string, knownExercises: ReadonlySet<string>): ReadExportResult {
  const size = checkExportSize(text.length);
  if (size) return { ok: false, error: size };
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return { ok: false, error: { code: 'not-json', detail: e instanceof Error ? e.message : String(e) } };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json) || own(json, 'format') !== EXPORT_FORMAT) {
    const found = typeof json === 'object' && json !== null && !Array.isArray(json) ? own(json, 'format') : undefined;
    return { ok: false, error: { code: 'wrong-format', detail: typeof found === 'string' ? found.slice(0, 60) : '' } };
  }
  const version = own(json, 'version');
  if (typeof version === 'number' && version > EXPORT_VERSION) {
    return { ok: false, error: { code: 'future-version', detail: String(version) } };
  }
  const parsed = progressExportSchema.safeParse(json);
  if (!parsed.success) {
    const paths = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(root)'))];
    return { ok: false, error: { code: 'invalid', detail: paths.slice(0, 5).join(', ') + (paths.length > 5 ? ` …(+${paths.length - 5})` : '') } };
  }
  const warnings: ExportWarning[] = [];
  const seen = new Set<string>();
  const unknown: string[] = [];
  const dup: string[] = [];
  for (const e of parsed.data.exercises) {
    if (seen.has(e.id)) dup.push(e.id);
    seen.add(e.id);
    if (!knownExercises.has(e.id)) unknown.push(e.id);
  }
  if (unknown.length) warnings.push({ code: 'unknown-exercise', ids: unknown });
  if (dup.length) warnings.push({ code: 'duplicate-exercise', ids: [...new Set(dup)] });
  return { ok: true, value: parsed.data, warnings };
}
