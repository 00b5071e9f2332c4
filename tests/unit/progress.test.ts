import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createProgressStore, type StoreWarning } from '../../src/progress/store';
import {
  CURRENT_VERSION,
  emptyProgress,
  exerciseProgressSchema,
  migrate,
  migrateWith,
  type Migrations,
} from '../../src/progress/schema';
import { BACKUP_PREFIX, peekStatus, recordKey, versionsKey } from '../../src/progress/keys';
import { VERSION_HISTORY_BUDGET_CHARS, VERSION_HISTORY_MAX_ENTRIES } from '../../src/progress/schema';

/** In-memory Storage with an optional byte quota and a switch to make every call throw. */
class MemoryStorage implements Storage {
  map = new Map<string, string>();
  constructor(public quota = Infinity) {}
  get length(): number {
    return this.map.size;
  }
  key(i: number): string | null {
    return [...this.map.keys()][i] ?? null;
  }
  getItem(k: string): string | null {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string): void {
    let used = 0;
    for (const [key, val] of this.map) if (key !== k) used += key.length + val.length;
    if (used + k.length + v.length > this.quota) {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }
    this.map.set(k, String(v));
  }
  removeItem(k: string): void {
    this.map.delete(k);
  }
  clear(): void {
    this.map.clear();
  }
}

/** MemoryStorage whose setItem fails (QuotaExceededError, or `error`) whenever `failWhen(key)` says so. */
class FailingStorage extends MemoryStorage {
  failWhen: (key: string, value: string) => boolean = () => false;
  error: () => Error = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  writes: string[] = [];
  override setItem(k: string, v: string): void {
    if (this.failWhen(k, v)) throw this.error();
    this.writes.push(k);
    super.setItem(k, v);
  }
}

// The store reports problems with console.warn too; keep the test output readable.
beforeEach(() => void vi.spyOn(console, 'warn').mockImplementation(() => {}));
afterEach(() => void vi.restoreAllMocks());

const fixedNow = () => new Date('2025-01-02T03:04:05.000Z');
const attempt = (passed: boolean, code = 'code') => ({
  passed,
  score: passed ? 1 : 0.5,
  passedCases: passed ? 8 : 4,
  totalCases: 8,
  seed: 42,
  errorKind: null,
  code,
  exerciseVersion: 'abc123',
});

function setup(storage: Storage | null = new MemoryStorage()) {
  const warnings: StoreWarning[] = [];
  const store = createProgressStore({ storage, now: fixedNow, writerId: 'tab-a', eventTarget: null });
  store.onWarning((w) => warnings.push(w));
  return { store, warnings, storage };
}

describe('progress schema', () => {
  it('accepts an empty record and round-trips through JSON', () => {
    const r = emptyProgress('sigmoid', fixedNow());
    expect(exerciseProgressSchema.parse(JSON.parse(JSON.stringify(r)))).toEqual(r);
    expect(r.version).toBe(CURRENT_VERSION);
  });

  it('rejects unknown fields, bad status and negative counters', () => {
    const r = emptyProgress('sigmoid', fixedNow());
    expect(exerciseProgressSchema.safeParse({ ...r, extra: 1 }).success).toBe(false);
    expect(exerciseProgressSchema.safeParse({ ...r, status: 'done' }).success).toBe(false);
    expect(exerciseProgressSchema.safeParse({ ...r, attempts: -1 }).success).toBe(false);
    expect(exerciseProgressSchema.safeParse({ ...r, passedAt: 'yesterday' }).success).toBe(false);
  });
});

describe('migrate', () => {
  it('passes a current record through unchanged', () => {
    const r = emptyProgress('relu', fixedNow());
    expect(migrate(r)).toEqual({ ok: true, value: r, migratedFrom: null });
  });

  it('refuses non-objects, missing versions and versions from the future', () => {
    expect(migrate('x')).toMatchObject({ ok: false, reason: 'not-an-object' });
    expect(migrate([1])).toMatchObject({ ok: false, reason: 'not-an-object' });
    expect(migrate({ status: 'passed' })).toMatchObject({ ok: false, reason: 'no-version' });
    expect(migrate({ ...emptyProgress('relu', fixedNow()), version: 99 })).toMatchObject({ ok: false, reason: 'newer-version' });
  });

  it('walks a v1 → v2 → v3 chain (the path a future version will take)', () => {
    const v3 = z.object({ version: z.literal(3), id: z.string(), tries: z.number(), hints: z.number() }).strict();
    const migrations: Migrations = {
      1: ({ exerciseId, attempts }) => ({ version: 2, id: exerciseId, tries: attempts }),
      2: (r) => ({ ...r, version: 3, hints: 0 }),
    };
    const v1 = { ...emptyProgress('relu', fixedNow()), attempts: 3 };
    expect(migrateWith(v1, migrations, 3, v3)).toEqual({
      ok: true,
      value: { version: 3, id: 'relu', tries: 3, hints: 0 },
      migratedFrom: 1,
    });
    expect(migrateWith(v1, { 1: migrations[1]! }, 3, v3)).toMatchObject({ ok: false, reason: 'no-migration' });
    expect(migrateWith(v1, { 1: () => { throw new Error('boom'); } }, 2, v3)).toMatchObject({ ok: false, reason: 'invalid' });
  });
});

describe('progress store', () => {
  it('returns an empty record for an untouched exercise', () => {
    const { store } = setup();
    expect(store.get('sigmoid')).toMatchObject({ status: 'not-started', attempts: 0, latestCode: null });
    expect(store.list()).toEqual([]);
  });

  it('saveDraft marks the exercise in progress and persists the code', () => {
    const { store, storage } = setup();
    const res = store.saveDraft('sigmoid', 'x', 'v1');
    expect(res.ok).toBe(true);
    expect(store.get('sigmoid')).toMatchObject({ status: 'in-progress', latestCode: 'x', exerciseVersion: 'v1', writer: 'tab-a' });
    expect(peekStatus(storage, 'sigmoid')).toBe('in-progress');
    // A second store on the same storage (a reload) sees it.
    const again = createProgressStore({ storage, eventTarget: null });
    expect(again.get('sigmoid').latestCode).toBe('x');
  });

  it('recordAttempt counts runs, failures, and keeps 已通过 sticky', () => {
    const { store } = setup();
    store.recordAttempt('sigmoid', attempt(false, 'bad'));
    let r = store.get('sigmoid');
    expect(r).toMatchObject({ status: 'in-progress', attempts: 1, failedAttempts: 1, passedAt: null, passingCode: null });
    expect(r.firstAttemptAt).toBe(fixedNow().toISOString());
    store.recordAttempt('sigmoid', attempt(true, 'good'));
    store.recordAttempt('sigmoid', attempt(false, 'worse'));
    r = store.get('sigmoid');
    expect(r).toMatchObject({ status: 'passed', attempts: 3, failedAttempts: 2, passingCode: 'good', latestCode: 'worse' });
    expect(r.lastResult).toMatchObject({ passed: false, passedCases: 4, totalCases: 8, seed: 42 });
    expect(store.list().map((x) => x.exerciseId)).toEqual(['sigmoid']);
    // A draft after passing keeps the status.
    store.saveDraft('sigmoid', 'edit', 'v1');
    expect(store.get('sigmoid').status).toBe('passed');
  });

  it('notifies subscribers of local writes and of other tabs (storage events)', () => {
    const storage = new MemoryStorage();
    const target = new EventTarget();
    const store = createProgressStore({ storage, now: fixedNow, eventTarget: target as unknown as Window });
    const seen: string[] = [];
    store.subscribe((id, r, source) => seen.push(`${source}:${id}:${r.latestCode}`));
    store.saveDraft('relu', 'mine', null);
    const other = { ...emptyProgress('relu', fixedNow()), latestCode: 'theirs', status: 'in-progress' as const };
    storage.map.set(recordKey('relu'), JSON.stringify(other)); // what the other tab wrote
    const event = Object.assign(new Event('storage'), { key: recordKey('relu'), newValue: JSON.stringify(other), storageArea: storage });
    target.dispatchEvent(event);
    expect(seen).toEqual(['local:relu:mine', 'remote:relu:theirs']);
    store.dispose();
  });

  describe('corrupt data', () => {
    it('falls back to an empty record, warns, and keeps the raw value under a backup key', () => {
      const storage = new MemoryStorage();
      storage.setItem(recordKey('sigmoid'), '{not json');
      storage.setItem(recordKey('relu'), JSON.stringify({ version: 1, status: 'passed' }));
      const { store, warnings } = setup(storage);
      expect(store.get('sigmoid').status).toBe('not-started');
      expect(store.get('relu').status).toBe('not-started');
      expect(warnings.map((w) => [w.problem, w.exerciseId])).toEqual([
        ['corrupt', 'sigmoid'],
        ['corrupt', 'relu'],
      ]);
      const backupKey = warnings[0]!.backupKey!;
      expect(backupKey.startsWith(`${BACKUP_PREFIX}sigmoid:`)).toBe(true);
      expect(storage.getItem(backupKey)).toBe('{not json');
      // Reading again neither warns nor backs up twice; a write then replaces the corrupt value.
      store.get('sigmoid');
      expect(warnings).toHaveLength(2);
      expect(store.saveDraft('sigmoid', 'fresh', null).ok).toBe(true);
      expect(store.get('sigmoid').latestCode).toBe('fresh');
      expect(storage.getItem(backupKey)).toBe('{not json');
      // A reload before the overwrite would not duplicate the backup either.
      const s2 = new MemoryStorage();
      s2.setItem(recordKey('x'), 'garbage');
      setup(s2).store.get('x');
      setup(s2).store.get('x');
      expect([...s2.map.keys()].filter((k) => k.startsWith(BACKUP_PREFIX))).toHaveLength(1);
    });

    it('a failed backup never blocks saving: newest work first, and the warning says there is no backup', () => {
      const storage = new FailingStorage();
      storage.setItem(recordKey('relu'), 'x'.repeat(50));
      storage.failWhen = (k) => k.startsWith(BACKUP_PREFIX); // quota on the backup copy
      const { store, warnings } = setup(storage);
      store.get('relu');
      expect(warnings[0]).toMatchObject({ problem: 'corrupt', exerciseId: 'relu' });
      expect(warnings[0]!.backupKey).toBeUndefined();
      const res = store.saveDraft('relu', 'new', null);
      expect(res.ok).toBe(true);
      expect(JSON.parse(storage.getItem(recordKey('relu'))!).latestCode).toBe('new');
      // Once backups fit again, the raw text kept in memory is copied after all.
      storage.failWhen = () => false;
      store.retry();
      const backups = [...storage.map.keys()].filter((k) => k.startsWith(BACKUP_PREFIX));
      expect(backups.map((k) => storage.getItem(k))).toEqual(['x'.repeat(50)]);
    });

    it('peekStatus (badge script) never throws on garbage', () => {
      const storage = new MemoryStorage();
      storage.setItem(recordKey('a'), 'null');
      storage.setItem(recordKey('b'), '{');
      storage.setItem(recordKey('c'), JSON.stringify({ status: 'passed' }));
      expect(['a', 'b', 'c', 'd'].map((id) => peekStatus(storage, id))).toEqual(['not-started', 'not-started', 'passed', 'not-started']);
      expect(peekStatus(null, 'a')).toBe('not-started');
      const throwing = { getItem: () => { throw new Error('SecurityError'); } };
      expect(peekStatus(throwing, 'a')).toBe('not-started');
    });
  });

  describe('storage full or unavailable', () => {
    it('QuotaExceededError: the write fails softly, warns once, keeps what was saved', () => {
      const storage = new MemoryStorage(2000);
      const { store, warnings } = setup(storage);
      expect(store.saveDraft('sigmoid', 'v1 code', null).ok).toBe(true);
      const saved = storage.getItem(recordKey('sigmoid'));
      const res = store.saveDraft('sigmoid', 'y'.repeat(5000), null);
      expect(res).toMatchObject({ ok: false, reason: 'quota' });
      store.saveDraft('sigmoid', 'z'.repeat(5000), null);
      expect(warnings.filter((w) => w.problem === 'quota')).toHaveLength(1);
      expect(storage.getItem(recordKey('sigmoid'))).toBe(saved);
      // This page still sees the latest code (the editor keeps it; the store mirrors it in memory).
      expect(store.get('sigmoid').latestCode).toBe('z'.repeat(5000));
      // Space frees up: the next write succeeds and persists the newest state.
      storage.quota = Infinity;
      expect(store.saveDraft('sigmoid', 'ok', null).ok).toBe(true);
      expect(JSON.parse(storage.getItem(recordKey('sigmoid'))!).latestCode).toBe('ok');
    });

    it('legacy quota errors (code 22) are recognised', () => {
      const storage = new MemoryStorage();
      storage.setItem = () => {
        throw Object.assign(new Error('full'), { name: 'Error', code: 22 });
      };
      const { store, warnings } = setup(storage);
      expect(store.saveDraft('a', 'x', null)).toMatchObject({ ok: false, reason: 'quota' });
      expect(warnings[0]!.problem).toBe('quota');
    });

    it('SecurityError on access: works in memory and warns', () => {
      const warnings: StoreWarning[] = [];
      const store = createProgressStore({
        storage: () => {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
        eventTarget: null,
      });
      store.onWarning((w) => warnings.push(w)); // warnings raised before subscribing are delivered
      expect(store.persistent).toBe(false);
      expect(warnings[0]!.problem).toBe('unavailable');
      expect(store.saveDraft('a', 'x', null)).toMatchObject({ ok: false, reason: 'unavailable' });
      expect(store.get('a').latestCode).toBe('x');
      expect(store.list()).toHaveLength(1);
    });

    it('a getItem that throws reads as empty instead of crashing', () => {
      const storage = new MemoryStorage();
      storage.getItem = () => {
        throw new DOMException('denied', 'SecurityError');
      };
      const { store } = setup(storage);
      expect(store.get('a').status).toBe('not-started');
    });
  });
});

describe('no lost work', () => {
  const stored = (storage: Storage, id = 'sigmoid') => JSON.parse(storage.getItem(recordKey(id)) ?? 'null');

  it('quota on the record: pending in memory, retried, and written once space frees up', () => {
    const storage = new FailingStorage();
    const { store, warnings } = setup(storage);
    expect(store.saveDraft('sigmoid', 'one', null).ok).toBe(true);
    storage.failWhen = (k) => k === recordKey('sigmoid');
    const res = store.saveDraft('sigmoid', 'two', null);
    expect(res).toMatchObject({ ok: false, reason: 'quota' });
    expect(store.info('sigmoid').pending).toBe('quota');
    expect(warnings.map((w) => w.problem)).toEqual(['quota']);
    expect(stored(storage).latestCode).toBe('one'); // what was saved stays
    expect(store.get('sigmoid').latestCode).toBe('two'); // the page keeps the newest
    expect(store.retry()[0]!.result.ok).toBe(false); // still full
    storage.failWhen = () => false;
    const [r] = store.retry();
    expect(r).toMatchObject({ exerciseId: 'sigmoid', result: { ok: true } });
    expect(stored(storage).latestCode).toBe('two');
    expect(store.info('sigmoid').pending).toBeNull();
  });

  it('quota on the record: this exercise\'s oldest versions make room for the newest work', () => {
    const storage = new MemoryStorage();
    const { store } = setup(storage);
    for (let i = 0; i < 6; i++) store.keepVersion('sigmoid', `v${i} `.repeat(300), 'run');
    const used = [...storage.map].reduce((n, [k, v]) => n + k.length + v.length, 0);
    storage.quota = used + 200; // too little for a 1 KB draft unless history gives way
    const res = store.saveDraft('sigmoid', 'd'.repeat(1000), null);
    expect(res.ok).toBe(true);
    expect(stored(storage).latestCode).toBe('d'.repeat(1000));
    expect(store.versions('sigmoid').length).toBeLessThan(6);
  });

  it('a pass is recorded even when the draft could not be saved, and says so when it cannot be', () => {
    const storage = new FailingStorage();
    const { store } = setup(storage);
    storage.failWhen = (k) => k === recordKey('sigmoid');
    expect(store.saveDraft('sigmoid', 'draft', 'v1').ok).toBe(false);
    storage.failWhen = () => false; // space is back by the time the run finishes
    const res = store.recordAttempt('sigmoid', attempt(true, 'good'));
    expect(res.ok).toBe(true);
    expect(stored(storage)).toMatchObject({ status: 'passed', passingCode: 'good', attempts: 1 });
    // Storage full during the run: the pass is not lost, it is pending and written later.
    storage.failWhen = (k) => k === recordKey('relu');
    const failed = store.recordAttempt('relu', attempt(true, 'r'));
    expect(failed).toMatchObject({ ok: false, reason: 'quota', record: { status: 'passed' } });
    storage.failWhen = () => false;
    store.retry();
    expect(stored(storage, 'relu')).toMatchObject({ status: 'passed', passingCode: 'r' });
  });

  it('storage gone after load (SecurityError on every write): pending, no throw, retried', () => {
    const storage = new FailingStorage();
    const { store, warnings } = setup(storage);
    store.saveDraft('sigmoid', 'before', null);
    storage.error = () => new DOMException('The operation is insecure.', 'SecurityError');
    storage.failWhen = () => true;
    expect(store.saveDraft('sigmoid', 'after', null)).toMatchObject({ ok: false, reason: 'unavailable' });
    expect(warnings.map((w) => w.problem)).toEqual(['unavailable']);
    expect(store.get('sigmoid').latestCode).toBe('after');
    storage.failWhen = () => false;
    store.retry();
    expect(stored(storage).latestCode).toBe('after');
  });

  it('a record from a newer version is shown, never rewritten, and this page\'s edits go to the history', () => {
    const storage = new FailingStorage();
    const future = JSON.stringify({
      ...emptyProgress('relu', fixedNow()),
      version: CURRENT_VERSION + 1,
      status: 'passed',
      latestCode: 'future code',
      passingCode: 'future pass',
      lastResult: { passed: true, score: 1, passedCases: 3, totalCases: 3, seed: 1, errorKind: null, at: fixedNow().toISOString(), extra: 'x' },
      somethingNew: { a: 1 },
    });
    storage.setItem(recordKey('relu'), future);
    const { store, warnings } = setup(storage);
    expect(store.get('relu')).toMatchObject({ status: 'passed', latestCode: 'future code', passingCode: 'future pass' });
    expect(store.info('relu').newerVersion).toBe(CURRENT_VERSION + 1);
    expect(warnings).toEqual([expect.objectContaining({ problem: 'newer-version', exerciseId: 'relu', newerVersion: CURRENT_VERSION + 1 })]);
    expect(peekStatus(storage, 'relu')).toBe('passed');
    const res = store.saveDraft('relu', 'edited here', null);
    expect(res).toMatchObject({ ok: true, savedTo: 'history' });
    store.saveDraft('relu', 'edited again', null);
    expect(store.recordAttempt('relu', attempt(false, 'a run'))).toMatchObject({ ok: false, reason: 'newer-version' });
    expect(storage.getItem(recordKey('relu'))).toBe(future); // byte for byte
    expect(store.get('relu')).toMatchObject({ status: 'passed', latestCode: 'a run' }); // this page's view
    // Consecutive edits are one entry (updated in place); the graded run is its own.
    expect(store.versions('relu').map((v) => [v.kind, v.code])).toEqual([
      ['run', 'a run'],
      ['older-page', 'edited again'],
    ]);
    expect(warnings).toHaveLength(1); // not called corrupt, no backup
    expect([...storage.map.keys()].some((k) => k.startsWith(BACKUP_PREFIX))).toBe(false);
  });

  it('unknown error kinds (added later) are not corrupt', () => {
    const storage = new MemoryStorage();
    const r = { ...emptyProgress('a', fixedNow()), lastResult: { passed: false, score: 0, passedCases: 0, totalCases: 2, seed: 1, errorKind: 'memory', at: fixedNow().toISOString() } };
    storage.setItem(recordKey('a'), JSON.stringify(r));
    const { store, warnings } = setup(storage);
    expect(store.get('a').lastResult?.errorKind).toBe('memory');
    expect(warnings).toEqual([]);
  });

  it('concurrent writers: counters add up, and a draft this tab never saw is kept as a version', () => {
    const storage = new MemoryStorage();
    const a = createProgressStore({ storage, now: fixedNow, writerId: 'A', eventTarget: null });
    const b = createProgressStore({ storage, now: fixedNow, writerId: 'B', eventTarget: null });
    a.saveDraft('sigmoid', 'a1', null);
    expect(b.get('sigmoid').latestCode).toBe('a1');
    b.saveDraft('sigmoid', 'b1', null);
    a.recordAttempt('sigmoid', attempt(false, 'a2'));
    b.recordAttempt('sigmoid', attempt(true, 'b2'));
    a.recordAttempt('sigmoid', attempt(false, 'a3'));
    const r = stored(storage);
    expect(r).toMatchObject({ attempts: 3, failedAttempts: 2, status: 'passed', passingCode: 'b2', latestCode: 'a3' });
    const kept = a.versions('sigmoid').map((v) => v.code);
    expect(kept).toContain('b1'); // A wrote over B's unseen draft: kept first
    expect(kept).toContain('b2');
    // A pending write merges with the other tab's progress instead of undoing it.
    const s2 = new FailingStorage();
    const c = createProgressStore({ storage: s2, now: fixedNow, writerId: 'C', eventTarget: null });
    const d = createProgressStore({ storage: s2, now: fixedNow, writerId: 'D', eventTarget: null });
    s2.failWhen = () => true;
    c.recordAttempt('x', attempt(false, 'c'));
    s2.failWhen = () => false;
    d.recordAttempt('x', attempt(true, 'd'));
    c.retry();
    expect(stored(s2, 'x')).toMatchObject({ status: 'passed', passingCode: 'd', latestCode: 'c' });
    expect(c.versions('x').map((v) => v.code)).toContain('d');
  });

  it('version history stays within its budget and entry count, newest kept', () => {
    const storage = new MemoryStorage();
    const { store } = setup(storage);
    for (let i = 0; i < 30; i++) store.keepVersion('sigmoid', `// ${i}\n${'x'.repeat(3000)}`, 'run');
    const raw = storage.getItem(versionsKey('sigmoid'))!;
    expect(raw.length + versionsKey('sigmoid').length).toBeLessThanOrEqual(VERSION_HISTORY_BUDGET_CHARS);
    const list = store.versions('sigmoid');
    expect(list.length).toBeLessThanOrEqual(VERSION_HISTORY_MAX_ENTRIES);
    expect(list[0]!.code.startsWith('// 29')).toBe(true);
    // An identical version is not kept twice.
    expect(store.keepVersion('sigmoid', list[0]!.code, 'run')).toBe(true);
    expect(store.versions('sigmoid')).toHaveLength(list.length);
  });
});
