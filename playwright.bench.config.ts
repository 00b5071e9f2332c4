import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/** Benchmarks that print numbers and assert nothing timed: run on demand, never by `npm test`. */
export default defineConfig({ ...base, testDir: 'tests/bench', testMatch: '**/*.bench.ts', retries: 0, workers: 1 });
