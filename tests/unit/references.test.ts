/**
 * One reference database and a glossary (issue #25): the checks that make the build fail
 * (src/refs/check.ts, run by the `dlc:content-links` integration and the remark plugin), the
 * course's one reference style (src/refs/format.ts), and the real content passing all of them.
 */
import { readFileSync } from 'node:fs';
import { compile } from '@mdx-js/mdx';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import remarkCiteTerm from '../../src/markdown/remark-cite-term';
import { checkContent, scanSource, type SourceFile } from '../../src/refs/check';
import { compareReferences, formatReferenceText } from '../../src/refs/format';
import { listSources, loadContentIndex } from '../../src/refs/load';
import { referencesFileSchema, type Reference } from '../../src/refs/schema';

const he: Reference = {
  id: 'he2016resnet',
  type: 'paper-conference',
  author: [
    { family: 'He', given: 'K.' },
    { family: 'Zhang', given: 'X.' },
    { family: 'Ren', given: 'S.' },
    { family: 'Sun', given: 'J.' },
  ],
  issued: { 'date-parts': [[2016]] },
  title: 'Deep residual learning for image recognition',
  'container-title': 'CVPR 2016',
  page: '770–778',
  DOI: '10.1109/CVPR.2016.90',
  URL: 'https://arxiv.org/abs/1512.03385',
};
const polyak: Reference = {
  id: 'polyak1964methods',
  type: 'article-journal',
  author: [{ family: 'Polyak', given: 'B. T.' }],
  issued: { 'date-parts': [[1964]] },
  title: 'Some methods of speeding up the convergence of iteration methods',
  'container-title': 'USSR Computational Mathematics and Mathematical Physics',
  volume: '4',
  issue: '5',
  page: '1–17',
};

const REFS = 'content/references.json';
const GLOSS = 'content/glossary.json';
const gradient = { id: 'gradient', zh: '梯度', en: 'gradient', definition: '损失对每个参数的偏导数组成的向量。', chapter: '05-x' };

function run(refs: unknown, sources: SourceFile[], glossary: unknown = []) {
  return checkContent({
    references: { path: REFS, text: JSON.stringify(refs) },
    glossary: { path: GLOSS, text: JSON.stringify(glossary) },
    sources,
  }).errors;
}
const chapter = (text: string, slug = '05-x'): SourceFile => ({ path: `content/chapters/${slug}.mdx`, text });

describe('the build fails on bad citations, naming the file', () => {
  it('passes when every key exists once and every entry is cited', () => {
    expect(run([he, polyak], [chapter('He 等人（2016）<Cite id="he2016resnet" />'), { path: 'exercises/a/statement.mdx', text: '<Cite id="polyak1964methods" />' }])).toEqual([]);
  });
  it('an unknown key names the citing file and the key', () => {
    const errors = run([he], [chapter('<Cite id="he2016resnet" /> <Cite id="he2016resnt" />', '06-optimizers')]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/content\/chapters\/06-optimizers\.mdx.*"he2016resnt"/);
  });
  it('a duplicate key names content/references.json, the key and both positions', () => {
    const errors = run([he, polyak, { ...he, title: 'again' }], [chapter('<Cite id="he2016resnet" /><Cite id="polyak1964methods" />')]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/content\/references\.json.*"he2016resnet".*第 1、3 项/);
  });
  it('an entry nothing cites names content/references.json and the key', () => {
    const errors = run([he, polyak], [chapter('<Cite id="he2016resnet" />')]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/content\/references\.json.*"polyak1964methods".*没有被任何章节或练习引用/);
  });
  it('a misspelt CSL field or a DOI written as a URL fails the schema, naming the field', () => {
    const errors = run([{ ...he, DOI: 'https://doi.org/10.1109/CVPR.2016.90', contianer: 'x' }], [chapter('<Cite id="he2016resnet" />')]);
    expect(errors.join('\n')).toMatch(/content\/references\.json[\s\S]*DOI[\s\S]*contianer|contianer[\s\S]*DOI/);
  });
  it('a hand-written 参考文献 list (a chapter not yet converted) names the file and the converter', () => {
    const errors = run([he], [chapter('<Cite id="he2016resnet" />\n\n## 参考文献\n\n<References />'), chapter('## 参考文献\n\n1. He, K. (2016). …', '12-capstone')]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/12-capstone\.mdx.*手写.*refs-from-list/);
  });
  it('a citation in a code block is an example, not a citation', () => {
    expect(scanSource('```mdx\n<Cite id="x" />\n```\nand `<Cite id="y" />`').cites).toEqual([]);
  });
});

describe('glossary checks', () => {
  it('a term must be marked in the chapter that teaches it, at most once per page, and exist', () => {
    const refs = [he];
    const cite = '<Cite id="he2016resnet" />';
    expect(run(refs, [chapter(`${cite}<Term id="gradient">梯度</Term>`)], [gradient])).toEqual([]);
    expect(run(refs, [chapter(cite), chapter('<Term id="gradient">梯度</Term>', '06-y')], [gradient]).join()).toMatch(/"gradient".*05-x\.mdx/);
    expect(run(refs, [chapter(`${cite}<Term id="gradient">a</Term><Term id="gradient">b</Term>`)], [gradient]).join()).toMatch(/05-x\.mdx.*"gradient".*标记了 2 次/);
    expect(run(refs, [chapter(`${cite}<Term id="gradient">a</Term><Term id="gradiant">b</Term>`)], [gradient]).join()).toMatch(/05-x\.mdx.*不存在的术语 "gradiant"/);
    expect(run(refs, [chapter(`${cite}<Term id="gradient">a</Term>`)], [gradient, gradient]).join()).toMatch(/glossary\.json.*"gradient".*重复/);
  });
});

describe('the course reference style', () => {
  it('prints authors, year, title, venue, pages, DOI and arXiv id as the chapters did', () => {
    expect(formatReferenceText(he)).toBe(
      'He, K., Zhang, X., Ren, S., & Sun, J. (2016). Deep residual learning for image recognition. *CVPR 2016*, 770–778. doi:10.1109/CVPR.2016.90；arXiv:1512.03385',
    );
    expect(formatReferenceText(polyak)).toBe(
      'Polyak, B. T. (1964). Some methods of speeding up the convergence of iteration methods. *USSR Computational Mathematics and Mathematical Physics*, 4(5), 1–17.',
    );
  });
  it('sorts by first author, then year', () => {
    expect([polyak, he].sort(compareReferences).map((r) => r.id)).toEqual(['he2016resnet', 'polyak1964methods']);
  });
});

describe('remark-cite-term numbers citations in list order', () => {
  it('gives each <Cite> its number and <References /> its keys; an unknown key fails with file and line', async () => {
    const index = loadContentIndex();
    const [a, b] = index.references.slice().sort(compareReferences);
    const value = `x<Cite id="${b!.id}" /> y<Cite id="${a!.id}" />\n\n<References />\n`;
    const out = String(await compile(new VFile({ path: `${process.cwd()}/content/chapters/99-t.mdx`, value }), { remarkPlugins: [remarkCiteTerm] }));
    expect(out).toMatch(new RegExp(`id: "${b!.id}"[^}]*n: "2"`));
    expect(out).toMatch(new RegExp(`keys: "${a!.id},${b!.id}"`));
    await expect(compile(new VFile({ path: `${process.cwd()}/content/chapters/99-t.mdx`, value: '\n\n<Cite id="nope2000" />\n\n<References />' }), { remarkPlugins: [remarkCiteTerm] })).rejects.toThrow(
      /99-t\.mdx:3.*"nope2000"/,
    );
  });
});

describe('the real content', () => {
  it('content/references.json is valid CSL-JSON for the course, and every check passes', () => {
    const parsed = referencesFileSchema.safeParse(JSON.parse(readFileSync(REFS, 'utf8')));
    expect(parsed.success).toBe(true);
    expect(() => loadContentIndex()).not.toThrow();
    const index = loadContentIndex();
    // Every chapter on disk cites from the database (chapter 12 included once it exists).
    for (const path of listSources(process.cwd()).filter((p) => p.startsWith('content/chapters/'))) {
      expect(index.usage.get(path)?.cites.length ?? 0, path).toBeGreaterThan(0);
    }
  });
});
