/**
 * Who cites what and who marks what, for /references/ and /glossary/: the checked index
 * (src/refs/load.ts) joined with the course catalog's titles. Build time only.
 */
import { getCatalog } from '../course/catalog';
import { t } from '../i18n/t';
import { chapterUrl, exerciseUrl } from '../lib/url';
import { loadContentIndex, sourceOwner } from './load';

/** A page that cites an entry or marks a term. */
export interface UsingPage {
  kind: 'chapter' | 'exercise';
  id: string;
  /** "第 6 章 · 优化算法" or the exercise title. */
  label: string;
  /** Short label: "第 6 章" or the exercise title. */
  short: string;
  /** Page URL without a fragment. */
  href: string;
  /** Chapter order (exercises: their chapter's order), for sorting. */
  order: number;
}

export async function usingPages(): Promise<{ cites: Map<string, UsingPage[]>; terms: Map<string, UsingPage[]> }> {
  const index = loadContentIndex();
  const catalog = await getCatalog();
  const cites = new Map<string, UsingPage[]>();
  const terms = new Map<string, UsingPage[]>();
  for (const [path, use] of index.usage) {
    const owner = sourceOwner(path);
    let page: UsingPage;
    if (owner.kind === 'chapter') {
      const ch = catalog.chapters.find((c) => c.slug === owner.id);
      if (!ch) throw new Error(`${path}: chapter not in src/course/plan.ts`);
      const short = t('glossary.chapterShort', { order: ch.order });
      page = { kind: 'chapter', id: owner.id, label: `${short} · ${ch.title}`, short, href: chapterUrl(owner.id), order: ch.order };
    } else {
      const ex = catalog.exercises.get(owner.id);
      if (!ex) continue;
      const order = catalog.chapters.find((c) => c.slug === ex.chapter)?.order ?? 99;
      page = { kind: 'exercise', id: owner.id, label: ex.title, short: ex.title, href: exerciseUrl(owner.id), order: order + 0.5 };
    }
    for (const key of use.cites) cites.set(key, [...(cites.get(key) ?? []), page]);
    for (const id of use.terms) terms.set(id, [...(terms.get(id) ?? []), page]);
  }
  const byOrder = (a: UsingPage, b: UsingPage) => a.order - b.order || a.id.localeCompare(b.id);
  for (const list of [...cites.values(), ...terms.values()]) list.sort(byOrder);
  return { cites, terms };
}
