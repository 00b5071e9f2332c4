/**
 * The /progress/ backup reminder (src/progress/backup.ts) and the store's record of the last
 * downloaded progress file (store.lastExportAt / markExported).
 */
import { describe, expect, it } from 'vitest';
import { BACKUP_REMINDER_DAYS, backupState, readExportMarker } from '../../src/progress/backup';
import { LAST_EXPORT_KEY, RECORD_PREFIX } from '../../src/progress/keys';
import { createProgressStore } from '../../src/progress/store';

const now = new Date('2026-12-05T12:00:00.000Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000).toISOString();

describe('backupState', () => {
  it('says nothing when nothing was ever touched', () => {
    expect(backupState([], null, now)).toEqual({ lastExportAt: null, unexported: 0, oldestUnexportedAt: null, remind: false });
  });

  it('reminds once never-exported progress is a week old, not a moment before', () => {
    expect(backupState([{ updatedAt: daysAgo(6.9) }], null, now).remind).toBe(false);
    const s = backupState([{ updatedAt: daysAgo(2) }, { updatedAt: daysAgo(BACKUP_REMINDER_DAYS) }], null, now);
    expect(s).toMatchObject({ unexported: 2, oldestUnexportedAt: daysAgo(BACKUP_REMINDER_DAYS), remind: true });
  });

  it('counts only changes after the last export, compared as instants (any offset)', () => {
    const exported = '2026-11-25T12:00:00.000Z';
    // 2026-11-25T11:00Z, an hour before the export, although it sorts after it as text.
    const shifted = '2026-11-26T01:00:00+14:00';
    const s = backupState([{ updatedAt: shifted }, { updatedAt: daysAgo(8) }, { updatedAt: daysAgo(1) }], exported, now);
    expect(s).toMatchObject({ lastExportAt: exported, unexported: 2, oldestUnexportedAt: daysAgo(8), remind: true });
    // Exported after every change: nothing to remind about.
    expect(backupState([{ updatedAt: daysAgo(30) }], daysAgo(20), now)).toMatchObject({ unexported: 0, remind: false });
  });

  it('reads the stored marker defensively', () => {
    expect(readExportMarker(null)).toBeNull();
    expect(readExportMarker('not json')).toBeNull();
    expect(readExportMarker(JSON.stringify({ at: 'yesterday' }))).toBeNull();
    expect(readExportMarker(JSON.stringify({ at: now.toISOString(), extra: 1 }))).toBeNull();
    expect(readExportMarker(JSON.stringify({ at: now.toISOString() }))).toEqual({ at: now.toISOString() });
  });
});

describe('store: last export', () => {
  const memory = () => {
    const map = new Map<string, string>();
    const storage = {
      get length() {
        return map.size;
      },
      key: (i: number) => [...map.keys()][i] ?? null,
      getItem: (k: string) => map.get(k) ?? null,
      setItem: (k: string, v: string) => void map.set(k, String(v)),
      removeItem: (k: string) => void map.delete(k),
      clear: () => map.clear(),
    } satisfies Storage;
    return { map, storage };
  };

  it('records the download time under its own key, outside the exercise records', () => {
    const { map, storage } = memory();
    const store = createProgressStore({ storage, now: () => now, eventTarget: null });
    expect(store.lastExportAt()).toBeNull();
    store.saveDraft('sigmoid', 'code', null);
    expect(store.markExported()).toBe(true);
    expect(store.lastExportAt()).toBe(now.toISOString());
    expect(LAST_EXPORT_KEY.startsWith(RECORD_PREFIX)).toBe(false);
    expect(store.list().map((r) => r.exerciseId)).toEqual(['sigmoid']);
    expect(JSON.parse(map.get(LAST_EXPORT_KEY)!)).toEqual({ at: now.toISOString() });
  });

  it('says false when storage refuses the write, and reads a corrupt marker as never', () => {
    const { map, storage } = memory();
    map.set(LAST_EXPORT_KEY, '{"at":');
    const store = createProgressStore({ storage, now: () => now, eventTarget: null });
    expect(store.lastExportAt()).toBeNull();
    storage.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    expect(store.markExported()).toBe(false);
    expect(createProgressStore({ storage: null, eventTarget: null }).markExported()).toBe(false);
  });
});
