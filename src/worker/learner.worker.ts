/// <reference lib="webworker" />
// The learner realm in the browser: a module worker that runs exactly one submission and is
// then thrown away, so one run's monkey-patching never reaches the next.
import * as tf from '@tensorflow/tfjs';
import { runLearnerJob } from '../grader/learner';
import { parseLearnerJob } from '../grader/protocol';
import type { LearnerEvent } from '../grader/types';
import { READY } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = scope.postMessage.bind(scope);

tf.env().set('PROD', true);
// CPU everywhere: it matches the Node CLI bit for bit (WebGL/WASM round differently).
await tf.setBackend('cpu');
await tf.ready();

scope.addEventListener(
  'message',
  (e: MessageEvent) => {
    const job = parseLearnerJob(e.data);
    const emit = (event: LearnerEvent) => post(event);
    runLearnerJob(tf, job, emit).catch((err: unknown) => emit({ type: 'fatal', error: { kind: 'runtime', message: `运行出错：${String(err)}` } }));
  },
  { once: true },
);
post({ type: READY });
