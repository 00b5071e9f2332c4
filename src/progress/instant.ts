/**
 * Dates that decide something are compared as instants, never as text: an ISO string with an
 * offset (`2026-11-20T21:00:00+14:00`, which is 07:00Z) sorts after `2026-11-20T08:00:00.000Z` as
 * text but is an hour earlier. Export files may carry any offset; this module is the one way the
 * progress and teacher code orders them.
 */

/** Milliseconds since the epoch; an unreadable date sorts before every real one. */
export function instant(iso: string | null | undefined): number {
  if (iso === null || iso === undefined) return -Infinity;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? -Infinity : t;
}

/** The later of two dates (null when both are null). */
export function laterOf(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return instant(a) >= instant(b) ? a : b;
}

/** The earlier of two dates (null when both are null). */
export function earlierOf(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return instant(a) <= instant(b) ? a : b;
}

/** For sort(): earlier dates first. */
export const byInstant = (a: string, b: string): number => instant(a) - instant(b);
