/**
 * Cross-checks of the reference database, the glossary and every page that cites or marks a term.
 * Pure functions over file texts, so the same code runs in the build (the `dlc:content-links`
 * integration in astro.config.mjs throws its errors, which fails `astro build` and `astro dev`)
 * and in vitest (tests/unit/references.test.ts).
 *
 * Fails on: a key cited but not in content/references.json (naming the citing file), a key that
 * appears twice in content/references.json, an entry nothing cites; the same for glossary ids,
 * a term marked twice in one file, a term whose teaching chapter does not mark it, and a page that
 * still has a hand-written 参考文献 list instead of `<References />`.
 */
import { formatSchemaError } from '../grader/schema';
import { glossaryFileSchema, type Term } from '../glossary/schema';
import { referencesFileSchema, type Reference } from './schema';

/** A page source: repository-relative path and its text. */
export interface SourceFile {
  /** e.g. "content/chapters/06-optimizers.mdx" or "exercises/adam-step/statement.mdx". */
  path: string;
  text: string;
}

/** What one page cites and marks, in order of first appearance. */
export interface Usage {
  cites: string[];
  terms: string[];
}

export interface ContentIndex {
  references: Reference[];
  glossary: Term[];
  /** Per source path. */
  usage: Map<string, Usage>;
}

/** Fenced code blocks and inline code are not prose: a `<Cite` inside them is an example, not a citation. */
function stripCode(text: string): string {
  return text.replace(/^(```|~~~)[\s\S]*?^\1/gm, '').replace(/`[^`\n]*`/g, '');
}

const CITE = /<Cite\b[^>]*?\bid=(["'])([^"']*)\1/g;
const TERM = /<Term\b[^>]*?\bid=(["'])([^"']*)\1/g;

/** Every `<Cite id>` and `<Term id>` of a source, in order (duplicates kept). */
export function scanSource(text: string): { cites: string[]; terms: string[] } {
  const prose = stripCode(text);
  return {
    cites: [...prose.matchAll(CITE)].map((m) => m[2] ?? ''),
    terms: [...prose.matchAll(TERM)].map((m) => m[2] ?? ''),
  };
}

function parseJson(path: string, text: string, errors: string[]): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    errors.push(`${path} 不是合法的 JSON：${(e as Error).message}`);
    return [];
  }
}

/** Positions (1-based) of every id that occurs more than once. */
function duplicates(ids: readonly string[]): Map<string, number[]> {
  const seen = new Map<string, number[]>();
  ids.forEach((id, i) => seen.set(id, [...(seen.get(id) ?? []), i + 1]));
  return new Map([...seen].filter(([, at]) => at.length > 1));
}

export interface CheckInput {
  references: SourceFile;
  glossary: SourceFile;
  sources: SourceFile[];
}

/** Runs every check; `errors` is empty when the content is consistent. */
export function checkContent(input: CheckInput): { errors: string[]; index: ContentIndex } {
  const errors: string[] = [];
  const refsRaw = parseJson(input.references.path, input.references.text, errors);
  const refsParsed = referencesFileSchema.safeParse(refsRaw);
  let references: Reference[] = [];
  if (refsParsed.success) references = refsParsed.data;
  else errors.push(formatSchemaError(input.references.path, refsParsed.error));
  const glossRaw = parseJson(input.glossary.path, input.glossary.text, errors);
  const glossParsed = glossaryFileSchema.safeParse(glossRaw);
  let glossary: Term[] = [];
  if (glossParsed.success) glossary = glossParsed.data;
  else errors.push(formatSchemaError(input.glossary.path, glossParsed.error));

  for (const [id, at] of duplicates(references.map((r) => r.id))) {
    errors.push(`${input.references.path}：键 "${id}" 重复出现（第 ${at.join('、')} 项）；每个键只能有一个条目`);
  }
  for (const [id, at] of duplicates(glossary.map((t) => t.id))) {
    errors.push(`${input.glossary.path}：术语 id "${id}" 重复出现（第 ${at.join('、')} 项）`);
  }

  const refIds = new Set(references.map((r) => r.id));
  const termIds = new Set(glossary.map((t) => t.id));
  const usage = new Map<string, Usage>();
  const cited = new Set<string>();
  const marked = new Map<string, Set<string>>();
  for (const src of input.sources) {
    const { cites, terms } = scanSource(src.text);
    if (/^## 参考文献\s*$/m.test(src.text) && !/<References\b/.test(stripCode(src.text))) {
      errors.push(`${src.path}：「参考文献」还是手写的列表；把文献放进 ${input.references.path}，正文里写 <Cite id="…" />，列表换成 <References />（node scripts/refs-from-list.mjs ${src.path} 会列出已有的键和新条目的草稿）`);
    }
    for (const key of new Set(cites)) {
      if (!refIds.has(key)) errors.push(`${src.path}：引用了不存在的参考文献键 "${key}"（先把它加进 ${input.references.path}）`);
      cited.add(key);
    }
    for (const [id, at] of duplicates(terms)) {
      errors.push(`${src.path}：术语 "${id}" 标记了 ${at.length} 次；一章只标记它第一次出现的地方`);
    }
    for (const id of new Set(terms)) {
      if (!termIds.has(id)) errors.push(`${src.path}：标记了不存在的术语 "${id}"（先把它加进 ${input.glossary.path}）`);
      marked.set(id, (marked.get(id) ?? new Set()).add(src.path));
    }
    usage.set(src.path, { cites: [...new Set(cites)], terms: [...new Set(terms)] });
  }
  for (const r of references) {
    if (!cited.has(r.id)) {
      errors.push(`${input.references.path}：条目 "${r.id}" 没有被任何章节或练习引用（删掉它，或在正文里写 <Cite id="${r.id}" />）`);
    }
  }
  for (const t of glossary) {
    const teaching = `content/chapters/${t.chapter}.mdx`;
    if (!marked.get(t.id)?.has(teaching)) {
      errors.push(`${input.glossary.path}：术语 "${t.id}" 说在 ${teaching} 里讲，但那一章没有 <Term id="${t.id}">…</Term>`);
    }
  }
  return { errors, index: { references, glossary, usage } };
}
