// The `core` browser learner realm (./flavour.ts): every function exercise that grants nothing
// from tfjs-layers. The same sandbox as ./browser-realm.ts (./browser-boot.ts), with tfjs-core
// only and no zod: less to download, parse and evaluate before a learner's first verdict.
import './lockdown';
import { bootBrowserRealm, gradingHandler } from './browser-boot';
import { prepareRealm } from './run-job';
import { tf } from './tf-core';

// It only grades: the guard, the frozen classes and the compiler's warm-up are ready before 'ready'.
bootBrowserRealm(tf, (post) => gradingHandler(post, () => prepareRealm({ tf, emit: post, flavour: 'core' }), { eager: true }));
