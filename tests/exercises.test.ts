// Every exercise proven both ways (freeCodeCamp style): the reference solution passes under
// several seeds, and the starter and every recorded mistake in wrong/ fail.
// `EXERCISE=softmax npm test` narrows the run to one exercise.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXERCISES_DIR, listExerciseIds, loadCaseSuite, loadExerciseMeta } from '../src/cli/exercises';
import { CHAPTERS } from '../src/course/plan';
import { createTestGrader } from './support/node-grader';

const SEEDS = [1, 2, 3];
const only = process.env.EXERCISE?.trim();
const ids = listExerciseIds().filter((id) => !only || id === only);
const grader = createTestGrader();
afterAll(() => grader.dispose());

describe('exercise set', () => {
  it(only ? `EXERCISE=${only} names an existing exercise` : 'has at least 8 exercises', () => {
    if (only) expect(ids).toEqual([only]);
    else expect(ids.length).toBeGreaterThanOrEqual(8);
  });
});

describe.each(ids)('exercise %s', (id) => {
  const dir = join(EXERCISES_DIR, id);
  const wrong = existsSync(join(dir, 'wrong')) ? readdirSync(join(dir, 'wrong')).filter((f) => f.endsWith('.ts')) : [];
  // Allowed ops that compute a banned one in one call (softmax([z, 0])[0] is σ(z)): each file
  // uses one such disguise, and exercise.json says whether it is banned or allowed on purpose.
  const disguises = existsSync(join(dir, 'disguises')) ? readdirSync(join(dir, 'disguises')).filter((f) => f.endsWith('.ts')) : [];

  it('has valid exercise.json, a statement, a starter, a solution, cases and ≥ 2 wrong/ files', async () => {
    const meta = loadExerciseMeta(id);
    expect(CHAPTERS.map((c) => c.slug)).toContain(meta.chapter);
    for (const f of ['statement.mdx', 'starter.ts', 'solution.ts', 'cases.ts']) expect(existsSync(join(dir, f)), f).toBe(true);
    expect(wrong.length).toBeGreaterThanOrEqual(2);
    const suite = await loadCaseSuite(id);
    const names = suite.cases.map((c) => c.name);
    expect(new Set(names).size, 'case names are distinct').toBe(names.length);
    expect(names.length).toBeGreaterThanOrEqual(3);
  });

  it.each(SEEDS)('solution passes every case with seed %i', async (seed) => {
    const r = await grader.grade(id, grader.source(id, 'solution.ts'), seed);
    const failed = r.cases.filter((c) => !c.passed).map((c) => `${c.name}: ${c.message}`);
    expect(r.error, r.error?.message).toBeUndefined();
    expect(failed).toEqual([]);
    expect(r.passed).toBe(true);
    expect(r.warnings, 'the reference solution leaks no tensors').toEqual([]);
  });

  it('starter compiles and fails at least one case', async () => {
    const r = await grader.grade(id, grader.source(id, 'starter.ts'), 1);
    expect(r.error?.kind, r.error?.message).not.toBe('compile');
    expect(r.passed).toBe(false);
  });

  it('lists every disguise file in exercise.json, and has a file for every listed disguise', () => {
    const listed = loadExerciseMeta(id).disguises.map((d) => `${d.op.replace('.', '-')}.ts`).sort();
    expect(listed).toEqual([...disguises].sort());
  });

  it.each(disguises)('disguises/%s: the decision holds (banned: refused as banned; allowed: passes)', async (file) => {
    const entry = loadExerciseMeta(id).disguises.find((d) => `${d.op.replace('.', '-')}.ts` === file);
    const r = await grader.grade(id, readFileSync(join(dir, 'disguises', file), 'utf8'), 1);
    if (entry?.decision === 'allowed') {
      expect(r.error, r.error?.message).toBeUndefined();
      expect(r.passed).toBe(true);
    } else {
      expect(r.passed).toBe(false);
      expect(r.error?.kind, r.error?.message).toBe('banned');
    }
  });

  it.each(wrong)('wrong/%s fails at least one case', async (file) => {
    const code = readFileSync(join(dir, 'wrong', file), 'utf8');
    for (const seed of SEEDS) {
      const r = await grader.grade(id, code, seed);
      expect(r.error?.kind, r.error?.message).not.toBe('compile');
      expect(r.passed, `seed ${seed}`).toBe(false);
    }
  });
});
