// The learner realm in Node: one worker thread per submission, thrown away afterwards.
import { parentPort } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs';
import { handleLearnerMessage, useGradingBackend } from '../grader/index';

const port = parentPort;
if (!port) throw new Error('learner-thread must run in a worker thread');

await useGradingBackend(tf);
port.once('message', (data: unknown) => handleLearnerMessage(tf, data, (event) => port.postMessage(event)));
port.postMessage({ type: 'ready' });
