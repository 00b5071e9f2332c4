/**
 * Finds submissions that are identical or nearly so across students, for the teacher to look at
 * (never an accusation: short exercises have few sensible answers).
 *
 * Normalisation: comments and whitespace are dropped, and every identifier that isn't a keyword,
 * `tf` or a property name (after a dot) becomes a placeholder numbered by first use, so renaming
 * variables changes nothing while `tf.exp` vs `tf.sigmoid` still differs. Near-identical is a
 * Jaccard similarity of token 4-gram sets at or above NEAR_DUPLICATE_JACCARD.
 */

import { SIMILARITY_TOKEN } from './tokens';

/** Two submissions with at least this Jaccard similarity of token 4-grams are flagged. */
export const NEAR_DUPLICATE_JACCARD = 0.9;
/** Shorter normalised submissions (in tokens) are never flagged: there are too few ways to write them. */
export const MIN_TOKENS_FOR_SIMILARITY = 40;
const NGRAM = 4;

const KEYWORDS = new Set(
  'abstract as async await break case catch class const constructor continue debugger declare default delete do else enum export extends false finally for from function get if implements import in instanceof interface let new null number of private protected public readonly return set static string super switch this throw true try type typeof undefined var void while with yield boolean any unknown never tf Math Array Number Object console'.split(' '),
);

const TOKEN = SIMILARITY_TOKEN;

/** The normalised token list of a submission. */
export function normalizeTokens(code: string): string[] {
  const out: string[] = [];
  const names = new Map<string, string>();
  let prev = '';
  for (const m of code.matchAll(TOKEN)) {
    const tok = m[0];
    if (tok.startsWith('//') || tok.startsWith('/*')) continue;
    if (/^[A-Za-z_$]/.test(tok) && !KEYWORDS.has(tok) && prev !== '.') {
      let n = names.get(tok);
      if (!n) names.set(tok, (n = `$${names.size}`));
      out.push(n);
    } else out.push(tok);
    prev = tok;
  }
  return out;
}

function ngrams(tokens: readonly string[]): Set<string> {
  const s = new Set<string>();
  for (let i = 0; i + NGRAM <= tokens.length; i++) s.add(tokens.slice(i, i + NGRAM).join('\u0001'));
  return s;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  const union = a.size + b.size - inter;
  return union === 0 ? 1 : inter / union;
}

export interface SimilarGroup {
  exercise: string;
  /** Student ids, sorted. */
  students: string[];
  /** 'identical': the same after normalisation; 'near': Jaccard ≥ NEAR_DUPLICATE_JACCARD. */
  kind: 'identical' | 'near';
  /** Lowest pairwise similarity in the group (1 for identical). */
  similarity: number;
}

/**
 * Groups of students with (near-)identical code for one exercise. `ignore` holds code that many
 * share legitimately (the starter, the published solution), which is never flagged.
 */
export function similarSubmissions(exercise: string, submissions: readonly { student: string; code: string }[], ignore: readonly string[] = []): SimilarGroup[] {
  const ignored = new Set(ignore.map((c) => normalizeTokens(c).join(' ')));
  const items = submissions
    .map((s) => ({ student: s.student, tokens: normalizeTokens(s.code) }))
    .filter((s) => s.tokens.length >= MIN_TOKENS_FOR_SIMILARITY && !ignored.has(s.tokens.join(' ')));
  const groups: SimilarGroup[] = [];
  // Identical first.
  const byText = new Map<string, string[]>();
  for (const s of items) {
    const key = s.tokens.join(' ');
    byText.set(key, [...(byText.get(key) ?? []), s.student]);
  }
  const reps: { students: string[]; grams: Set<string> }[] = [];
  for (const [key, students] of byText) {
    if (students.length > 1) groups.push({ exercise, students: [...students].sort(), kind: 'identical', similarity: 1 });
    reps.push({ students, grams: ngrams(key.split(' ')) });
  }
  // Then near-identical pairs between distinct normalised texts, joined into groups (union–find).
  const parent = reps.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const low = new Map<number, number>();
  for (let i = 0; i < reps.length; i++) {
    for (let j = i + 1; j < reps.length; j++) {
      const sim = jaccard(reps[i]!.grams, reps[j]!.grams);
      if (sim >= NEAR_DUPLICATE_JACCARD) {
        const [a, b] = [find(i), find(j)];
        parent[b] = a;
        low.set(a, Math.min(low.get(a) ?? 1, low.get(b) ?? 1, sim));
      }
    }
  }
  const joined = new Map<number, number[]>();
  for (let i = 0; i < reps.length; i++) joined.set(find(i), [...(joined.get(find(i)) ?? []), i]);
  for (const [root, members] of joined) {
    if (members.length < 2) continue;
    const students = members.flatMap((m) => reps[m]!.students).sort();
    groups.push({ exercise, students, kind: 'near', similarity: Math.round((low.get(root) ?? 1) * 100) / 100 });
  }
  return groups;
}
