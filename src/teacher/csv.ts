/**
 * RFC 4180 CSV. Fields that a spreadsheet would run as a formula (starting with = + - @, tab or
 * CR) get a leading apostrophe: names and ids come from students' files.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

function field(v: string | number): string {
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  const s = FORMULA_START.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  return [header, ...rows].map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}
