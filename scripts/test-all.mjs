#!/usr/bin/env node
/**
 * `npm test`: unit + exercise tests (vitest), then the end-to-end suite (scripts/e2e.mjs).
 * Both always run; exits non-zero if either fails. The environment (e.g. EXERCISE=<id>) is
 * passed through untouched. With EXERCISE=<id>, only that exercise's tests run.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** @param {string[]} args */
function node(args) {
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: process.env });
  return r.error ? 1 : (r.status ?? 1);
}

const exercise = process.env['EXERCISE']?.trim();
if (exercise) {
  // Exercism-style: `EXERCISE=softmax npm test` checks that one exercise (schema, solution under
  // 3 seeds, starter and every wrong/ file) and nothing else, in a few seconds.
  console.log(`[test] 只检查练习 ${exercise}（EXERCISE 已设置，跳过其余单元测试与端到端测试）`);
  process.exit(node([join(root, 'node_modules/vitest/vitest.mjs'), 'run', 'tests/exercises.test.ts']));
}

const unit = node([join(root, 'node_modules/vitest/vitest.mjs'), 'run']);
const e2e = node([join(root, 'scripts/e2e.mjs')]);
console.log(`\n[test] vitest: ${unit === 0 ? '通过 / passed' : '失败 / failed'} · e2e: ${e2e === 0 ? '通过 / passed' : '失败 / failed'}`);
process.exit(unit !== 0 || e2e !== 0 ? 1 : 0);
