import { defineCollection, z } from 'astro:content';
import { glob } from 'astro/loaders';
import { chapterFrontmatterSchema } from './course/chapter-schema';
import { exerciseMetaSchema } from './grader/schema';

/** Folder name of `exercises/<id>/<file>` (glob entries are relative to `base`). */
const folderId = ({ entry }: { entry: string }): string => entry.split('/')[0] ?? entry;

/**
 * Chapters: `content/chapters/<slug>.mdx`; the entry id is the slug (also the URL).
 * A bad frontmatter field fails the build (Astro names the entry, the file and the field).
 */
const chapters = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/chapters' }),
  schema: chapterFrontmatterSchema,
});

/** Exercise metadata: `exercises/<id>/exercise.json`; entry id = folder name. */
const exercises = defineCollection({
  loader: glob({ pattern: '*/exercise.json', base: './exercises', generateId: folderId }),
  schema: exerciseMetaSchema,
});

/** Exercise statements: `exercises/<id>/statement.mdx` (rendered with KaTeX); entry id = folder name. */
const statements = defineCollection({
  loader: glob({ pattern: '*/statement.mdx', base: './exercises', generateId: folderId }),
  schema: z.object({}).passthrough(),
});

export const collections = { chapters, exercises, statements };
