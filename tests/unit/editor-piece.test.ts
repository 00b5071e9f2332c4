/**
 * The shared editor piece's pure parts and the chapter-page build plugins: the colours the build
 * writes are the colours the browser keeps (same tokenizer, text preserved exactly), offsets map
 * to lines and columns, every h2 section gets content-visibility with a height estimate, every
 * table a focusable region.
 */
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import rehypeSections from '../../src/markdown/rehype-sections.mjs';
import rehypeTableScroll from '../../src/markdown/rehype-table-scroll.mjs';
import { highlightLinesHtml, tokenLines, tokenize } from '../../src/islands/editor/highlight';
import { offsetAt, positionAt } from '../../src/islands/editor/surface';

const CODE = "import * as tf from '@tensorflow/tfjs';\n/* a\n   block */\nexport function f(x: tf.Tensor) {\n  return tf.mul(x, 2.5e-3); // `t` \"q\"\n}\n";

describe('highlight', () => {
  it('keeps the text exactly and colours only keywords, strings, numbers and comments', () => {
    expect(tokenize(CODE).map((t) => t.text).join('')).toBe(CODE);
    const coloured = tokenize(CODE).filter((t) => t.cls);
    expect(coloured.map((t) => t.cls)).toContain('hl-comment');
    expect(coloured.find((t) => t.cls === 'hl-number')?.text).toBe('2.5e-3');
    expect(coloured.find((t) => t.cls === 'hl-string')?.text).toBe("'@tensorflow/tfjs'");
    expect(tokenize('const s = "unterminated\nnext').find((t) => t.cls === 'hl-string')?.text).toBe('"unterminated');
  });

  it('splits into one block per line, cutting tokens that span lines', () => {
    const lines = tokenLines(CODE);
    expect(lines).toHaveLength(CODE.split('\n').length);
    expect(lines.map((l) => l.map((t) => t.text).join('')).join('')).toBe(CODE);
    expect(lines[1]!.every((t) => t.cls === 'hl-comment') && lines[2]![0]!.cls === 'hl-comment').toBe(true);
    const html = highlightLinesHtml('a < b && "<img>"');
    expect(html).toBe('<span class="pe-line">a &lt; b &amp;&amp; <span class="hl-string">&quot;&lt;img&gt;&quot;</span></span>');
  });
});

describe('offsets', () => {
  it('maps offsets to 1-based lines and columns and back', () => {
    const text = 'ab\ncde\n\nf';
    expect(positionAt(text, 0)).toEqual({ line: 1, column: 1 });
    expect(positionAt(text, 4)).toEqual({ line: 2, column: 2 });
    expect(offsetAt(text, 2, 2)).toBe(4);
    expect(offsetAt(text, 4, 1)).toBe(8);
    expect(offsetAt(text, 99, 99)).toBe(text.length);
  });
});

describe('chapter page plugins', () => {
  const run = (html: string, plugin: () => (tree: never) => void) => {
    const tree = fromHtml(html, { fragment: true });
    plugin()(tree as never);
    return toHtml(tree);
  };

  it('wraps each h2 section for content-visibility, with a larger estimate for a longer section', () => {
    const out = run(`<p>lead</p><h2 id="a">A</h2><p>${'字'.repeat(40)}</p><h2 id="b">B</h2>${'<p>' + '字'.repeat(400) + '</p>'.repeat(1)}<table><tr><td>1</td></tr></table>`, rehypeSections as never);
    expect(out.startsWith('<p>lead</p><section class="cv-section"')).toBe(true);
    const heights = [...out.matchAll(/contain-intrinsic-block-size:auto (\d+)px/g)].map((m) => Number(m[1]));
    expect(heights).toHaveLength(2);
    expect(heights[1]!).toBeGreaterThan(heights[0]!);
    expect(out).toContain('<h2 id="b">B</h2>');
  });

  it('puts every table in a focusable, labelled region', () => {
    const out = run('<table><tr><td>1</td></tr></table>', rehypeTableScroll as never);
    expect(out).toMatch(/^<div class="table-scroll" tabindex="0" role="region" aria-label="[^"]+"><table>/);
  });
});
