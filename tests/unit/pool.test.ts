// The realm pool with in-memory realms: what it promises, independent of any host.
import { describe, expect, it } from 'vitest';
import type { RealmChannel, RealmExit } from '../../src/runtime/channel';
import { createPool } from '../../src/runtime/pool';

interface FakeRealm extends RealmChannel {
  id: number;
  killed: boolean;
  crash(): void;
}

/** A realm that answers a job {ms, reply} after ms milliseconds (or never, for ms < 0). */
function fakeSpawner() {
  let next = 0;
  const realms: FakeRealm[] = [];
  let active = 0;
  let maxActive = 0;
  const spawn = async (): Promise<RealmChannel> => {
    let onMessage: (d: unknown) => void = () => undefined;
    let onExit: (e: RealmExit) => void = () => undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const realm: FakeRealm = {
      id: next++,
      killed: false,
      post(job) {
        active++;
        maxActive = Math.max(maxActive, active);
        const { ms } = job as { ms: number };
        if (ms >= 0) timer = setTimeout(() => onMessage({ realm: realm.id }), ms);
      },
      onMessage: (l) => (onMessage = l),
      onExit: (l) => (onExit = l),
      kill() {
        if (realm.killed) return;
        realm.killed = true;
        active--;
        clearTimeout(timer);
      },
      crash() {
        onExit({ reason: 'crash' });
      },
    };
    realms.push(realm);
    return realm;
  };
  return { spawn, realms, maxActive: () => maxActive };
}

describe('realm pool', () => {
  it('respects its concurrency', async () => {
    const s = fakeSpawner();
    const pool = createPool({ spawn: s.spawn, size: 2 });
    const out = await Promise.all([1, 2, 3, 4, 5].map(() => pool.run({ ms: 20 }, { timeoutMs: 1000, onMessage: () => true })));
    expect(out.every((o) => o.status === 'done')).toBe(true);
    expect(s.maxActive()).toBe(2);
    pool.dispose();
  });

  it('gives every job a fresh realm and kills it afterwards', async () => {
    const s = fakeSpawner();
    const pool = createPool({ spawn: s.spawn, size: 1 });
    const seen: number[] = [];
    for (let i = 0; i < 3; i++) await pool.run({ ms: 1 }, { timeoutMs: 1000, onMessage: (d) => (seen.push((d as { realm: number }).realm), true) });
    expect(new Set(seen).size).toBe(3);
    expect(s.realms.filter((r) => seen.includes(r.id)).every((r) => r.killed)).toBe(true);
    pool.dispose();
  });

  it("one job's timeout never delays another", async () => {
    const s = fakeSpawner();
    const pool = createPool({ spawn: s.spawn, size: 2 });
    // State, not a stopwatch: the fast job is done while the hung one is still waiting for its timeout.
    let slowSettled = false;
    const slow = pool.run({ ms: -1 }, { timeoutMs: 2000, onMessage: () => true }).finally(() => (slowSettled = true));
    const fast = await pool.run({ ms: 5 }, { timeoutMs: 1000, onMessage: () => true });
    expect(fast.status).toBe('done');
    expect(slowSettled).toBe(false);
    expect((await slow).status).toBe('timeout');
    pool.dispose();
  });

  it('cancel stops running and queued jobs', async () => {
    const s = fakeSpawner();
    const pool = createPool({ spawn: s.spawn, size: 1 });
    const ac = new AbortController();
    const jobs = [1, 2, 3].map(() => pool.run({ ms: -1 }, { timeoutMs: 10_000, onMessage: () => true, signal: ac.signal }));
    await new Promise((r) => setTimeout(r, 10));
    ac.abort();
    const out = await Promise.all(jobs);
    expect(out.map((o) => o.status)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    expect(s.realms.filter((r) => !r.killed && r.id < 1)).toEqual([]);
    pool.dispose();
  });

  it('a realm that dies is reported, and the next job gets a new one', async () => {
    const s = fakeSpawner();
    const pool = createPool({ spawn: s.spawn, size: 1 });
    const dying = pool.run({ ms: -1 }, { timeoutMs: 5000, onMessage: () => true });
    await new Promise((r) => setTimeout(r, 5));
    s.realms.find((r) => !r.killed)!.crash();
    expect((await dying).status).toBe('crashed');
    expect((await pool.run({ ms: 1 }, { timeoutMs: 1000, onMessage: () => true })).status).toBe('done');
    pool.dispose();
  });

  it('keeps spares ready while idle', async () => {
    const s = fakeSpawner();
    const pool = createPool({ spawn: s.spawn, size: 2, prespawn: 2 });
    await pool.ready();
    expect(s.realms.length).toBe(2);
    pool.dispose();
    expect(s.realms.every((r) => r.killed)).toBe(true);
  });
});

describe('gradeMany', () => {
  it('grades every submission in order, in parallel, and a hung one costs only its own timeout', async () => {
    const { gradeMany } = await import('../../src/runtime/grade-many');
    const { createNodeReference } = await import('../../src/cli/node-reference');
    const { spawnNodeRealm } = await import('../../src/cli/node-realm');
    const { loadExerciseMeta, exerciseFile } = await import('../../src/cli/exercises');
    const { readFileSync } = await import('node:fs');
    const meta = { ...loadExerciseMeta('sigmoid'), timeoutMs: 4000 };
    const solution = readFileSync(exerciseFile('sigmoid', 'solution.ts'), 'utf8');
    const hung = `export function sigmoid(z: any) { while (true) {} }`;
    const pool = createPool({ spawn: spawnNodeRealm, size: 2 });
    const progress: number[] = [];
    try {
      const reports = await gradeMany(pool, createNodeReference(), [solution, hung, solution, solution].map((code, i) => ({ meta, code, seed: i + 1 })), {
        concurrency: 2,
        // A loaded machine can make a correct run miss its deadline in parallel: it is re-run alone.
        retryTimeouts: true,
        onProgress: (done) => progress.push(done),
      });
      expect(reports.map((r) => r.passed)).toEqual([true, false, true, true]);
      expect(reports[1]!.error?.kind).toBe('timeout');
      expect(progress).toEqual([1, 2, 3, 4]);
    } finally {
      pool.dispose();
    }
  }, 60_000);
});

describe('a learner process that finishes and exits', () => {
  it('is never a crash: 30 correct submissions through the Node pool all pass', async () => {
    // The child writes its last event and exits; 'exit' used to arrive before those bytes were read
    // (about 1 in 60 runs), and a correct answer was reported as a crash.
    const { gradeMany } = await import('../../src/runtime/grade-many');
    const { createNodeReference } = await import('../../src/cli/node-reference');
    const { spawnNodeRealm } = await import('../../src/cli/node-realm');
    const { loadExerciseMeta, exerciseFile } = await import('../../src/cli/exercises');
    const { readFileSync } = await import('node:fs');
    const ids = ['relu', 'sigmoid', 'param-count'];
    const subs = Array.from({ length: 30 }, (_, i) => {
      const id = ids[i % ids.length]!;
      return { meta: { ...loadExerciseMeta(id), timeoutMs: 20_000 }, code: readFileSync(exerciseFile(id, 'solution.ts'), 'utf8'), seed: i };
    });
    const pool = createPool({ spawn: spawnNodeRealm, size: 2, prespawn: 2 });
    try {
      const reports = await gradeMany(pool, createNodeReference(), subs, { concurrency: 2 });
      expect(reports.filter((r) => !r.passed).map((r) => `${r.exercise}#${r.seed}: ${r.error?.message ?? ''}`)).toEqual([]);
    } finally {
      pool.dispose();
    }
  }, 300_000);
});
