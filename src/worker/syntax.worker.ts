/// <reference lib="webworker" />
// TypeScript's parser, for pointing at the real spot of a syntax error (src/grader/syntax.ts).
// A worker of the site's own code, separate from every other realm: hostile source can make the
// parser speculate for minutes, and the page then terminates this worker at its deadline.
// It loads the same prebuilt typescript (public/_astro/vendor/) the rest of the site uses.
import vendor from '../generated/vendor.json';
import { locateWithTypeScript } from '../grader/syntax';
import { url } from '../lib/url';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const ts = (await import(/* @vite-ignore */ new URL(url(vendor.typescript), scope.location.origin).href)).default as unknown;
scope.postMessage({ type: 'ready' });
scope.addEventListener('message', (e: MessageEvent<{ id: number; source: string }>) => {
  let location = null;
  try {
    location = locateWithTypeScript(ts, String(e.data.source));
  } catch {
    location = null;
  }
  scope.postMessage({ type: 'located', id: e.data.id, location });
});
