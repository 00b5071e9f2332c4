/**
 * Storage can vanish (a cleared browser, a private window, Safari's seven-day rule), and the
 * progress file is the learner's only backup. This module decides when /progress/ reminds them
 * to download one: when some progress changed after the last download (or none was ever made) and
 * the oldest such change is at least BACKUP_REMINDER_DAYS old. Pure: the page passes the records,
 * the stored marker and the clock.
 */
import { z } from 'zod';
import { instant } from './instant';

/** Remind once unexported progress is this many days old (Safari deletes after seven days of use without a visit). */
export const BACKUP_REMINDER_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

/** What the store keeps under LAST_EXPORT_KEY (keys.ts) after each downloaded progress file. */
export const exportMarkerSchema = z
  .object({
    /** When the last progress file (.dlcourse.json) was downloaded (ISO 8601). */
    at: z.string().datetime({ offset: true }),
  })
  .strict();
export type ExportMarker = z.infer<typeof exportMarkerSchema>;

/** Parses the stored marker; anything unreadable counts as "never exported". */
export function readExportMarker(raw: string | null): ExportMarker | null {
  if (raw === null) return null;
  try {
    const parsed = exportMarkerSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export interface BackupState {
  /** Last download of a progress file, or null if never (in this browser). */
  lastExportAt: string | null;
  /** How many exercises changed after it (all touched ones when never exported). */
  unexported: number;
  /** The earliest of those changes, or null when there are none. */
  oldestUnexportedAt: string | null;
  /** Show the reminder: something unexported, and its oldest change is ≥ BACKUP_REMINDER_DAYS old. */
  remind: boolean;
}

/** `records`: the exercises the export would contain, with when each last changed. */
export function backupState(records: readonly { updatedAt: string }[], lastExportAt: string | null, now: Date): BackupState {
  const since = instant(lastExportAt);
  const changed = records.map((r) => r.updatedAt).filter((at) => instant(at) > since);
  const oldest = changed.reduce<string | null>((a, b) => (a === null || instant(b) < instant(a) ? b : a), null);
  const remind = oldest !== null && now.getTime() - instant(oldest) >= BACKUP_REMINDER_DAYS * DAY_MS;
  return { lastExportAt, unexported: changed.length, oldestUnexportedAt: oldest, remind };
}
