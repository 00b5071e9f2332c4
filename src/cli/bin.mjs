#!/usr/bin/env node
// Entry for `npm run grade` / `npm run bench:grader`. tsx's loader lets the CLI import the
// TypeScript engine and the exercises' cases.ts directly, with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
