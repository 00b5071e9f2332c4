import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import type { RealmChannel, RealmExit } from '../runtime/channel';
import type { RealmFlavour } from '../sandbox/flavour';
import { decodeLine, encodeLine } from '../sandbox/node-codec';
import { learnerBundlePath } from './learner-bundle';

/** V8 heap cap for a learner process. */
export const MAX_HEAP_MB = 512;
/** Resident memory cap, which also covers off-heap ArrayBuffers; checked every RSS_POLL_MS. */
export const MAX_RSS_MB = 1536;
const RSS_POLL_MS = 50;
/** Bytes a learner process may send on its channel, counted as they stream, before any parsing. */
export const MAX_CHANNEL_BYTES = 96 * 1024 * 1024;
/** One line (one event) at most. */
const MAX_LINE_BYTES = 64 * 1024 * 1024;
/** What is kept of stderr (for a crash's detail); the rest is drained and dropped. */
const MAX_STDERR_BYTES = 4096;

/** Node's flags for a learner process: the permission model, reading only `readable`. */
export function learnerNodeFlags(readable: string[]): string[] {
  return ['--experimental-permission', ...readable.map((f) => `--allow-fs-read=${f}`), `--max-old-space-size=${MAX_HEAP_MB}`, '--no-warnings'];
}

let netIsolation: string[] | null | undefined;

/**
 * `unshare` prefix that gives the child a network namespace of its own (no interfaces but a
 * downed loopback), where the OS allows it: root, or unprivileged user namespaces. Null elsewhere.
 */
export function networkIsolationPrefix(): string[] | null {
  if (netIsolation !== undefined) return netIsolation;
  netIsolation = null;
  for (const args of [['--net'], ['--user', '--map-root-user', '--net']]) {
    const r = spawnSync('unshare', [...args, 'true'], { stdio: 'ignore', timeout: 2000 });
    if (r.status === 0) {
      netIsolation = ['unshare', ...args, '--'];
      break;
    }
  }
  return netIsolation;
}

/**
 * Starts one learner child process: Node's permission model lets it read only its own bundle
 * (no writes, child processes, workers, addons or inspector); it has an empty environment, a
 * heap cap, an RSS watchdog, a byte cap on its channel (fd 3), and its own network namespace
 * where the OS allows one. Learner code inside runs in a SES compartment with no process at all.
 */
export const spawnNodeRealm = (flavour: RealmFlavour = 'full'): Promise<RealmChannel> =>
  new Promise((resolve, reject) => {
    const bundle = learnerBundlePath(flavour);
    const nodeArgs = [...learnerNodeFlags([bundle]), bundle];
    const prefix = networkIsolationPrefix();
    const [cmd, ...args] = prefix ? [...prefix, process.execPath, ...nodeArgs] : [process.execPath, ...nodeArgs];
    const child = spawn(cmd!, args, { stdio: ['pipe', 'ignore', 'pipe', 'pipe'], env: {}, detached: false });
    const channel = child.stdio[3] as Readable;
    const stdin = child.stdin as Writable;
    let exitDetail: RealmExit | undefined;
    let exitListener: ((d: RealmExit) => void) | undefined;
    let messageListener: ((data: unknown) => void) | undefined;
    let ready = false;
    let killed = false;
    let stderrText = '';
    let total = 0;
    let pending: Buffer[] = [];
    let pendingBytes = 0;

    const kill = () => {
      if (killed) return;
      killed = true;
      clearInterval(rssTimer);
      child.kill('SIGKILL');
    };
    const ended = (detail: RealmExit) => {
      if (exitDetail) return;
      exitDetail = detail;
      kill();
      if (!ready) reject(new Error(`learner realm failed to start: ${detail.reason} ${detail.detail ?? ''} ${stderrText.slice(0, 500)}`));
      exitListener?.(detail);
    };
    const onLine = (line: Buffer) => {
      let data: unknown;
      try {
        data = decodeLine(line.toString('utf8'));
      } catch {
        data = { type: 'malformed' };
      }
      if (!ready) {
        if ((data as { type?: unknown })?.type === 'ready') {
          ready = true;
          resolve(api);
        } else ended({ reason: 'crash', detail: 'no ready message' });
        return;
      }
      messageListener?.(data);
    };

    channel.on('data', (chunk: Buffer) => {
      if (exitDetail) return;
      total += chunk.length;
      if (total > MAX_CHANNEL_BYTES) return ended({ reason: 'output-limit', detail: `${MAX_CHANNEL_BYTES}` });
      let start = 0;
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, start)) {
        pending.push(chunk.subarray(start, i));
        const line = Buffer.concat(pending);
        pending = [];
        pendingBytes = 0;
        start = i + 1;
        onLine(line);
        if (exitDetail) return;
      }
      if (start < chunk.length) {
        pending.push(chunk.subarray(start));
        pendingBytes += chunk.length - start;
        if (pendingBytes > MAX_LINE_BYTES) ended({ reason: 'output-limit', detail: `${MAX_LINE_BYTES}` });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      if (stderrText.length < MAX_STDERR_BYTES) stderrText += chunk.toString('utf8').slice(0, MAX_STDERR_BYTES - stderrText.length);
    });
    stdin.on('error', () => undefined);
    child.on('error', (e) => ended({ reason: 'crash', detail: e.message }));
    // 'close', not 'exit': 'exit' can come before the last bytes on fd 3 are read, and a child
    // that wrote its final 'done' and exited would then look like a crash.
    child.on('close', (code, signal) => {
      if (killed && !exitDetail) return;
      ended({ reason: code === 0 ? 'exit' : 'crash', detail: signal ? `signal ${signal}` : `exit code ${code}` });
    });

    const rssTimer = setInterval(() => {
      if (child.pid === undefined) return;
      try {
        const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m && Number(m[1]) > MAX_RSS_MB * 1024) ended({ reason: 'memory', detail: `${MAX_RSS_MB} MB` });
      } catch {
        // No /proc (not Linux) or the process is gone: the heap cap and the timeout still hold.
      }
    }, RSS_POLL_MS);
    rssTimer.unref();

    const api: RealmChannel & { pid?: number | undefined } = {
      pid: child.pid,
      post(job) {
        // Each job has its own output budget; the realm stays for the host's next job, if any.
        total = 0;
        stdin.write(encodeLine(job));
      },
      onMessage(listener) {
        messageListener = listener;
      },
      onExit(listener) {
        exitListener = listener;
        if (exitDetail) listener(exitDetail);
      },
      kill,
    };
  });
