import { describe, expect, it } from 'vitest';
import { chapterFrontmatterSchema, parseChapterFrontmatter } from '../../src/course/chapter-schema';
import { CHAPTERS } from '../../src/course/plan';

const FILE = 'content/chapters/01-what-is-deep-learning.mdx';
const valid = {
  title: '什么是深度学习',
  order: 1,
  summary: '从线性模型出发认识神经元。',
  part: 'foundations',
  exercises: ['sigmoid', 'mse-loss'],
};

describe('chapter frontmatter schema', () => {
  it('accepts a valid chapter', () => {
    const result = parseChapterFrontmatter(FILE, valid);
    expect(result).toEqual({ ok: true, data: valid });
  });

  it('defaults exercises to []', () => {
    const { exercises: _omit, ...rest } = valid;
    expect(chapterFrontmatterSchema.parse(rest).exercises).toEqual([]);
  });

  it('accepts every planned chapter with its own order and part', () => {
    for (const ch of CHAPTERS) {
      expect(chapterFrontmatterSchema.safeParse({ ...valid, order: ch.order, part: ch.part }).success).toBe(true);
    }
  });

  it.each([
    ['order', { order: 13 }],
    ['order', { order: 1.5 }],
    ['part', { part: 'advanced' }],
    ['title', { title: 42 }],
    ['exercises.0', { exercises: ['Not An Id'] }],
  ])('rejects a bad %s and names the file and the field', (field, patch) => {
    const result = parseChapterFrontmatter(FILE, { ...valid, ...patch });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain(FILE);
    expect(result.message).toContain(`字段 ${field}`);
  });

  it('names a missing required field', () => {
    const { summary: _omit, ...rest } = valid;
    const result = parseChapterFrontmatter(FILE, rest);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/字段 summary/);
  });

  it('rejects unknown fields (typos such as "exercise")', () => {
    const result = parseChapterFrontmatter(FILE, { ...valid, exercise: [] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('exercise');
  });
});
