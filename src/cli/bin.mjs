#!/usr/bin/env node
// Entry for `npm run grade` / `grade-exports` / the benches. It runs the CLI from a cached
// esbuild bundle (src/cli/bundle.mjs) and falls back to tsx's loader, which imports the
// TypeScript sources directly, if the bundle can't be built.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { cliBundle } from './bundle.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
globalThis.__dlcRoot = root;
let main;
try {
  ({ main } = await import(pathToFileURL(await cliBundle(root)).href));
} catch {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('./main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
