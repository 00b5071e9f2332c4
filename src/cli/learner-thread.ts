// The learner realm in Node: one worker thread per submission, thrown away afterwards.
import { parentPort } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs';
import { parseLearnerJob, runLearnerJob, type LearnerEvent } from '../grader/index';

const port = parentPort;
if (!port) throw new Error('learner-thread must run in a worker thread');

tf.env().set('PROD', true); // silences the "install tfjs-node" banner; numerics are unchanged
await tf.setBackend('cpu');
await tf.ready();

port.once('message', (data: unknown) => {
  const job = parseLearnerJob(data);
  const emit = (event: LearnerEvent) => port.postMessage(event);
  runLearnerJob(tf, job, emit).catch((e: unknown) => {
    emit({ type: 'fatal', error: { kind: 'runtime', message: `运行出错：${String(e)}` } });
  });
});
port.postMessage({ type: 'ready' });
