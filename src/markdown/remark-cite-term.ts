/**
 * remark plugin for `<Cite id="…" />`, `<References />` and `<Term id="…">…</Term>` in MDX.
 * At compile time it
 *  - fails the build, naming file and line, on an unknown citation key or term id, on an id that
 *    is not a plain string, on citations without a `<References />` (or the reverse), and on a
 *    term marked twice in one file;
 *  - numbers the citations: the page's list is every key it cites, sorted by author and year
 *    (src/refs/format.ts), and each `<Cite>` gets `n` (its number) and `label` ("He 等, 2016");
 *  - hands `<References />` its keys in list order (`keys="a,b,c"`).
 * The components (src/components/Cite.astro, References.astro, Term.astro) only render.
 */
import { relative } from 'node:path';
import { compareReferences, shortLabel } from '../refs/format';
import { loadContentIndex } from '../refs/load';

interface JsxAttr {
  type: string;
  name?: string;
  value?: unknown;
}
interface Node {
  type: string;
  name?: string | null | undefined;
  attributes?: JsxAttr[] | undefined;
  children?: Node[] | undefined;
  position?: { start: { line: number } } | undefined;
}

const NAMES = new Set(['Cite', 'References', 'Term']);

function walk(node: Node, found: Node[]): void {
  if ((node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') && node.name && NAMES.has(node.name)) found.push(node);
  node.children?.forEach((c) => walk(c, found));
}

function stringAttr(node: Node, name: string): string | undefined | null {
  const a = node.attributes?.find((x) => x.type === 'mdxJsxAttribute' && x.name === name);
  if (!a) return undefined;
  return typeof a.value === 'string' ? a.value : null;
}

function setAttr(node: Node, name: string, value: string): void {
  node.attributes = (node.attributes ?? []).filter((x) => x.name !== name);
  node.attributes.push({ type: 'mdxJsxAttribute', name, value });
}

export default function remarkCiteTerm() {
  return (tree: unknown, file: { path?: string | undefined }) => {
    const found: Node[] = [];
    walk(tree as Node, found);
    if (found.length === 0) return;
    const where = file.path ? relative(process.cwd(), file.path) : '(未知文件)';
    const at = (n: Node) => `${where}:${n.position?.start.line ?? '?'}`;
    const index = loadContentIndex();
    const refs = new Map(index.references.map((r) => [r.id, r]));
    const terms = new Set(index.glossary.map((t) => t.id));
    const cites = found.filter((n) => n.name === 'Cite');
    const lists = found.filter((n) => n.name === 'References');
    const seenTerms = new Map<string, Node>();
    const problems: string[] = [];
    for (const n of found) {
      if (n.name === 'References') continue;
      const id = stringAttr(n, 'id');
      if (typeof id !== 'string') {
        problems.push(`${at(n)}：<${n.name}> 的 id 必须是写死的字符串，如 id="he2016resnet"`);
        continue;
      }
      if (n.name === 'Cite' && !refs.has(id)) problems.push(`${at(n)}：未知的参考文献键 "${id}"（content/references.json 里没有）`);
      if (n.name === 'Term') {
        if (!terms.has(id)) problems.push(`${at(n)}：未知的术语 "${id}"（content/glossary.json 里没有）`);
        const prev = seenTerms.get(id);
        if (prev) problems.push(`${at(n)}：术语 "${id}" 在第 ${prev.position?.start.line ?? '?'} 行已经标记过；一页只标记第一次出现`);
        seenTerms.set(id, n);
      }
    }
    if (cites.length > 0 && lists.length !== 1) problems.push(`${where}：引用了文献，页面上要恰好有一个 <References />（现在有 ${lists.length} 个）`);
    if (cites.length === 0 && lists.length > 0) problems.push(`${where}：有 <References /> 但没有任何 <Cite id="…" />`);
    if (problems.length > 0) throw new Error(`参考文献与术语标记有误：\n${problems.map((p) => `  - ${p}`).join('\n')}`);

    const keys = [...new Set(cites.map((n) => stringAttr(n, 'id') as string))]
      .map((k) => refs.get(k)!)
      .sort(compareReferences)
      .map((r) => r.id);
    const number = new Map(keys.map((k, i) => [k, i + 1]));
    for (const n of cites) {
      const id = stringAttr(n, 'id') as string;
      setAttr(n, 'n', String(number.get(id)));
      setAttr(n, 'label', shortLabel(refs.get(id)!));
    }
    for (const n of lists) setAttr(n, 'keys', keys.join(','));
  };
}
