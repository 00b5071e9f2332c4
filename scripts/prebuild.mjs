#!/usr/bin/env node
// `npm run prebuild` / `predev`: generates everything the site build reads and that is not in git
// (src/generated/*, public/_astro/, public/data/). The steps don't depend on each other, so
// they run side by side; the first failure fails the whole step after all have finished.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const STEPS = ['gen-tf-types.mjs', 'build-sandbox.mjs', 'build-monaco.mjs', 'build-typescript.mjs', 'build-data.mjs'];

const run = (script) =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, [`${root}scripts/${script}`], { cwd: root, stdio: 'inherit' });
    child.on('error', (error) => {
      console.error(`prebuild: ${script}: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });

const codes = await Promise.all(STEPS.map(run));
const failed = STEPS.filter((_, i) => codes[i] !== 0);
if (failed.length) {
  console.error(`prebuild: failed: ${failed.join(', ')}`);
  process.exit(1);
}
