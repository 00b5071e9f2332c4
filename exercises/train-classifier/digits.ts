/**
 * The digits that the hidden tests of train-classifier use, for the reference realm only
 * (cases.ts imports this module; nothing else does). Two parts:
 *
 *  - the public training split (7,000 MNIST digits, public/data/digits.<hash>.bin, the same file
 *    chapter 12's page downloads): each seed trains on a random subset of it;
 *  - the held-out 1,000 (src/generated/data/digits-heldout.<hash>.bin, written by
 *    scripts/build-data.mjs and never under public/): each seed tests on a random subset of them.
 *
 * Where the bytes come from:
 *  - Node (the CLI and the tests): both files are read from disk.
 *  - Browser (the reference worker, src/worker/grader.worker.ts, which loads cases.ts through
 *    import.meta.glob): the held-out file is a build-time import of the virtual module
 *    `virtual:dlc-heldout-digits` (astro.config.mjs, plugin dlc:heldout-digits) behind a
 *    dynamic import, so it is a chunk of its own that only this exercise's cases chunk loads
 *    (never a page asset, never in the learner realm's bundle); the public training file is
 *    fetched from the site, as the chapter's cells do.
 * Loading is asynchronous (top-level await in cases.ts), so every case's inputs() stays synchronous.
 */
import { decodeDataset, type DataPart, type Dataset } from '../../src/sandbox/cell-data';

export interface GradingDigits {
  /** The public training split (7,000 digits). */
  train: DataPart;
  /** The held-out split (1,000 digits, 100 per class). */
  heldout: DataPart;
}

const isNode = typeof process !== 'undefined' && typeof process.versions?.node === 'string';

/** Loads both parts once; cases.ts awaits this at module level. */
export async function loadGradingDigits(): Promise<GradingDigits> {
  const [pub, held] = isNode ? await loadNode() : await loadBrowser();
  const train = pub.parts.train;
  const heldout = held.parts.heldout;
  if (!train || train.n < 1000) throw new Error('train-classifier: the public digits file has no training part');
  if (!heldout || heldout.n !== 1000) throw new Error('train-classifier: the held-out digits file must hold 1,000 digits');
  return { train, heldout };
}

async function loadNode(): Promise<[Dataset, Dataset]> {
  // Specifiers in variables: the browser build never sees (or bundles) these Node modules.
  const fsName = 'node:fs';
  const zlibName = 'node:zlib';
  const fs = (await import(/* @vite-ignore */ fsName)) as typeof import('node:fs');
  const zlib = (await import(/* @vite-ignore */ zlibName)) as typeof import('node:zlib');
  // The CLI runs cases from a bundle under node_modules/.cache; src/cli/bin.mjs names the
  // repository root there. Tests and tsx load this file in place.
  const dlcRoot = (globalThis as { __dlcRoot?: string }).__dlcRoot;
  const urlName = 'node:url';
  const { pathToFileURL } = (await import(/* @vite-ignore */ urlName)) as typeof import('node:url');
  const root = dlcRoot ? pathToFileURL(dlcRoot.endsWith('/') ? dlcRoot : `${dlcRoot}/`) : new URL('../../', import.meta.url);
  const json = (rel: string) => JSON.parse(fs.readFileSync(new URL(rel, root), 'utf8')) as { datasets: Record<string, { url?: string; path?: string }> };
  const read = (rel: string): Dataset => {
    const raw = zlib.gunzipSync(fs.readFileSync(new URL(rel, root)));
    return decodeDataset(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength) as ArrayBuffer);
  };
  const pubUrl = json('src/generated/data.json').datasets.digits?.url;
  const heldPath = json('src/generated/data-private.json').datasets['digits-heldout']?.path;
  if (!pubUrl || !heldPath) throw new Error('train-classifier: run `node scripts/prebuild.mjs` first (no digits in src/generated/)');
  return [read(`public/${pubUrl}`), read(heldPath)];
}

async function loadBrowser(): Promise<[Dataset, Dataset]> {
  const [{ default: heldoutGzipBase64 }, manifest] = await Promise.all([import('virtual:dlc-heldout-digits'), import('../../src/generated/data.json')]);
  const pubUrl = manifest.default.datasets.digits.url;
  const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;
  const res = await fetch(new URL(base + pubUrl, self.location.origin));
  if (!res.ok) throw new Error(`train-classifier: HTTP ${res.status} for the digits file`);
  const bin = Uint8Array.from(atob(heldoutGzipBase64), (c) => c.charCodeAt(0));
  return [decodeDataset(await inflate(new Uint8Array(await res.arrayBuffer()))), decodeDataset(await inflate(bin))];
}

/** gzip → bytes with the browser's DecompressionStream (plain bytes pass through). */
async function inflate(bytes: Uint8Array): Promise<ArrayBuffer> {
  if (!(bytes[0] === 0x1f && bytes[1] === 0x8b)) return bytes.slice().buffer;
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).arrayBuffer();
}
