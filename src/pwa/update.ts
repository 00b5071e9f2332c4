/**
 * Registers the service worker (workbox-window) and shows 「有新版本，刷新」 when a new deployment is
 * ready. Loaded after `load` by register.ts.
 *
 * The rules, so that an update never breaks an open page or loses a draft:
 *  - the new worker waits (scripts/build-sw.mjs: no skipWaiting); this page keeps running on the
 *    files it was built with until the learner chooses 「刷新」;
 *  - 「刷新」 asks the waiting worker to take over, and the page reloads once it controls the page.
 *    A reload is a `pagehide`, on which the workbench writes its draft (islands/workbench/saving.ts),
 *    so the draft survives it;
 *  - when another tab made the switch, this tab is not reloaded under the learner: it shows the
 *    same prompt, and 「刷新」 just reloads;
 *  - an open tab looks for a new deployment when it becomes visible again or comes back online, at
 *    most once an hour (browsers also check on every navigation).
 * The prompt is a polite live region with real buttons: announced, reachable by Tab, never
 * stealing focus from the editor.
 */
import { Workbox } from 'workbox-window';

/** How often an open tab may ask the host for a new sw.js. */
export const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000;

export function startServiceWorker(swUrl: string, scope: string): void {
  const wb = new Workbox(swUrl, { scope });
  let registration: ServiceWorkerRegistration | undefined;
  let reloadWhenControlled = false;

  const reload = (): void => {
    document.documentElement.dataset['swUpdate'] = 'reloading';
    window.location.reload();
  };
  const apply = (): void => {
    reloadWhenControlled = true;
    if (registration?.waiting) wb.messageSkipWaiting();
    else reload(); // another tab already switched: the new worker controls this page
  };

  wb.addEventListener('waiting', () => showPrompt(apply));
  wb.addEventListener('controlling', (event) => {
    if (reloadWhenControlled) reload();
    else if (event.isUpdate) showPrompt(apply);
    // else: the very first worker took over a fresh page (clientsClaim); nothing changed for it.
  });

  void wb.register().then(
    (reg) => {
      registration = reg;
      document.documentElement.dataset['sw'] = 'registered';
    },
    () => {
      /* registration refused (private mode, blocked by policy): the site works online as before */
    },
  );

  let lastCheck = Date.now();
  const check = (): void => {
    if (!registration || Date.now() - lastCheck < UPDATE_CHECK_INTERVAL_MS) return;
    lastCheck = Date.now();
    void registration.update().catch(() => {});
  };
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') check();
  });
  window.addEventListener('online', check);
}

/**
 * Fills the layout's live region (#pwa-update, always in the page and empty until now, so screen
 * readers announce the insertion) with the prompt; its strings come from data-*. 「稍后」 empties it.
 */
function showPrompt(apply: () => void): void {
  const box = document.getElementById('pwa-update');
  if (!box || box.childElementCount > 0) return;
  const { text = '', reload = '', later = '', laterLabel = '' } = box.dataset;
  const message = document.createElement('span');
  message.textContent = text;
  const reloadButton = document.createElement('button');
  reloadButton.type = 'button';
  reloadButton.className = 'btn btn-primary';
  reloadButton.textContent = reload;
  reloadButton.dataset['swReload'] = '';
  const laterButton = document.createElement('button');
  laterButton.type = 'button';
  laterButton.className = 'btn btn-ghost';
  laterButton.textContent = later;
  laterButton.setAttribute('aria-label', laterLabel);
  reloadButton.addEventListener('click', () => {
    reloadButton.disabled = true;
    apply();
  });
  laterButton.addEventListener('click', () => box.replaceChildren());
  box.replaceChildren(message, reloadButton, laterButton);
}
