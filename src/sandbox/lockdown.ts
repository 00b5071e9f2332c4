// Must be the first module a learner realm evaluates: every later module (tfjs included) then
// runs against frozen, shared intrinsics. See ../../../shared/STACK.md for the measured costs.
import 'ses';

// errorTaming 'unsafe' keeps V8 stack strings, which give the learner the line of their own
// error; consoleTaming 'unsafe' leaves the host's console alone (the host captures it itself).
lockdown({ errorTaming: 'unsafe', consoleTaming: 'unsafe', stackFiltering: 'verbose', overrideTaming: 'moderate' });
