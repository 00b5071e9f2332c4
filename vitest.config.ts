import { defineConfig } from 'vitest/config';

// Unit and exercise tests run in Node. Grading spawns worker_threads, so tests get generous timeouts.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/exercises.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
