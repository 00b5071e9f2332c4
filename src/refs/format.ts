import { arxivId, type CslName, type Reference } from './schema';

/**
 * The course's one reference style (APA-like, the style the hand-written lists used):
 *   Family, G., & Family, G. (Year). Title. *Container*, volume(issue), pages. doi / arXiv link（note）
 * Formatting is a few lines of code over CSL-JSON rather than a citeproc library: the course needs
 * one style, the output must match the lists the chapters already had, and a CSL processor plus an
 * APA style file would add a dependency and still print venues differently from the chapters.
 *
 * The result is a list of segments, not HTML, so the Astro component renders every string as text.
 */
export type Segment =
  | { kind: 'text'; text: string }
  | { kind: 'em'; text: string }
  | { kind: 'link'; text: string; href: string };

const text = (t: string): Segment => ({ kind: 'text', text: t });
const em = (t: string): Segment => ({ kind: 'em', text: t });

function name(n: CslName): string {
  return 'literal' in n ? n.literal : `${n.family}, ${n.given}`;
}

/** "A, B., C, D., & E, F." (APA); "et al." after the listed authors when the list is incomplete. */
export function formatNames(names: readonly CslName[], etAl = false): string {
  const parts = names.map(name);
  if (etAl) return `${parts.join(', ')}, et al.`;
  if (parts.length === 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')}, & ${parts[parts.length - 1]}`;
}

/** Editors as "G. Family & G. Family" (given names first, as in "In … (Eds.)"). */
function formatEditors(names: readonly CslName[]): string {
  const parts = names.map((n) => ('literal' in n ? n.literal : `${n.given} ${n.family}`));
  return parts.length <= 2 ? parts.join(' & ') : `${parts.slice(0, -1).join(', ')}, & ${parts[parts.length - 1]}`;
}

export function year(ref: Reference): number | null {
  return ref.issued?.['date-parts'][0][0] ?? null;
}

/** Short label for screen readers and the /references/ page: "Polyak, 1964", "He 等, 2016". */
export function shortLabel(ref: Reference): string {
  const first = ref.author[0];
  const family = first ? ('literal' in first ? first.literal : first.family) : '';
  const who = ref.author.length === 1 ? family : ref.author.length === 2 && !ref.custom?.etAl ? `${family} 与 ${name2(ref.author[1])}` : `${family} 等`;
  const y = year(ref);
  return y === null ? who : `${who}, ${y}`;
}
function name2(n: CslName | undefined): string {
  return !n ? '' : 'literal' in n ? n.literal : n.family;
}

/** A series with its volume: "LNCS 1524", "PMLR 28(3)" for abbreviations, else "NATO ASI Series F, Vol. 68". */
function series(ref: Reference): string {
  const title = ref['collection-title'];
  const num = ref['collection-number'];
  if (!title) return num ?? '';
  if (!num) return title;
  return /^[A-Z]+$/.test(title) ? `${title} ${num}` : `${title}, Vol. ${num}`;
}

/** "volume(issue), pages" or "Series number, pages" after the container title. */
function details(ref: Reference): string {
  const out: string[] = [];
  if (ref['collection-title'] && ref.type !== 'chapter') out.push(series(ref));
  if (ref.volume) out.push(ref.issue ? `${ref.volume}(${ref.issue})` : ref.volume);
  if (ref.page && ref.type !== 'chapter') out.push(ref.page);
  return out.join(', ');
}

const endsWithStop = (s: string) => /[.?!。？！]$/.test(s);
/** Appends ". " unless the text already ends a sentence (titles ending in "?"). */
const stop = (s: string) => (endsWithStop(s) ? s : `${s}.`);

/** The whole entry as segments, in the course's style. */
export function formatReference(ref: Reference): Segment[] {
  const segs: Segment[] = [];
  const y = year(ref);
  const names = formatNames(ref.author, ref.custom?.etAl);
  segs.push(text(y === null ? `${stop(names)} ` : `${names} (${y}). `));
  const translation = ref.custom?.titleTranslation ? ` [${ref.custom.titleTranslation}]` : '';
  const standalone = ref.type === 'book' || ref.type === 'thesis' || ref.type === 'report';
  if (standalone) {
    segs.push(em(ref.title));
    let after = translation;
    if (ref.type === 'report' && ref.genre) after += ref.number ? ` (${ref.genre} ${ref.number})` : ` [${ref.genre}]`;
    segs.push(text(`${after}. `));
    if (ref.type === 'thesis' && ref.genre) segs.push(text(stop([ref.genre, ref.publisher].filter(Boolean).join(', ')) + ' '));
    else if (ref.publisher) segs.push(text(`${stop(ref.publisher)} `));
  } else {
    segs.push(text(`${stop(ref.title + translation)} `));
    if (ref.type === 'chapter') {
      segs.push(text(ref.editor ? `In ${formatEditors(ref.editor)} (${ref.editor.length > 1 ? 'Eds.' : 'Ed.'}), ` : 'In '));
      segs.push(em(ref['container-title'] ?? ''));
      const inner = [series(ref), ref.page ? `pp. ${ref.page}` : '']
        .filter(Boolean)
        .join(', ');
      segs.push(text(`${inner ? ` (${inner})` : ''}. `));
      if (ref.publisher) segs.push(text(`${stop(ref.publisher)} `));
    } else if (ref['container-title']) {
      segs.push(em(ref['container-title']));
      const d = details(ref);
      segs.push(text(`${d ? `, ${d}` : ''}. `));
      if (ref.publisher && ref.type !== 'article') segs.push(text(`${stop(ref.publisher)} `));
    }
  }
  const links: Segment[] = [];
  if (ref.DOI) links.push({ kind: 'link', text: `doi:${ref.DOI}`, href: `https://doi.org/${ref.DOI}` });
  const arxiv = arxivId(ref);
  if (arxiv) links.push({ kind: 'link', text: `arXiv:${arxiv}`, href: ref.URL ?? '' });
  else if (ref.URL) links.push({ kind: 'link', text: ref.URL.replace(/^https:\/\/(www\.)?/, '').replace(/\/$/, ''), href: ref.URL });
  links.forEach((l, i) => {
    if (i > 0) segs.push(text('；'));
    segs.push(l);
  });
  if (ref.note) {
    const prev = segs[segs.length - 1];
    if (prev?.kind === 'text') prev.text = prev.text.replace(/\s+$/, '');
    segs.push(text(`（${ref.note}）`));
  }
  // Trim the trailing space of the last text segment.
  const last = segs[segs.length - 1];
  if (last?.kind === 'text') last.text = last.text.replace(/\s+$/, '');
  return segs;
}

/** Plain-text form (tests, search excerpts). */
export function formatReferenceText(ref: Reference): string {
  return formatReference(ref)
    .map((s) => (s.kind === 'em' ? `*${s.text}*` : s.text))
    .join('');
}

function sortName(ref: Reference): string {
  const first = ref.author[0];
  return (first ? ('literal' in first ? first.literal : first.family) : '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** Reference-list order: first author's family name, then year, then title (as the lists were). */
export function compareReferences(a: Reference, b: Reference): number {
  return (
    sortName(a).localeCompare(sortName(b), 'en') ||
    (year(a) ?? 9999) - (year(b) ?? 9999) ||
    a.title.localeCompare(b.title, 'en') ||
    a.id.localeCompare(b.id)
  );
}
