// What every Node learner realm runs, whichever build it is (./flavour.ts): one child process
// started by src/cli/node-realm.ts under Node's permission model (reads only its bundle; no
// writes, children, workers, addons or inspector). Host code here captures its channel first;
// learner code then runs in a SES compartment that has no process, require, module or import().
import { readSync, writeSync } from 'node:fs';
import { useGradingBackend } from '../grader/backend';
import type { TF } from '../grader/types';
import type { RealmFlavour } from './flavour';
import { decodeLine, encodeLine } from './node-codec';
import { prepareRealm } from './run-job';
import { parseWireJob, type WireEvent } from './wire-realm';

const CHANNEL_FD = 3;
const MAX_JOB_BYTES = 64 * 1024 * 1024;
const write = (event: WireEvent) => {
  const line = encodeLine(event);
  writeSync(CHANNEL_FD, line);
};

/** Runs this process as a learner realm of the given build until stdin ends. */
export function runNodeRealm(tf: TF, flavour: RealmFlavour): void {
void main(tf, flavour).catch((e: unknown) => {
  try {
    write({ type: 'fatal', error: { kind: 'runtime', message: `评分环境出错：${String((e as Error)?.message ?? e)}` } });
  } finally {
    process.exit(70);
  }
});
}

async function main(tf: TF, flavour: RealmFlavour): Promise<void> {
await useGradingBackend(tf);
const run = prepareRealm({ tf, emit: write, flavour });
writeSync(CHANNEL_FD, encodeLine({ type: 'ready' }));

// Jobs arrive on stdin, one per line; the realm runs them in turn until stdin ends (the host
// decides whether a realm runs one job or several: see src/runtime/pool.ts). Read
// synchronously: no event-loop turn is left for anything learner code might schedule, so a
// promise callback one job leaves behind never runs before, or during, the next.
const buf = Buffer.alloc(1 << 20);
let pending: Buffer[] = [];
let pendingBytes = 0;
for (;;) {
  let n = 0;
  try {
    n = readSync(0, buf, 0, buf.length, null);
  } catch (e) {
    if ((e as { code?: string }).code === 'EAGAIN') continue;
    throw e;
  }
  if (n === 0) break;
  let chunk = buf.subarray(0, n);
  for (let nl = chunk.indexOf(10); nl !== -1; nl = chunk.indexOf(10)) {
    pending.push(Buffer.from(chunk.subarray(0, nl)));
    const text = Buffer.concat(pending).toString('utf8');
    pending = [];
    pendingBytes = 0;
    chunk = chunk.subarray(nl + 1);
    const job = parseWireJob(decodeLine(text));
    if (!job) throw new Error('malformed job');
    run(job);
  }
  pending.push(Buffer.from(chunk));
  pendingBytes += chunk.length;
  if (pendingBytes > MAX_JOB_BYTES) throw new Error('job too large');
}
process.exit(0);
}
