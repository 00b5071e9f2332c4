import { z } from 'zod';
import { exerciseIdSchema, formatSchemaError } from '../grader/schema';
import { PARTS, type PartId } from './plan';

const PART_IDS = PARTS.map((p) => p.id) as [PartId, ...PartId[]];

/**
 * Frontmatter of `content/chapters/<slug>.mdx`. Plain zod (not `astro:content`) so it can be
 * unit-tested outside Astro; src/content.config.ts plugs it into the `chapters` collection.
 */
export const chapterFrontmatterSchema = z
  .object({
    /** Chinese chapter title shown in the page header, sidebar and search results. */
    title: z.string().min(1),
    /** Position in the course, 1..12; must match the chapter's entry in src/course/plan.ts. */
    order: z.number().int().min(1).max(12),
    /** One or two Chinese sentences for the course map and the page description. */
    summary: z.string().min(1),
    /** Course part this chapter belongs to (a PartId from src/course/plan.ts). */
    part: z.enum(PART_IDS),
    /** Ids of this chapter's exercises (folder names under exercises/), in display order. */
    exercises: z.array(exerciseIdSchema).default([]),
  })
  .strict();

export type ChapterFrontmatter = z.infer<typeof chapterFrontmatterSchema>;

/**
 * Validates frontmatter outside Astro and returns either the data or a Chinese message
 * naming the file and every bad field (same format as exercise.json errors).
 */
export function parseChapterFrontmatter(
  file: string,
  data: unknown,
): { ok: true; data: ChapterFrontmatter } | { ok: false; message: string } {
  const result = chapterFrontmatterSchema.safeParse(data);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, message: formatSchemaError(file, result.error) };
}
