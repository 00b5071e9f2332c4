#!/usr/bin/env node
/**
 * Writes the committed export fixtures of tests/fixtures/exports/ (run again after changing an
 * exercise's solution or wrong/ files). Each file tests one thing; see README.md there.
 * The 50 MB file is never committed: tests generate it.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = `${root}tests/fixtures/exports/`;
mkdirSync(dir, { recursive: true });
const src = (id, file) => readFileSync(`${root}exercises/${id}/${file}`, 'utf8');

const at = (d) => `2026-11-${String(d).padStart(2, '0')}T10:00:00.000Z`;
const result = (passed, score, seed, errorKind = null) => ({ passed, score, passedCases: passed ? 6 : Math.round(score * 6), totalCases: 6, seed, errorKind, at: at(20) });
const entry = (id, status, { latest = null, passing = null, attempts = 1, passed = status === 'passed' } = {}) => ({
  id,
  exerciseVersion: null,
  status,
  attempts,
  firstAttemptAt: attempts ? at(18) : null,
  lastAttemptAt: attempts ? at(20) : null,
  passedAt: passed ? at(19) : null,
  latestCode: latest,
  passingCode: passing,
  lastResult: attempts ? result(passed, passed ? 1 : 0.5, 42) : null,
});
const file = (student, exercises, exportedAt = at(25), extra = {}) => ({ format: 'dlcourse-progress', version: 1, courseBuild: 'fixture', student, exportedAt, exercises, ...extra });
const write = (name, value) => writeFileSync(dir + name, typeof value === 'string' ? value : `${JSON.stringify(value, null, 2)}\n`);

const sigmoid = src('sigmoid', 'solution.ts');
const relu = src('relu', 'solution.ts');

// An honest student: sigmoid passed, relu in progress with a wrong draft, param-count never opened.
write('s001-honest.dlcourse.json', file({ name: '张三', id: 's001' }, [
  entry('sigmoid', 'passed', { latest: sigmoid, passing: sigmoid, attempts: 3 }),
  entry('relu', 'in-progress', { latest: src('relu', 'wrong/abs-instead-of-zero.ts'), attempts: 2 }),
]));
// The same student, an older export: the newer one above must win.
write('s001-older.dlcourse.json', file({ name: '张三', id: 's001' }, [entry('sigmoid', 'in-progress', { latest: 'export function sigmoid(z) { return z; }', attempts: 1 })], at(21)));
// Hand-edited: status set to passed, the code is a known wrong answer.
write('s002-forged.dlcourse.json', file({ name: '李四', id: 's002' }, [
  entry('sigmoid', 'passed', { latest: src('sigmoid', 'wrong/exp-ratio-overflow.ts'), passing: src('sigmoid', 'wrong/exp-ratio-overflow.ts') }),
  entry('relu', 'passed', { latest: relu, passing: relu }),
  // Claims a pass with no code at all.
  entry('param-count', 'passed', { latest: null, passing: null }),
]));
// An XSS payload in the name and the id, and in a code comment.
write('s003-xss.dlcourse.json', file({ name: '<img src=x onerror="window.__xss=1;alert(1)">', id: 's003<script>window.__xss=2</script>' }, [
  entry('relu', 'passed', { latest: `// </pre><img src=x onerror="window.__xss=3">\n${relu}`, passing: `// </pre><img src=x onerror="window.__xss=3">\n${relu}` }),
]));
// __proto__ and constructor keys everywhere JSON allows them; an unknown exercise id (a warning only).
write(
  's004-proto.dlcourse.json',
  `{"format":"dlcourse-progress","version":1,"courseBuild":"fixture","__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},` +
    `"student":{"name":"王五","id":"s004","__proto__":{"polluted":"yes"}},"exportedAt":"${at(25)}","exercises":[` +
    `${JSON.stringify({ ...entry('relu', 'passed', { latest: relu, passing: relu }), __proto__: null }).replace('{', '{"__proto__":{"polluted":"yes"},')},` +
    `${JSON.stringify(entry('__proto__', 'passed', { latest: relu, passing: relu }))},` +
    `${JSON.stringify(entry('constructor', 'in-progress', { latest: relu }))},` +
    `${JSON.stringify(entry('no-such-exercise', 'passed', { latest: relu, passing: relu }))}]}\n`,
);
// Hostile code: an infinite loop, a banned API, and an attempt to fake a pass.
write('s005-hostile.dlcourse.json', file({ name: '赵六', id: 's005' }, [
  entry('sigmoid', 'passed', { latest: 'export function sigmoid(z) { while (true) {} }', passing: 'export function sigmoid(z) { while (true) {} }' }),
  entry('relu', 'passed', { latest: "import * as tf from '@tensorflow/tfjs';\nexport function relu(z) { return tf.relu(z); }", passing: "import * as tf from '@tensorflow/tfjs';\nexport function relu(z) { return tf.relu(z); }" }),
  entry('param-count', 'passed', {
    passing: [
      '// Tries to fake a pass: print a verdict, post one, patch the comparison, then return garbage.',
      'console.log(JSON.stringify({ passed: true, score: 1 }));',
      'try { (globalThis as any).postMessage?.({ type: "done", passed: true }); } catch {}',
      'try { (Object as any).prototype.passed = true; } catch {}',
      'try { (Math as any).abs = () => 0; } catch {}',
      'export function paramCount(sizes: number[]): number { return -1; }',
    ].join('\n'),
    latest: null,
  }),
]));
// A look-alike of s001: the same name, the id with a zero-width space, an older date. It must be
// grouped with s001 (ids are normalised), listed as superseded, and flagged for the teacher.
write('s001-lookalike.dlcourse.json', file({ name: '张三', id: 's001\u200b' }, [entry('sigmoid', 'passed', { latest: 'export function sigmoid(z) { return z; }', passing: 'export function sigmoid(z) { return z; }' })], at(22)));
// A saboteur: one student's submissions share a realm in a re-grade (src/runtime/grade-many.ts).
// Their sigmoid tries to patch tfjs so that a later naive softmax (which overflows at ±1000)
// would pass, leaves a promise callback that prints a fake verdict, and leaks a large tensor;
// their relu is correct. Isolation means: sigmoid and softmax are mismatches, relu is verified.
const sabotage = [
  "import * as tf from '@tensorflow/tfjs';",
  '// Patch every tensor method it can reach, and make exp() subtract the row maximum first.',
  'const P = (tf.Tensor as any).prototype;',
  "try { P.exp = function (this: tf.Tensor) { return tf.exp(tf.sub(this, tf.max(this, -1, true))); }; console.log('patched exp'); } catch { console.log('exp refused'); }",
  'for (const k of Object.getOwnPropertyNames(P)) { try { if (k !== "exp") P[k] = P[k]; } catch {} }',
  "Promise.resolve().then(() => console.log(JSON.stringify({ passed: true, score: 1 })));",
  'const leak = tf.zeros([20_000_000]);',
  'export function sigmoid(z: tf.Tensor): tf.Tensor { return tf.zerosLike(z); }',
].join('\n');
const naiveSoftmax = "import * as tf from '@tensorflow/tfjs';\nexport function softmax(z: tf.Tensor): tf.Tensor { return tf.div(z.exp(), z.exp().sum(-1, true)); }";
write('s006-saboteur.dlcourse.json', file({ name: '孙七', id: 's006' }, [
  entry('sigmoid', 'passed', { latest: sabotage, passing: sabotage }),
  entry('relu', 'passed', { latest: relu, passing: relu }),
  entry('softmax', 'passed', { latest: naiveSoftmax, passing: naiveSoftmax }),
]));
// Files that can't be read.
write('bad-truncated.dlcourse.json', JSON.stringify(file({ name: '截断', id: 'x1' }, [entry('relu', 'passed', { latest: relu, passing: relu })])).slice(0, 150));
write('bad-wrong-format.dlcourse.json', { format: 'some-other-course', version: 1, student: { name: 'x', id: 'x2' } });
write('bad-future-version.dlcourse.json', { ...file({ name: '未来', id: 'x3' }, []), version: 2 });
write('bad-missing-fields.dlcourse.json', { format: 'dlcourse-progress', version: 1, courseBuild: 'fixture', exportedAt: at(25), exercises: [{ id: 'relu' }] });
console.log(`wrote fixtures to ${dir}`);
