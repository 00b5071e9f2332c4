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
 */
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
  } else if (document.readyState === 'complete') start();
  else window.addEventListener('load', start, { once: true });
}
