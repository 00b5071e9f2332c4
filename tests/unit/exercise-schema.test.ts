import { describe, expect, it } from 'vitest';
import { exerciseMetaSchema, formatSchemaError } from '../../src/grader/schema';

const valid = {
  id: 'sigmoid',
  title: 'Sigmoid',
  chapter: '03-activation-functions',
  entry: 'sigmoid',
  kind: 'function',
  difficulty: 1,
  summary: '实现 sigmoid',
};

describe('exercise.json schema', () => {
  it('accepts a minimal valid file and fills defaults', () => {
    const r = exerciseMetaSchema.parse(valid);
    expect(r.tolerance).toBe('float32');
    expect(r.timeoutMs).toBe(5000);
    expect(r.banned).toEqual([]);
  });
  it('rejects a bad field with a message naming the file and the field', () => {
    const r = exerciseMetaSchema.safeParse({ ...valid, difficulty: 5 });
    expect(r.success).toBe(false);
    if (!r.success) {
      const msg = formatSchemaError('exercises/sigmoid/exercise.json', r.error);
      expect(msg).toContain('exercises/sigmoid/exercise.json');
      expect(msg).toContain('字段 difficulty');
    }
  });
  it('rejects an unknown tolerance name and an unknown key', () => {
    expect(exerciseMetaSchema.safeParse({ ...valid, tolerance: '1e-5' }).success).toBe(false);
    const r = exerciseMetaSchema.safeParse({ ...valid, tolerence: 'float32' });
    expect(r.success).toBe(false);
  });
  it('rejects an entry that is not an identifier and an id with capitals', () => {
    expect(exerciseMetaSchema.safeParse({ ...valid, entry: 'mse-loss' }).success).toBe(false);
    expect(exerciseMetaSchema.safeParse({ ...valid, id: 'MSE' }).success).toBe(false);
  });
});
