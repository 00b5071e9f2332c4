/**
 * Every page's service-worker hook, kept to a few hundred bytes: after `load`, with nothing of
 * the page left to fetch, it loads the registration and update prompt (update.ts, with
 * workbox-window) as a separate chunk. The worker (dist/sw.js, scripts/build-sw.mjs) then
 * precaches the course in the background.
 *
 *  - `astro dev` has no service worker; it unregisters any worker a preview build left on the
 *    same origin (localhost:4321 serves both), which would otherwise answer dev requests from its
 *    cache.
 *  - With Save-Data on, a first visit does not start the ~10 MB background download; a browser
 *    that already has the offline course keeps receiving its updates.
 *  - A page with start-up work of its own (<html data-sw-defer>: the exercise page warms the
 *    grader) starts it only once that work is done (SETTLED_EVENT) and the main thread is idle,
 *    or after SETTLE_CAP_MS if the page never says so (its island failed to load).
 */
import { SETTLED_EVENT } from './settled';

/** The longest a deferring page holds the service worker back. */
const SETTLE_CAP_MS = 15_000;
const BASE = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;

function start(): void {
  const sw = navigator.serviceWorker;
  const saveData = (navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData === true;
  if (saveData && !sw.controller) return;
  void import('./update').then((m) => m.startServiceWorker(`${BASE}sw.js`, BASE)).catch(() => {
    /* offline before the chunk was cached, or a blocked registration: the page works without it */
  });
}

if ('serviceWorker' in navigator) {
  if (import.meta.env.DEV) {
    void navigator.serviceWorker.getRegistrations().then((all) => all.forEach((r) => void r.unregister())).catch(() => {});
  } else if (document.readyState === 'complete') whenSettled(start);
  else window.addEventListener('load', () => whenSettled(start), { once: true });
}

function whenSettled(go: () => void): void {
  if (!document.documentElement.hasAttribute('data-sw-defer')) return go();
  let started = false;
  const once = () => {
    if (started) return;
    started = true;
    if ('requestIdleCallback' in window) requestIdleCallback(go, { timeout: 2000 });
    else go();
  };
  // The page may have settled before `load` (a returning visit, everything cached): it says so on <html> too.
  if (document.documentElement.hasAttribute('data-settled')) return once();
  window.addEventListener(SETTLED_EVENT, once, { once: true });
  setTimeout(once, SETTLE_CAP_MS);
}
