/**
 * The browser learner realm's policy, proven in Chromium: the page's real sandbox (sandboxed
 * iframe, its Content-Security-Policy, a blob worker) runs a probe in place of the learner
 * bundle. The probe tries every network and storage API a worker has against a local beacon
 * server that counts requests. Learner code normally can't even name these APIs (it runs in
 * a SES compartment); this checks the layer under that one.
 */
import { createServer, type Server } from 'node:http';
import { expect, test } from '@playwright/test';

let beacon: Server;
let hits: string[] = [];
let port = 0;

test.beforeAll(async () => {
  beacon = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.end(req.url?.endsWith('.js') ? 'self.postMessage("loaded")' : 'ok');
  });
  await new Promise<void>((r) => beacon.listen(0, '127.0.0.1', r));
  port = (beacon.address() as { port: number }).port;
});
test.afterAll(() => beacon.close());

const probe = (base: string) => `
onmessage = (e) => {
  const port = e.ports[0];
  if (!port) return;
  onmessage = null;
  port.postMessage({ type: 'ready' });
  port.onmessage = async () => {
    const B = ${JSON.stringify(base)};
    const cap = (p) => Promise.race([p, new Promise((r) => setTimeout(() => r('no answer'), 1500))]);
    const attempt = async (name, fn) => {
      try { const v = await cap(Promise.resolve().then(fn)); return name + '=' + (v === 'no answer' ? 'no answer' : 'open'); }
      catch (err) { return name + '=blocked'; }
    };
    const event = (make) => new Promise((resolve, reject) => { const s = make(); s.onopen = () => resolve('open'); s.onerror = () => reject(new Error('error')); });
    const results = await Promise.all([
      attempt('fetch', () => fetch(B + 'fetch')),
      attempt('xhr', () => { const x = new XMLHttpRequest(); x.open('GET', B + 'xhr', false); x.send(); return x.status; }),
      attempt('websocket', () => event(() => new WebSocket(B.replace('http', 'ws') + 'ws'))),
      attempt('eventsource', () => event(() => new EventSource(B + 'sse'))),
      attempt('importScripts', () => importScripts(B + 'import.js')),
      attempt('import()', () => import(B + 'module.js')),
      attempt('worker', () => new Promise((resolve, reject) => { const w = new Worker(B + 'worker.js'); w.onmessage = () => resolve('open'); w.onerror = () => reject(new Error('x')); })),
      attempt('font', () => new FontFace('x', 'url(' + B + 'font.woff2)').load()),
      attempt('indexedDB', () => new Promise((resolve, reject) => { const r = indexedDB.open('x'); r.onsuccess = () => resolve('open'); r.onerror = () => reject(new Error('x')); })),
      attempt('caches', () => caches.open('x')),
      attempt('opfs', () => navigator.storage.getDirectory()),
      attempt('webtransport', () => new WebTransport(B.replace('http', 'https') + 'wt').ready),
    ]);
    port.postMessage({ type: 'log', level: 'log', text: 'PROBE ' + results.join(' ') });
    port.postMessage({ type: 'done' });
  };
};`;

test('the learner worker reaches neither the beacon nor any storage', async ({ page }) => {
  test.setTimeout(60_000);
  hits = [];
  await page.route(/\/sandbox\/learner-realm(-core)?\.[0-9a-f]+\.js$/, (route) => route.fulfill({ contentType: 'text/javascript', body: probe(`http://127.0.0.1:${port}/`) }));
  await page.goto('/exercises/sigmoid/');
  await expect(page.locator('[data-editor][data-ready="true"] .monaco-editor')).toBeVisible({ timeout: 20_000 });
  // Prove the beacon works from the page itself (the page is not sandboxed).
  await page.evaluate((u) => fetch(u).then((r) => r.text()), `http://127.0.0.1:${port}/from-page`);
  expect(hits).toEqual(['GET /from-page']);
  hits = [];
  await page.locator('[data-action="run"]').click();
  const logs = page.locator('[data-results] [data-logs]');
  await expect(logs).toContainText('PROBE', { timeout: 30_000 });
  const text = (await logs.textContent()) ?? '';
  const results = Object.fromEntries([...text.matchAll(/(\w+|import\(\))=([\w ]+?)(?= \w+=| import\(\)=|\n|$)/g)].map((m) => [m[1], m[2]]));
  for (const api of ['fetch', 'xhr', 'websocket', 'eventsource', 'importScripts', 'import()', 'worker', 'font', 'indexedDB', 'caches', 'opfs', 'webtransport']) {
    expect(results[api], `${api} in: ${text}`).toBeDefined();
    expect(results[api], api).not.toBe('open');
  }
  expect(hits).toEqual([]);
});

// Both builds of the learner realm (src/sandbox/flavour.ts): a function exercise loads `core`
// (tfjs-core, no layers, no zod), a layer exercise `full`.
for (const [exercise, bundle] of [['sigmoid', 'learner-realm-core'], ['dense-layer', 'learner-realm']] as const) {
  test(`the real learner bundle's own global keeps none of the ways out (the layer under the compartment, behind the policy): ${exercise} loads ${bundle}`, async ({ page }) => {
    test.setTimeout(60_000);
    const ways = ['fetch', 'XMLHttpRequest', 'WebSocket', 'WebTransport', 'EventSource', 'importScripts', 'indexedDB', 'caches', 'Worker', 'SharedWorker', 'FontFace', 'BroadcastChannel', 'navigator'];
    // The real bundle, with one line after its synchronous set-up that lists what is still
    // reachable from the worker's global (prototype chain included), before any job arrives.
    const fetched: string[] = [];
    await page.route(/\/sandbox\/learner-realm(-core)?\.[0-9a-f]+\.js$/, async (route) => {
      fetched.push(route.request().url().split('/').pop()!.replace(/\.[0-9a-f]+\.js$/, ''));
      const response = await route.fetch();
      const body = `${await response.text()}\n;console.log('WAYS-OUT [' + ${JSON.stringify(ways)}.filter((n) => n in self).join(',') + ']');`;
      await route.fulfill({ response, body });
    });
    const seen: string[] = [];
    page.on('console', (m) => {
      if (m.text().startsWith('WAYS-OUT')) seen.push(m.text());
    });
    await page.goto(`/exercises/${exercise}/`);
    await page.locator('[data-action="run"]').click();
    await expect(page.locator('[data-results] [data-summary]')).toBeVisible({ timeout: 30_000 });
    await expect.poll(() => seen.length).toBeGreaterThan(0);
    expect(seen[0]).toBe('WAYS-OUT []');
    expect(new Set(fetched), 'the realm build this exercise needs, and only it').toEqual(new Set([bundle]));
  });
}

// The playground's realm runs the learner's optimizer (用我的实现): the same second layer holds there.
test("the playground realm's own global keeps none of the ways out", async ({ page }) => {
  test.setTimeout(60_000);
  const ways = ['fetch', 'XMLHttpRequest', 'WebSocket', 'WebTransport', 'EventSource', 'importScripts', 'indexedDB', 'caches', 'Worker', 'SharedWorker', 'FontFace', 'BroadcastChannel', 'navigator'];
  await page.route(/\/sandbox\/playground-realm\.[0-9a-f]+\.js$/, async (route) => {
    const response = await route.fetch();
    const body = `${await response.text()}\n;console.log('WAYS-OUT [' + ${JSON.stringify(ways)}.filter((n) => n in self).join(',') + ']');`;
    await route.fulfill({ response, body });
  });
  const seen: string[] = [];
  page.on('console', (m) => {
    if (m.text().startsWith('WAYS-OUT')) seen.push(m.text());
  });
  await page.goto('/playground/');
  await expect(page.locator('[data-playground]').first()).toHaveAttribute('data-pg-state', /^(ready|paused)$/, { timeout: 60_000 });
  await expect.poll(() => seen.length).toBeGreaterThan(0);
  expect(seen[0]).toBe('WAYS-OUT []');
});
