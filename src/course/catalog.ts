/**
 * The course as the site sees it at build time: the plan (src/course/plan.ts) joined with the
 * written chapters and the exercises found on disk, cross-checked once. Any inconsistency
 * throws a Chinese error naming the offending file, which fails `astro build`.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { t } from '../i18n/t';
import { CHAPTERS, PARTS, type PartId, type PlannedChapter } from './plan';

export type ChapterEntry = CollectionEntry<'chapters'>;
export type ExerciseEntry = CollectionEntry<'exercises'>;

export interface CatalogExercise {
  id: string;
  title: string;
  summary: string;
  difficulty: 1 | 2 | 3;
  chapter: string;
  entry: ExerciseEntry;
}

export interface CatalogChapter extends PlannedChapter {
  /** Present when content/chapters/<slug>.mdx exists. */
  written: boolean;
  summary: string | undefined;
  entry: ChapterEntry | undefined;
  /** Frontmatter order first, then exercises that point at this chapter but are not listed. */
  exercises: CatalogExercise[];
}

export interface CatalogPart {
  id: PartId;
  title: string;
  chapters: CatalogChapter[];
}

export interface Catalog {
  parts: CatalogPart[];
  chapters: CatalogChapter[];
  written: CatalogChapter[];
  exercises: Map<string, CatalogExercise>;
}

const rel = (file: string | undefined, fallback: string): string =>
  (file ?? fallback).replace(/^\.\//, '');

async function buildCatalog(): Promise<Catalog> {
  const chapterEntries = await getCollection('chapters');
  const exerciseEntries = await getCollection('exercises');

  const exercises = new Map<string, CatalogExercise>();
  for (const entry of exerciseEntries) {
    const file = rel(entry.filePath, `exercises/${entry.id}/exercise.json`);
    if (entry.data.id !== entry.id) {
      throw new Error(t('site.errors.idMismatch', { file, id: entry.data.id, folder: entry.id }));
    }
    if (!CHAPTERS.some((c) => c.slug === entry.data.chapter)) {
      throw new Error(t('site.errors.unknownChapter', { file, chapter: entry.data.chapter }));
    }
    exercises.set(entry.id, {
      id: entry.id,
      title: entry.data.title,
      summary: entry.data.summary,
      difficulty: entry.data.difficulty,
      chapter: entry.data.chapter,
      entry,
    });
  }

  const bySlug = new Map<string, ChapterEntry>();
  for (const entry of chapterEntries) {
    const file = rel(entry.filePath, `content/chapters/${entry.id}.mdx`);
    const planned = CHAPTERS.find((c) => c.slug === entry.id);
    if (!planned) throw new Error(t('site.errors.chapterNotInPlan', { file, slug: entry.id }));
    for (const field of ['order', 'part'] as const) {
      if (entry.data[field] !== planned[field]) {
        throw new Error(
          t('site.errors.chapterMismatch', {
            file,
            field,
            actual: String(entry.data[field]),
            expected: String(planned[field]),
          }),
        );
      }
    }
    for (const id of entry.data.exercises) {
      if (!exercises.has(id)) throw new Error(t('site.errors.unknownExercise', { file, id }));
    }
    bySlug.set(entry.id, entry);
  }

  const chapters: CatalogChapter[] = CHAPTERS.map((planned) => {
    const entry = bySlug.get(planned.slug);
    const listed = entry?.data.exercises ?? [];
    const extra = [...exercises.values()]
      .filter((e) => e.chapter === planned.slug && !listed.includes(e.id))
      .map((e) => e.id)
      .sort();
    const ids = [...listed, ...extra];
    return {
      ...planned,
      title: entry?.data.title ?? planned.title,
      written: entry !== undefined,
      summary: entry?.data.summary,
      entry,
      exercises: ids.flatMap((id) => {
        const ex = exercises.get(id);
        return ex ? [ex] : [];
      }),
    };
  });

  return {
    parts: PARTS.map((p) => ({ id: p.id, title: p.title, chapters: chapters.filter((c) => c.part === p.id) })),
    chapters,
    written: chapters.filter((c) => c.written),
    exercises,
  };
}

let cached: Promise<Catalog> | undefined;

/** Built once per build and shared by every page (sidebar, course map, pagers). */
export function getCatalog(): Promise<Catalog> {
  cached ??= buildCatalog();
  return cached;
}
