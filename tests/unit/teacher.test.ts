// The teacher's side: the export format, reading hostile files, verdicts, merging on import,
// the CSV, similarity, and the grade-exports CLI contract on tests/fixtures/exports/.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, openSync, ftruncateSync, closeSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildExport, exportFileName, progressExportSchema } from '../../src/progress/export-format';
import { planImport } from '../../src/progress/import';
import { createProgressStore } from '../../src/progress/store';
import { buildClass, codeToGrade, gradeTasks } from '../../src/teacher/class';
import { toCsv } from '../../src/teacher/csv';
import { checkExportSize, readExport } from '../../src/teacher/read-export';
import { toCliJson, studentResult } from '../../src/teacher/results';
import { normalizeTokens, similarSubmissions } from '../../src/teacher/similarity';
import { HIGHLIGHT_TOKEN } from '../../src/teacher/tokens';
import { verdictOf } from '../../src/teacher/verdict';

const FIXTURES = join(process.cwd(), 'tests/fixtures/exports');
const BIN = join(process.cwd(), 'src/cli/bin.mjs');
const KNOWN = new Set(['sigmoid', 'relu', 'param-count', 'softmax']);
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

class MemoryStorage implements Storage {
  map = new Map<string, string>();
  get length() {
    return this.map.size;
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.map.set(k, String(v));
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
  clear() {
    this.map.clear();
  }
}

let clock = Date.parse('2026-11-20T08:00:00.000Z');
const tick = () => new Date((clock += 60_000));

describe('export format', () => {
  it('round-trips: store records → export → JSON → readExport gives the same export', () => {
    const store = createProgressStore({ storage: new MemoryStorage(), now: tick, eventTarget: null });
    store.saveDraft('relu', 'export const relu = 1;', 'v1');
    store.recordAttempt('sigmoid', { passed: true, score: 1, passedCases: 6, totalCases: 6, seed: 9, errorKind: null, code: 'export function sigmoid() {}', exerciseVersion: 'v2' });
    store.saveDraft('cell:ch1:1', 'not an exercise', null);
    const exp = buildExport(store.list(), { name: ' 张三 ', id: ' s001 ' }, 'build-1', KNOWN, new Date('2026-11-25T10:00:00.000Z'));
    expect(exp.student).toEqual({ name: '张三', id: 's001' });
    expect(exp.exercises.map((e) => e.id)).toEqual(['relu', 'sigmoid']);
    expect(Object.keys(exp)).toEqual(['format', 'version', 'courseBuild', 'student', 'exportedAt', 'exercises']);
    expect(Object.keys(exp.exercises[0]!).sort()).toEqual(
      ['attempts', 'exerciseVersion', 'firstAttemptAt', 'id', 'lastAttemptAt', 'lastResult', 'latestCode', 'passedAt', 'passingCode', 'status'].sort(),
    );
    const back = readExport(JSON.stringify(exp), KNOWN);
    expect(back).toEqual({ ok: true, value: exp, warnings: [] });
    expect(progressExportSchema.parse(exp)).toEqual(exp);
    expect(exp.exercises[1]).toMatchObject({ status: 'passed', attempts: 1, passingCode: 'export function sigmoid() {}', lastResult: { passed: true, seed: 9 } });
  });

  it('file name is <studentid>-<YYYY-MM-DD>.dlcourse.json, with unsafe characters replaced', () => {
    expect(exportFileName('s001', new Date(2026, 10, 5, 12))).toBe('s001-2026-11-05.dlcourse.json');
    expect(exportFileName('../a/b:c', new Date(2026, 0, 1, 12))).toBe('__a_b_c-2026-01-01.dlcourse.json');
  });
});

describe('reading export files', () => {
  it.each([
    ['bad-truncated.dlcourse.json', 'not-json'],
    ['bad-wrong-format.dlcourse.json', 'wrong-format'],
    ['bad-future-version.dlcourse.json', 'future-version'],
    ['bad-missing-fields.dlcourse.json', 'invalid'],
  ])('%s is refused with code %s', (name, code) => {
    const r = readExport(fixture(name), KNOWN);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe(code);
  });

  it('missing fields are named', () => {
    const r = readExport(fixture('bad-missing-fields.dlcourse.json'), KNOWN);
    expect(!r.ok && r.error.detail).toContain('student');
  });

  it('a file over 5 MB is refused by its size alone', () => {
    expect(checkExportSize(50 * 1024 * 1024)?.code).toBe('too-large');
    expect(checkExportSize(4 * 1024 * 1024)).toBeNull();
  });

  it('__proto__ and constructor keys never pollute objects, and unknown ids are only a warning', () => {
    const r = readExport(fixture('s004-proto.dlcourse.json'), KNOWN);
    expect(r.ok).toBe(true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>)['polluted']).toBeUndefined();
    if (!r.ok) return;
    expect(Object.getPrototypeOf(r.value)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(r.value.student)).toBe(Object.prototype);
    expect(Object.keys(r.value.student)).toEqual(['name', 'id']);
    expect(r.warnings).toEqual([{ code: 'unknown-exercise', ids: ['__proto__', 'constructor', 'no-such-exercise'] }]);
    const cls = buildClass([{ file: 'p', value: r.value, warnings: r.warnings }], KNOWN);
    expect([...cls[0]!.exercises.keys()]).toEqual(['relu']);
    const json = toCliJson({ files: 1, students: [studentResult(cls[0]!, ['__proto__', 'relu'], new Map())], errors: [] });
    expect(Object.getPrototypeOf(json.students[0]!.exercises)).toBeNull();
    expect(Object.keys(json.students[0]!.exercises)).toEqual(['__proto__', 'relu']);
  });
});

describe('verdicts', () => {
  it('state the four outcomes', () => {
    expect(verdictOf('passed', true)).toBe('verified');
    expect(verdictOf('in-progress', true)).toBe('verified');
    expect(verdictOf('passed', false)).toBe('mismatch');
    expect(verdictOf('passed', null)).toBe('mismatch');
    expect(verdictOf('in-progress', false)).toBe('not-passed');
    expect(verdictOf('not-started', null)).toBe('not-attempted');
  });

  it('re-grade the passing code when passed, else the latest code', () => {
    const base = { id: 'relu', exerciseVersion: null, attempts: 1, firstAttemptAt: null, lastAttemptAt: null, passedAt: null, lastResult: null };
    expect(codeToGrade({ ...base, status: 'passed', latestCode: 'draft', passingCode: 'pass' })).toBe('pass');
    expect(codeToGrade({ ...base, status: 'in-progress', latestCode: 'draft', passingCode: 'pass' })).toBe('draft');
    expect(codeToGrade({ ...base, status: 'in-progress', latestCode: '  \n', passingCode: null })).toBeNull();
  });

  it('the newest exportedAt wins among duplicate exports of one student', () => {
    const files = ['s001-older.dlcourse.json', 's001-honest.dlcourse.json'].map((f) => {
      const r = readExport(fixture(f), KNOWN);
      if (!r.ok) throw new Error(f);
      return { file: f, value: r.value, warnings: r.warnings };
    });
    for (const order of [files, [...files].reverse()]) {
      const cls = buildClass(order, KNOWN);
      expect(cls).toHaveLength(1);
      expect(cls[0]!.file).toBe('s001-honest.dlcourse.json');
      expect(cls[0]!.superseded).toEqual([{ file: 's001-older.dlcourse.json', exportedAt: '2026-11-21T10:00:00.000Z', reason: 'older' }]);
      expect(gradeTasks(cls, ['sigmoid', 'relu', 'param-count']).map((t) => t.exercise)).toEqual(['sigmoid', 'relu']);
    }
  });
});

describe('identities that could be spoofed', () => {
  const honest = () => {
    const r = readExport(fixture('s001-honest.dlcourse.json'), KNOWN);
    if (!r.ok) throw new Error('fixture');
    return r.value;
  };
  const loaded = (file: string, value: ReturnType<typeof honest>) => ({ file, value, warnings: [] });
  const NOW = new Date('2026-11-26T00:00:00.000Z');

  it('an id with U+200B, a bidi mark or a full-width digit is the same student, and both files are flagged', () => {
    for (const spoof of ['s001\u200b', '\u200es001', 's\uff10\uff10\uff11', ' s001\u2066 ']) {
      const v = honest();
      const forged = { ...v, student: { ...v.student, id: spoof }, exportedAt: '2026-11-25T11:00:00.000Z' };
      const cls = buildClass([loaded('victim.json', v), loaded('forged.json', forged)], KNOWN, NOW);
      expect(cls, JSON.stringify(spoof)).toHaveLength(1);
      expect(cls[0]!.id).toBe('s001');
      expect(cls[0]!.flags.map((f) => f.code)).toContain('lookalike-id');
      expect(cls[0]!.superseded).toEqual([{ file: 'victim.json', exportedAt: '2026-11-25T10:00:00.000Z', reason: 'older' }]);
    }
  });

  it('an id that only looks the same (Cyrillic letters) stays apart, and is flagged as a look-alike of the other', () => {
    const v = honest();
    const forged = { ...v, student: { ...v.student, id: '\u0455001' } };
    const cls = buildClass([loaded('victim.json', v), loaded('forged.json', forged)], KNOWN, NOW);
    expect(cls).toHaveLength(2);
    for (const s of cls) expect(s.flags.map((f) => f.code)).toContain('lookalike-id');
  });

  it('a future exportedAt never wins silently: it is flagged, and the file it displaced is listed with its reason', () => {
    const v = honest();
    const forged = { ...v, exportedAt: '9999-12-31T00:00:00.000Z', student: { ...v.student, name: '张三 ' }, exercises: v.exercises.map((e) => ({ ...e, attempts: 1, firstAttemptAt: '2026-11-25T09:00:00.000Z' })) };
    const cls = buildClass([loaded('victim.json', v), loaded('forged.json', forged)], KNOWN, NOW);
    expect(cls).toHaveLength(1);
    const codes = cls[0]!.flags.map((f) => f.code).sort();
    expect(codes).toEqual(['future-date', 'history-differs']);
    expect(cls[0]!.superseded).toEqual([{ file: 'victim.json', exportedAt: '2026-11-25T10:00:00.000Z', reason: 'older' }]);
    // The JSON output names every file, the displaced one included, and the flags.
    const json = toCliJson({ files: 2, students: cls.map((s) => studentResult(s, ['sigmoid'], new Map())), errors: [] });
    expect(JSON.stringify(json)).toContain('victim.json');
    expect(json.students[0]!.flags.map((f: { code: string }) => f.code)).toContain('future-date');
  });

  it('the same id with another name is flagged with both names', () => {
    const v = honest();
    const other = { ...v, student: { ...v.student, name: '李四' }, exportedAt: '2026-11-25T11:00:00.000Z' };
    const cls = buildClass([loaded('a.json', v), loaded('b.json', other)], KNOWN, NOW);
    const flag = cls[0]!.flags.find((f) => f.code === 'name-differs');
    expect(flag && 'names' in flag ? [...flag.names].sort() : []).toEqual(['张三', '李四']);
  });

  it('a later export that only adds attempts is a plain newer file, with no flag', () => {
    const v = honest();
    const later = { ...v, exportedAt: '2026-11-25T12:00:00.000Z', exercises: v.exercises.map((e) => ({ ...e, attempts: e.attempts + 2 })) };
    const cls = buildClass([loaded('a.json', v), loaded('b.json', later)], KNOWN, NOW);
    expect(cls[0]!.flags).toEqual([]);
    expect(cls[0]!.file).toBe('b.json');
  });

  it('names and ids lose control and bidi characters before anything shows them', () => {
    const v = honest();
    const evil = { ...v, student: { name: '\u202e张三\u001b]0;x\u0007', id: 's001' } };
    const [s] = buildClass([loaded('a.json', evil)], KNOWN, NOW);
    expect(s!.name).toBe('张三]0;x');
  });
});

describe('importing one’s own export', () => {
  it('keeps newer local work: a conflict is planned, and the losing code stays in the history', () => {
    const storage = new MemoryStorage();
    const store = createProgressStore({ storage, now: tick, eventTarget: null, writerId: 'a' });
    store.recordAttempt('relu', { passed: true, score: 1, passedCases: 7, totalCases: 7, seed: 1, errorKind: null, code: 'old pass', exerciseVersion: 'v' });
    const exported = buildExport(store.list(), { name: 'x', id: 's' }, 'b', KNOWN, tick());
    // Later, on this computer: a newer draft. Then the older export comes back.
    store.saveDraft('relu', 'newer local draft', 'v');
    store.saveDraft('sigmoid', 'only local', 'v');
    const other = { ...exported, exercises: [...exported.exercises, { ...exported.exercises[0]!, id: 'softmax', latestCode: 'from file', passingCode: null, status: 'in-progress' as const }] };
    const plan = planImport(other, (id) => store.get(id), KNOWN);
    expect(plan.map((p) => [p.id, p.kind, p.newer])).toEqual([
      ['relu', 'conflict', 'local'],
      ['softmax', 'new', 'imported'],
    ]);
    // The learner keeps the newer local draft: nothing is lost, counters don't go back.
    store.importEntry('relu', plan[0]!.entry, 'local');
    store.importEntry('softmax', plan[1]!.entry, 'imported');
    expect(store.get('relu')).toMatchObject({ latestCode: 'newer local draft', passingCode: 'old pass', status: 'passed', attempts: 1 });
    expect(store.get('softmax')).toMatchObject({ latestCode: 'from file', status: 'in-progress' });
    expect(store.get('sigmoid').latestCode).toBe('only local');
    // Choosing the file's code keeps the local draft as an earlier version.
    store.importEntry('relu', { ...plan[0]!.entry, latestCode: 'file draft' }, 'imported');
    expect(store.get('relu').latestCode).toBe('file draft');
    expect(store.versions('relu').map((v) => v.code)).toContain('newer local draft');
  });

  it('dates decide as instants: a draft run at 21:00+14:00 (07:00Z) is older than a local draft saved at 08:00Z', () => {
    const store = createProgressStore({ storage: new MemoryStorage(), now: () => new Date('2026-11-20T08:00:00.000Z'), eventTarget: null });
    store.saveDraft('relu', 'local draft', 'v');
    const exp = buildExport([], { name: 'x', id: 's' }, 'b', KNOWN, new Date('2026-11-19T00:00:00.000Z'));
    const entry = { id: 'relu', exerciseVersion: null, status: 'in-progress' as const, attempts: 1, firstAttemptAt: '2026-11-20T21:00:00+14:00', lastAttemptAt: '2026-11-20T21:00:00+14:00', passedAt: null, latestCode: 'file draft', passingCode: null, lastResult: null };
    const plan = planImport({ ...exp, exercises: [entry] }, (id) => store.get(id), KNOWN);
    expect(plan.map((p) => [p.kind, p.newer])).toEqual([['conflict', 'local']]);
    // Merged, the earliest first attempt and the latest last attempt are chosen by instant too.
    store.importEntry('relu', { ...entry, firstAttemptAt: '2026-11-20T09:00:00+14:00', lastAttemptAt: '2026-11-20T23:30:00+14:00' }, 'local');
    expect(store.get('relu')).toMatchObject({ latestCode: 'local draft', firstAttemptAt: '2026-11-20T09:00:00+14:00' });
  });

  it('an identical entry is planned as unchanged', () => {
    const store = createProgressStore({ storage: new MemoryStorage(), now: tick, eventTarget: null });
    store.saveDraft('relu', 'same', 'v');
    const exp = buildExport(store.list(), { name: 'x', id: 's' }, 'b', KNOWN, tick());
    expect(planImport(exp, (id) => store.get(id), KNOWN).map((p) => p.kind)).toEqual(['same']);
  });
});

describe('CSV', () => {
  it('quotes separators and guards spreadsheet formulas', () => {
    expect(toCsv(['a', 'b'], [['=HYPERLINK("x")', 'x,y'], ['-1+2', 3]])).toBe('a,b\r\n"\'=HYPERLINK(""x"")","x,y"\r\n\'-1+2,3\r\n');
  });
});

describe('similar submissions', () => {
  const long = (name: string, op: string) => `
    export function softmax(${name}: tf.Tensor): tf.Tensor {
      // subtract the max for stability
      const m = tf.max(${name}, -1, true);
      const shifted = tf.sub(${name}, m);
      const e = tf.${op}(shifted);
      const total = tf.sum(e, -1, true);
      return tf.div(e, total);
    }`;
  it('renamed variables and comments count as identical', () => {
    expect(normalizeTokens(long('z', 'exp'))).toEqual(normalizeTokens(long('logits', 'exp').replace('// subtract the max for stability', '/* other */')));
    const groups = similarSubmissions('softmax', [
      { student: 'a', code: long('z', 'exp') },
      { student: 'b', code: long('logits', 'exp') },
      { student: 'c', code: long('z', 'log') + '\n const extra = tf.add(1, 2); const more = tf.mul(3, 4);' },
    ]);
    expect(groups).toEqual([{ exercise: 'softmax', students: ['a', 'b'], kind: 'identical', similarity: 1 }]);
  });
  it('short code and the ignored (starter/solution) code are never flagged', () => {
    expect(similarSubmissions('relu', [{ student: 'a', code: 'return tf.maximum(z, 0)' }, { student: 'b', code: 'return tf.maximum(z, 0)' }])).toEqual([]);
    expect(similarSubmissions('softmax', [{ student: 'a', code: long('z', 'exp') }, { student: 'b', code: long('q', 'exp') }], [long('x', 'exp')])).toEqual([]);
  });
});

describe('grade-exports CLI', () => {
  const run = (...args: string[]) => spawnSync(process.execPath, [BIN, 'grade-exports', ...args], { encoding: 'utf8', timeout: 240_000 });

  it('on the fixtures: one JSON object, each file its own verdict or error, exit 2 for the unreadable ones', () => {
    const r = run(FIXTURES, '--json', '--seed', '5');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(''); // no progress bar on a non-TTY stderr
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const out = JSON.parse(lines[0]!);
    expect(Object.keys(out)).toEqual(['students', 'errors', 'summary']);
    const bad = out.errors.map((e: { file: string }) => e.file.split('/').pop()).sort();
    expect(bad).toEqual(['bad-future-version.dlcourse.json', 'bad-missing-fields.dlcourse.json', 'bad-truncated.dlcourse.json', 'bad-wrong-format.dlcourse.json']);
    for (const e of out.errors) expect(e.message).toMatch(/[\u4e00-\u9fff]/);
    const by = Object.fromEntries(out.students.map((s: { id: string }) => [s.id, s]));
    expect(Object.keys(by).sort()).toEqual(['s001', 's002', 's003<script>window.__xss=2</script>', 's004', 's005', 's006']);
    const v = (id: string, ex: string) => by[id].exercises[ex];
    expect(by['s001'].file).toMatch(/s001-honest/);
    expect(Object.keys(by['s001'])).toEqual(['id', 'name', 'file', 'exportedAt', 'superseded', 'flags', 'exercises']);
    // The look-alike id (a zero-width space) joins s001's group: listed as superseded, and flagged.
    expect(by['s001'].superseded).toEqual([
      { file: expect.stringContaining('s001-lookalike'), exportedAt: '2026-11-22T10:00:00.000Z', reason: 'older' },
      { file: expect.stringContaining('s001-older'), exportedAt: '2026-11-21T10:00:00.000Z', reason: 'older' },
    ]);
    expect(by['s001'].flags.map((f: { code: string }) => f.code)).toContain('lookalike-id');
    expect(v('s001', 'sigmoid')).toEqual({ reported: 'passed', verdict: 'verified', score: 1 });
    expect(v('s001', 'relu')).toMatchObject({ reported: 'in-progress', verdict: 'not-passed' });
    expect(v('s001', 'param-count')).toEqual({ reported: 'not-started', verdict: 'not-attempted', score: 0 });
    expect(v('s002', 'sigmoid')).toMatchObject({ reported: 'passed', verdict: 'mismatch' });
    expect(v('s002', 'relu')).toMatchObject({ verdict: 'verified' });
    expect(v('s002', 'param-count')).toMatchObject({ verdict: 'mismatch', error: { kind: 'no-code' } });
    expect(by['s003<script>window.__xss=2</script>'].name).toBe('<img src=x onerror="window.__xss=1;alert(1)">');
    expect(v('s004', 'relu')).toMatchObject({ verdict: 'verified' });
    expect(v('s005', 'sigmoid')).toMatchObject({ verdict: 'mismatch', error: { kind: 'timeout' } });
    expect(v('s005', 'relu')).toMatchObject({ verdict: 'mismatch', error: { kind: 'banned' } });
    expect(v('s005', 'param-count')).toMatchObject({ verdict: 'mismatch', score: 0 });
    // The saboteur's submissions share one realm: its patches and leftovers change nothing after it.
    expect(v('s006', 'sigmoid')).toMatchObject({ verdict: 'mismatch' });
    expect(v('s006', 'relu')).toEqual({ reported: 'passed', verdict: 'verified', score: 1 });
    expect(v('s006', 'softmax')).toMatchObject({ verdict: 'mismatch' });
    expect(out.summary).toEqual({ files: 12, students: 6, verified: 5, mismatches: 7, errors: 4 });
  }, 240_000);

  it('exit 0 when every file was read, even with mismatches; --csv writes nbgrader-like rows', () => {
    const dir = mkdtempSync(join(tmpdir(), 'exports-'));
    copyFileSync(join(FIXTURES, 's002-forged.dlcourse.json'), join(dir, 's002.dlcourse.json'));
    const csv = join(dir, 'out.csv');
    const r = run(join(dir, 's002.dlcourse.json'), '--csv', csv, '--jobs', '2');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('不一致 2');
    const rows = readFileSync(csv, 'utf8').trim().split('\r\n');
    expect(rows[0]).toBe('student_id,name,exercise,reported,verdict,score,max_score,attempts,passed_at');
    expect(rows).toContain('s002,李四,relu,passed,verified,1,1,1,2026-11-19T10:00:00.000Z');
    expect(rows.find((x) => x.startsWith('s002,李四,sigmoid,'))).toMatch(/^s002,李四,sigmoid,passed,mismatch,/);
  }, 120_000);

  it('one export whose code hangs the compiler costs only its own verdict; names reach the terminal sanitised', () => {
    const dir = mkdtempSync(join(tmpdir(), 'exports-'));
    copyFileSync(join(FIXTURES, 's001-honest.dlcourse.json'), join(dir, 's001.dlcourse.json'));
    const honest = JSON.parse(fixture('s001-honest.dlcourse.json'));
    const bomb = `import * as tf from '@tensorflow/tfjs';\nexport const relu = ${'<T>('.repeat(28)}x${')'.repeat(28)};\n`;
    const hostile = {
      ...honest,
      student: { id: 's007', name: '\u001b]0;pwned\u0007\u009b2J王五\u202e' },
      exercises: [{ ...honest.exercises[0], id: 'relu', status: 'passed', latestCode: bomb, passingCode: bomb }],
    };
    writeFileSync(join(dir, 's007.dlcourse.json'), JSON.stringify(hostile));
    const r = run(dir, '--jobs', '2');
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(r.stdout).toMatch(/s007 .*王五/);
    expect(r.stdout).toMatch(/⚠ relu .*运行超时/);
    expect(r.stdout).toMatch(/✓ sigmoid/);
  }, 120_000);

  it('a 50 MB file is refused by size, unread, and the rest still grade', () => {
    const dir = mkdtempSync(join(tmpdir(), 'exports-'));
    const big = join(dir, 'huge.dlcourse.json');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, 50 * 1024 * 1024);
    closeSync(fd);
    writeFileSync(join(dir, 'ok.dlcourse.json'), fixture('s004-proto.dlcourse.json'));
    const r = run(dir, '--json');
    expect(r.status).toBe(2);
    const out = JSON.parse(r.stdout);
    expect(out.errors).toHaveLength(1);
    expect(out.errors[0].file).toBe(big);
    expect(out.errors[0].message).toContain('5 MB');
    expect(out.summary).toMatchObject({ files: 2, students: 1, verified: 1, errors: 1 });
  }, 120_000);

  it('usage errors exit 2 with the usage text; a missing file is named and exits 2', () => {
    const r = run('--jobs', '0', FIXTURES);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('用法');
    expect(run().status).toBe(2);
    const missing = run('/no/such/file.dlcourse.json', '--json');
    expect(missing.status).toBe(2);
    expect(JSON.parse(missing.stdout).errors[0]).toMatchObject({ file: '/no/such/file.dlcourse.json' });
  });
});

describe("tokenising students' code stays linear on hostile input", () => {
  // Each of these took hours with patterns that rescan the rest of the file or line at every
  // opening: the test's upper bound (not a wait) is far above what a linear pass needs.
  const hostile = {
    'unclosed comments': '/* '.repeat(100_000),
    'unclosed templates': '`\\'.repeat(100_000),
    'unclosed quotes on one line': "'\\".repeat(100_000),
    'unclosed double quotes': '"\\'.repeat(100_000),
  };
  it.each(Object.entries(hostile))('%s', (_name, code) => {
    expect(Array.isArray(normalizeTokens(code))).toBe(true);
    expect([...code.matchAll(HIGHLIGHT_TOKEN)].length).toBeGreaterThan(0);
  }, 10_000);

  it('still tells comments, strings, numbers and keywords apart', () => {
    const kinds = [...`const a = 'x'; // hi\n/* c */ return 3;`.matchAll(HIGHLIGHT_TOKEN)].map((m) => m.slice(1).findIndex((g) => g !== undefined) + 1);
    expect(kinds).toEqual([4, 2, 1, 1, 4, 3]);
  });
});
