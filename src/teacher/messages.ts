/** Chinese text for the codes of read-export.ts (the dictionary holds the words). */
import { t } from '../i18n/t';
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
