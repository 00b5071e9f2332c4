/** Chinese text for the codes of read-export.ts (the dictionary holds the words). */
import { t } from '../i18n/t';
import type { IdentityFlag, SupersededFile } from './class';
import type { ExportError, ExportWarning } from './read-export';

export function describeExportError(e: ExportError): string {
  switch (e.code) {
    case 'too-large':
      return t('teacher.errors.too-large', { mb: (Number(e.detail) / 1024 / 1024).toFixed(1) });
    case 'not-json':
      return t('teacher.errors.not-json', { detail: e.detail.slice(0, 120) });
    case 'wrong-format':
      return t('teacher.errors.wrong-format', { found: e.detail ? `，这个文件是 "${e.detail}"` : '' });
    case 'future-version':
      return t('teacher.errors.future-version', { version: e.detail });
    case 'invalid':
      return t('teacher.errors.invalid', { detail: e.detail });
  }
}

export function describeExportWarning(w: ExportWarning): string {
  const ids = w.ids.slice(0, 10).join('、') + (w.ids.length > 10 ? ` …(+${w.ids.length - 10})` : '');
  return t(`teacher.warnings.${w.code}`, { ids });
}

const list = (items: readonly string[]) => items.slice(0, 6).join('、') + (items.length > 6 ? ` …(+${items.length - 6})` : '');

/** One line for a file that lost to a newer export of the same student. */
export function describeSuperseded(studentId: string, s: SupersededFile): string {
  return t('teacher.superseded', { id: studentId, file: s.file, exportedAt: s.exportedAt, reason: t(`teacher.supersededReason.${s.reason}`) });
}

/** One line for a flag on a student's files. */
export function describeFlag(f: IdentityFlag): string {
  switch (f.code) {
    case 'lookalike-id':
      return t('teacher.flags.lookalike-id', { ids: list(f.ids), files: list(f.files) });
    case 'future-date':
      return t('teacher.flags.future-date', { file: f.file, exportedAt: f.exportedAt });
    case 'name-differs':
      return t('teacher.flags.name-differs', { names: list(f.names), files: list(f.files) });
    case 'history-differs':
      return t('teacher.flags.history-differs', { exercises: list(f.exercises), files: list(f.files) });
  }
}
