// The Node learner realm: one child process per submission, started by src/cli/node-learner.ts
// under Node's permission model (reads only this bundle; no writes, children, workers, addons
// or inspector). Host code here captures its channel first; learner code then runs in a SES
// compartment that has no process, require, module or import().
import './lockdown';
import { readSync, writeSync } from 'node:fs';
import { useGradingBackend } from '../grader/backend';
import { decodeLine, encodeLine } from './node-codec';
import { prepareRealm } from './run-job';
import { tf } from './tf-slim';
import { wireJobSchema, type WireEvent, type WireJob } from './wire';

const CHANNEL_FD = 3;
const MAX_JOB_BYTES = 64 * 1024 * 1024;
const write = (event: WireEvent) => {
  const line = encodeLine(event);
  writeSync(CHANNEL_FD, line);
};

void main().catch((e: unknown) => {
  try {
    write({ type: 'fatal', error: { kind: 'runtime', message: `评分环境出错：${String((e as Error)?.message ?? e)}` } });
  } finally {
    process.exit(70);
  }
});

async function main(): Promise<void> {
await useGradingBackend(tf);
const run = prepareRealm({ tf, emit: write });
writeSync(CHANNEL_FD, encodeLine({ type: 'ready' }));

// The job arrives on stdin as one line. Read synchronously: no event loop turn is left for
// anything learner code might schedule.
const chunks: Buffer[] = [];
let total = 0;
const buf = Buffer.alloc(1 << 20);
for (;;) {
  let n = 0;
  try {
    n = readSync(0, buf, 0, buf.length, null);
  } catch (e) {
    if ((e as { code?: string }).code === 'EAGAIN') continue;
    throw e;
  }
  if (n === 0) break;
  chunks.push(Buffer.from(buf.subarray(0, n)));
  total += n;
  if (total > MAX_JOB_BYTES) throw new Error('job too large');
  if (buf.subarray(0, n).includes(10)) break;
}
const text = Buffer.concat(chunks).toString('utf8');
const job = wireJobSchema.parse(decodeLine(text.slice(0, text.indexOf('\n') >= 0 ? text.indexOf('\n') : text.length))) as WireJob;
run(job);
process.exit(0);
}
