import { z } from 'zod';

/**
 * content/references.json: every work the course cites, as CSL-JSON (the Citation Style Language's
 * data format, https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html). CSL-JSON was
 * chosen because its field names are a published standard that Zotero (File → Import, or
 * "Import from Clipboard"), Mendeley, pandoc and every citeproc implementation read as is, and
 * because JSON needs no parser of its own at build time (BibTeX would). This schema accepts the
 * subset the course uses and rejects unknown fields, so a misspelt field name fails the build
 * instead of silently disappearing from the reference list.
 *
 * The arXiv id has no CSL variable of its own: a work with an arXiv id keeps it in `URL`
 * (`https://arxiv.org/abs/<id>`), which Zotero imports as the item's link, and the course prints it
 * as `arXiv:<id>`. A preprint that appeared only on arXiv is `type: "article"` with
 * `publisher: "arXiv"` and `number: "<id>"`, as Zotero itself exports preprints.
 */

/** A citation key: lower-case ASCII, `<first author><year><first title word>` by convention. */
export const refKeySchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/, '键只能包含小写字母、数字和连字符，并以字母开头');

/** One person (CSL name variable). */
export const cslNameSchema = z.union([
  z
    .object({
      /** Family name as printed, with particles: "van Merriënboer", "LeCun", "Fogelman Soulié". */
      family: z.string().min(1),
      /** Given names or their initials, as the chapters print them: "D. P.", "Y.-W.". */
      given: z.string().min(1),
    })
    .strict(),
  z
    .object({
      /** An institution or a name that must not be split, e.g. "ImageNet". */
      literal: z.string().min(1),
    })
    .strict(),
]);

/** CSL item types the course uses (a subset of CSL 1.0.2's `type` values). */
export const cslTypeSchema = z.enum([
  'article-journal',
  'paper-conference',
  'chapter',
  'book',
  'thesis',
  'report',
  'article',
  'speech',
  'webpage',
  'dataset',
]);

/** One entry of content/references.json (a CSL-JSON item). */
export const referenceSchema = z
  .object({
    /** The citation key that chapters write in `<Cite id="…" />`; unique in the file. */
    id: refKeySchema,
    /** CSL item type: journal article, conference paper, book chapter, thesis, report, preprint… */
    type: cslTypeSchema,
    /** Authors in order. */
    author: z.array(cslNameSchema).min(1),
    /** Editors of the book a `chapter` appears in. */
    editor: z.array(cslNameSchema).min(1).optional(),
    /** Publication date; the course prints only the year. Absent for undated web pages and data sets. */
    issued: z
      .object({
        /** CSL date parts: `[[year]]`, `[[year, month]]` or `[[year, month, day]]`. */
        'date-parts': z.tuple([z.array(z.number().int()).min(1).max(3)]),
      })
      .strict()
      .optional(),
    /** Title in its original language and capitalisation as the course prints it. */
    title: z.string().min(1),
    /** Journal, proceedings or book the work appears in (printed in italics). */
    'container-title': z.string().min(1).optional(),
    /** Series of the container, e.g. "PMLR", "LNCS", "NATO ASI Series F". */
    'collection-title': z.string().min(1).optional(),
    /** Volume within that series, e.g. "37" or "28(3)". */
    'collection-number': z.string().min(1).optional(),
    /** Journal volume. */
    volume: z.string().min(1).optional(),
    /** Journal issue (number). */
    issue: z.string().min(1).optional(),
    /** Page range with an en dash, e.g. "770–778". */
    page: z.string().min(1).optional(),
    /** Kind of thesis, report or talk: "PhD thesis", "Technical report", "Lecture". */
    genre: z.string().min(1).optional(),
    /** Report number, or the arXiv id of an arXiv-only preprint. */
    number: z.string().min(1).optional(),
    /** Publisher, university or institution. */
    publisher: z.string().min(1).optional(),
    /** DOI without the resolver prefix, e.g. "10.1038/nature14539". */
    DOI: z
      .string()
      .regex(/^10\.\d{4,9}\/\S+$/, 'DOI 要写成 10.xxxx/… 的形式，不带 https://doi.org/')
      .optional(),
    /** One link: `https://arxiv.org/abs/<id>` when the work is on arXiv, otherwise its page. */
    URL: z.string().url().startsWith('https://').optional(),
    /** A short note printed after the entry in （…）, e.g. "2014 年首次发布于 arXiv". */
    note: z.string().min(1).optional(),
    /** Course-specific data (CSL-JSON's `custom` object; other tools ignore it). */
    custom: z
      .object({
        /** The author list is incomplete: the course prints "et al." after the listed authors. */
        etAl: z.boolean().optional(),
        /** English translation of a title in another language, printed in […] after it. */
        titleTranslation: z.string().min(1).optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.URL?.includes('arxiv.org') && !ARXIV_URL.test(r.URL)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['URL'], message: 'arXiv 链接要写成 https://arxiv.org/abs/<编号>' });
    }
    if (r.type === 'chapter' && !r['container-title']) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['container-title'], message: '书中章节（chapter）要写书名 container-title' });
    }
  });

/** The whole file: an array of CSL-JSON items (the form Zotero imports). */
export const referencesFileSchema = z.array(referenceSchema);

export type Reference = z.infer<typeof referenceSchema>;
export type CslName = z.infer<typeof cslNameSchema>;

/** `https://arxiv.org/abs/<id>` with a modern (1502.01852) or old (cs/0101001) id. */
export const ARXIV_URL = /^https:\/\/arxiv\.org\/abs\/([a-z-]+\/\d{7}|\d{4}\.\d{4,5})$/;

/** The arXiv id in an entry's URL, or null. */
export function arxivId(ref: Pick<Reference, 'URL'>): string | null {
  const m = ref.URL ? ARXIV_URL.exec(ref.URL) : null;
  return m?.[1] ?? null;
}
