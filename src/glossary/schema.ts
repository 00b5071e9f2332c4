import { z } from 'zod';

/**
 * content/glossary.json: every technical term the course teaches, one entry each. Chapters mark a
 * term's first use with `<Term id="…">…</Term>`; the glossary page (/glossary/) links each term to
 * the chapter that teaches it and back to every chapter that marks it (computed at build time).
 */
export const termIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/, 'id 只能包含小写字母、数字和连字符，并以字母开头');

/** One glossary entry. */
export const termSchema = z
  .object({
    /** Stable id: the glossary anchor (/glossary/#<id>) and the `id` of `<Term>` in chapters. */
    id: termIdSchema,
    /** The Chinese term as the course writes it, e.g. "梯度". */
    zh: z.string().min(1),
    /** The English term, e.g. "gradient". */
    en: z.string().min(1),
    /** One-line Chinese definition in our own words (no line breaks, at most 120 characters). */
    definition: z
      .string()
      .min(4)
      .max(120)
      .refine((s) => !/[\r\n]/.test(s), '定义只能有一行'),
    /**
     * Slug of the chapter that teaches the term (content/chapters/<slug>.mdx). That chapter must
     * mark it with `<Term id="…">`, whose anchor `#term-<id>` is where the glossary links.
     */
    chapter: z.string().regex(/^\d\d-[a-z0-9-]+$/, '章节 slug 形如 05-gradient-descent-backprop'),
  })
  .strict();

/** The whole file: an array of entries (order does not matter; the page sorts by pinyin-free zh collation). */
export const glossaryFileSchema = z.array(termSchema);

export type Term = z.infer<typeof termSchema>;
