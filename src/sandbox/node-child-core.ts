// The `core` Node learner realm (./flavour.ts): function exercises, with tfjs-core only and no
// zod. See ./node-boot.ts.
import './lockdown';
import { runNodeRealm } from './node-boot';
import { tf } from './tf-core';

runNodeRealm(tf, 'core');
