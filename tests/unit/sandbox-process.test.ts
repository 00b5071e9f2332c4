// The Node learner process, tested as if learner code had escaped the compartment: even with
// `process` in hand it can't read the checkout, write, spawn, open the inspector or the network.
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { learnerNodeFlags, networkIsolationPrefix, spawnNodeRealm } from '../../src/cli/node-realm';
import { createPool } from '../../src/runtime/pool';

const dir = mkdtempSync(join(tmpdir(), 'realm-probe-'));
const SOLUTION = resolve('exercises/sigmoid/solution.ts');

/** Runs `body` as a CommonJS script with exactly the learner process's permissions. */
function probe(body: string, prefix: string[] = []): { status: number | null; out: string } {
  const file = join(dir, `probe-${Math.random().toString(36).slice(2)}.cjs`);
  writeFileSync(file, `let out; try { out = (() => { ${body} })(); } catch (e) { out = 'DENIED ' + (e.code || e.message); }\nprocess.stdout.write(String(out));`);
  const cmd = [...prefix, process.execPath, ...learnerNodeFlags([file]), file];
  const r = spawnSync(cmd[0]!, cmd.slice(1), { encoding: 'utf8', env: {}, timeout: 10_000 });
  return { status: r.status, out: r.stdout };
}

describe('learner process permissions', () => {
  it('cannot read the solution or anything else in the checkout', () => {
    expect(probe(`return require('fs').readFileSync(${JSON.stringify(SOLUTION)}, 'utf8')`).out).toMatch(/^DENIED ERR_ACCESS_DENIED/);
    expect(probe(`return require('fs').readdirSync(${JSON.stringify(resolve('src/grader'))}).join()`).out).toMatch(/^DENIED ERR_ACCESS_DENIED/);
  });
  it('cannot write any file', () => {
    expect(probe(`require('fs').writeFileSync(${JSON.stringify(join(dir, 'written'))}, 'x'); return 'wrote'`).out).toMatch(/^DENIED ERR_ACCESS_DENIED/);
  });
  it('cannot spawn a process or a worker', () => {
    expect(probe(`return require('child_process').spawnSync('true').status`).out).toMatch(/^DENIED ERR_ACCESS_DENIED/);
    expect(probe(`const { Worker } = require('worker_threads'); new Worker('1', { eval: true }); return 'spawned'`).out).toMatch(/^DENIED ERR_ACCESS_DENIED/);
  });
  it('cannot open the inspector or load an addon', () => {
    expect(probe(`require('inspector').open(0); return 'opened'`).out).toMatch(/^DENIED/);
    expect(probe(`process.dlopen({ exports: {} }, '/nonexistent.node'); return 'loaded'`).out).toMatch(/^DENIED ERR_DLOPEN_DISABLED/);
  });
  it.skipIf(networkIsolationPrefix() === null)('has no network where the OS gives it a namespace of its own', async () => {
    const server = createServer((s) => s.end('hello'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    try {
      // The namespace has no interface but its own (down) loopback, so the host's listener is unreachable.
      const ifaces = probe(`return Object.keys(require('os').networkInterfaces()).join(',') || 'none'`, networkIsolationPrefix()!);
      expect(ifaces.out).not.toMatch(/eth|ens|wlan/);
      const file = join(dir, 'connect.cjs');
      writeFileSync(file, `const s = require('net').connect(${port}, '127.0.0.1'); s.on('data', () => { process.stdout.write('REACHED'); process.exit(0); }); s.on('error', (e) => { process.stdout.write('refused ' + e.code); process.exit(0); }); setTimeout(() => { process.stdout.write('timeout'); process.exit(0); }, 3000);`);
      const cmd = [...networkIsolationPrefix()!, process.execPath, ...learnerNodeFlags([file]), file];
      const r = await new Promise<string>((res) => {
        const c = spawn(cmd[0]!, cmd.slice(1), { env: {} });
        let out = '';
        c.stdout.on('data', (d: Buffer) => (out += d));
        c.on('exit', () => res(out));
      });
      expect(r).not.toContain('REACHED');
      expect(r).toMatch(/refused|timeout/);
    } finally {
      server.close();
    }
  });
});

describe('learner process limits', () => {
  it('a stopped (SIGSTOP) learner process is killed by the watchdog within the timeout', async () => {
    const t0 = Date.now();
    const ch = (await spawnNodeRealm()) as Awaited<ReturnType<typeof spawnNodeRealm>> & { pid?: number };
    process.kill(ch.pid!, 'SIGSTOP');
    const stopped = createPool({ spawn: async () => ch, size: 1, prespawn: 0 });
    const t1 = Date.now();
    const r = await stopped.run({ code: '', entry: 'f', kind: 'function', banned: [], grants: [], cases: [] }, { timeoutMs: 1000, onMessage: () => false });
    expect(r.status).toBe('timeout');
    expect(Date.now() - t1).toBeLessThan(1000 + 2000);
    expect(Date.now() - t0).toBeLessThan(20_000);
  });
});
