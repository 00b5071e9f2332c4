/**
 * Fired on `window` by a page marked <html data-sw-defer> once its own start-up work is done (the
 * exercise page: the grader is warm, or failed to warm). The offline precache (src/pwa/register.ts)
 * waits for it, so its background download of the whole course doesn't compete with a learner's
 * first verdict on a 2-core phone. The page also sets <html data-settled>, in case it settles
 * before register.ts listens.
 */
export const SETTLED_EVENT = 'dlc:settled';
