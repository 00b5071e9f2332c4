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

// Exercise cases read generated files (train-classifier's digits come from src/generated/ and
// public/data/, which are not in git): generate them first, as `npm run build` would.
const prebuild = node([join(root, 'scripts/prebuild.mjs')]);
if (prebuild !== 0) process.exit(prebuild);

const exercise = process.env['EXERCISE']?.trim();
if (exercise) {
  // Exercism-style: `EXERCISE=softmax npm test` checks that one exercise (schema, solution under
  // 3 seeds, starter and every wrong/ file) and nothing else, in a few seconds.
  console.log(`[test] 只检查练习 ${exercise}（EXERCISE 已设置，跳过其余单元测试与端到端测试）`);
  process.exit(node([join(root, 'node_modules/vitest/vitest.mjs'), 'run', 'tests/exercises.test.ts']));
}

const unit = node([join(root, 'node_modules/vitest/vitest.mjs'), 'run']);
const e2e = node([join(root, 'scripts/e2e.mjs')]);
// The e2e step has just built dist/; check every in-site link in it.
const links = node([join(root, 'scripts/check-links.mjs')]);
const word = (code) => (code === 0 ? '通过 / passed' : '失败 / failed');
console.log(`\n[test] vitest: ${word(unit)} · e2e: ${word(e2e)} · links: ${word(links)}`);
process.exit(unit !== 0 || e2e !== 0 || links !== 0 ? 1 : 0);
