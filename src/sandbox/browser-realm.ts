// The `full` browser learner realm (./flavour.ts): layer exercises, exercises that grant a
// layers namespace, and chapters' code cells. A classic Web Worker made from a blob inside an
// <iframe sandbox="allow-scripts"> whose Content-Security-Policy forbids every request
// (src/runtime/browser-spawn.ts). It has an opaque origin, so no storage either. Host code
// here takes its private MessagePort first; learner code then runs in a SES compartment.
import './lockdown';
import { bootBrowserRealm, gradingHandler } from './browser-boot';
import { prepareCellRealm } from './cell-job';
import { cellJobSchema, isCellJob } from './cell-protocol';
import { prepareRealm } from './run-job';
import { tf } from './tf-slim';

bootBrowserRealm(tf, (post) => {
  const grade = gradingHandler(post, () => prepareRealm({ tf, emit: post, flavour: 'full' }));
  return (data, port) => {
    if (!isCellJob(data)) return grade(data);
    // A chapter's code cell: prepared now, still before any learner code runs (it re-routes
    // the console to the cell's event stream). A cell realm runs one cell.
    port.onmessage = null;
    const cell = cellJobSchema.safeParse(data);
    if (!cell.success) {
      post({ type: 'error', kind: 'runtime', message: '运行环境收到了格式不对的任务。' });
      post({ type: 'done', ms: 0 });
      return;
    }
    prepareCellRealm({ tf, emit: post })(cell.data).catch((err: unknown) => {
      post({ type: 'error', kind: 'runtime', message: `运行环境出错：${String((err as Error)?.message ?? err)}` });
      post({ type: 'done', ms: 0 });
    });
  };
});
