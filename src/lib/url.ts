/**
 * Internal links. Everything is root-relative and prefixed with Astro's `base`, so the site
 * works on any host (no `site` needed) and under a sub-path if `base` is set.
 * trailingSlash is 'always', so page URLs end with '/'.
 */
const BASE = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;

/** `url('chapters/01-x/')` → `/chapters/01-x/` (with base prefix). */
export function url(path = ''): string {
  return BASE + path.replace(/^\//, '');
}

export const chapterUrl = (slug: string): string => url(`chapters/${slug}/`);
export const exerciseUrl = (id: string): string => url(`exercises/${id}/`);

/** Normalises a pathname for "is this the current page?" comparisons. */
export function samePath(a: string, b: string): boolean {
  const norm = (p: string) => decodeURI(p).replace(/\/index\.html$/, '/').replace(/\/?$/, '/');
  return norm(a) === norm(b);
}
