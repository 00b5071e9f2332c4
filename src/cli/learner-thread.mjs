// worker_threads can't start on a .ts file even with tsx in execArgv (see STACK.md), so this
// tiny bootstrap registers tsx inside the thread and then loads the TypeScript entry.
import { register } from 'tsx/esm/api';

register();
await import('./learner-thread.ts');
