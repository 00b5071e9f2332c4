/**
 * Student ids and names as a teacher reads them. Two files whose ids print the same must be one
 * student (or be flagged), whatever invisible characters a file adds: ids are normalised before
 * grouping, and names and ids lose every control and bidi character before anything shows them.
 */
import { sanitizeText } from '../sandbox/wire';

/** Default-ignorable code points (U+200B, U+2060, variation selectors …) and the bidi marks. */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/** The id students are grouped by: NFKC (full-width digits become ASCII), no invisible characters, trimmed. */
export function normalizeId(raw: string): string {
  return sanitizeText(raw.normalize('NFKC').replace(INVISIBLE, '')).trim();
}

/** A name to show: NFKC, no invisible or control characters, inner whitespace collapsed. */
export function displayName(raw: string): string {
  return sanitizeText(raw.normalize('NFKC').replace(INVISIBLE, '')).replace(/\s+/g, ' ').trim();
}

// Letters from other scripts that look like Latin letters and digits in common fonts (a small
// table of the usual suspects, from Unicode's confusables list): only for flagging, never grouping.
const LOOKALIKES: Record<string, string> = {
  а: 'a', в: 'b', е: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x', ѕ: 's', і: 'i', ј: 'j', ԁ: 'd', ԛ: 'q', ԝ: 'w',
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', Ѕ: 'S', І: 'I', Ј: 'J',
  α: 'a', ο: 'o', ν: 'v', ρ: 'p', τ: 't', υ: 'u', ι: 'i', κ: 'k', Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X',
  l: '1', O: '0', o: '0',
};

/** What an id looks like: look-alike letters folded, case ignored. Two ids with one skeleton read the same. */
export function idSkeleton(id: string): string {
  return [...normalizeId(id)].map((c) => LOOKALIKES[c] ?? c).join('').toLowerCase().replace(/[l|]/g, '1').replace(/o/g, '0');
}
