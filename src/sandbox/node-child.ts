// The `full` Node learner realm (./flavour.ts): layer exercises and exercises that grant a
// layers namespace. See ./node-boot.ts.
import './lockdown';
import { runNodeRealm } from './node-boot';
import { tf } from './tf-slim';

runNodeRealm(tf, 'full');
