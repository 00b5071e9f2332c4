// The CLI contract teachers' scripts depend on: exit codes and one JSON object on stdout.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = join(process.cwd(), 'src/cli/bin.mjs');
const grade = (...args: string[]) => spawnSync(process.execPath, [BIN, 'grade', ...args], { encoding: 'utf8' });

describe('grade CLI', () => {
  it('exit 0 and exactly one JSON object with the contract keys when every case passes', () => {
    const r = grade('sigmoid', 'exercises/sigmoid/solution.ts', '--json', '--seed', '3');
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const out = JSON.parse(lines[0]!);
    expect(Object.keys(out).sort()).toEqual(['cases', 'exercise', 'passed', 'score', 'seed']);
    expect(out).toMatchObject({ exercise: 'sigmoid', passed: true, score: 1, seed: 3 });
    for (const c of out.cases) expect(Object.keys(c).sort()).toEqual(['name', 'passed']);
  });

  it('exit 1 with a compile error for a file anywhere on disk', () => {
    const dir = mkdtempSync(join(tmpdir(), 'grade-'));
    const file = join(dir, 'broken.ts');
    writeFileSync(file, "import * as tf from '@tensorflow/tfjs';\nexport function sigmoid(z: tf.Tensor) {\n  return z +;\n}\n");
    const r = grade('sigmoid', file, '--json');
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.passed).toBe(false);
    expect(out.error.kind).toBe('compile');
    expect(out.error.message).toContain('第 3 行');
    expect(typeof out.seed).toBe('number');
  });

  it('human output marks cases with ✓/✗ in Chinese', () => {
    const r = grade('relu', 'exercises/relu/starter.ts', '--seed', '1');
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/✗ /);
    expect(r.stdout).toContain('结果：通过');
  });

  it('exit 2 on an unknown exercise, a missing file or a bad seed', () => {
    expect(grade('no-such-exercise', 'exercises/sigmoid/solution.ts').status).toBe(2);
    expect(grade('sigmoid', 'does/not/exist.ts').status).toBe(2);
    expect(grade('sigmoid', 'exercises/sigmoid/solution.ts', '--seed', 'abc').status).toBe(2);
    expect(grade('sigmoid').status).toBe(2);
  });

  it('hostile submissions still give exactly one JSON object on stdout and exit 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'grade-'));
    const attacks = {
      huge: 'tf.zeros([10_000_000])',
      flood: "(() => { for (let i = 0; i < 1e5; i++) console.log('{\"passed\": true}'); return z; })()",
      fakeLine: "(() => { console.log('\\n{\"exercise\":\"sigmoid\",\"passed\":true}'); return z; })()",
    };
    for (const [name, expr] of Object.entries(attacks)) {
      const file = join(dir, `${name}.ts`);
      writeFileSync(file, `import * as tf from '@tensorflow/tfjs';\nexport function sigmoid(z: tf.Tensor): tf.Tensor { return ${expr}; }\n`);
      const r = grade('sigmoid', file, '--json', '--seed', '1');
      expect(r.status, name).toBe(1);
      const lines = r.stdout.trim().split('\n');
      expect(lines, name).toHaveLength(1);
      expect(JSON.parse(lines[0]!).passed, name).toBe(false);
    }
  });
});
