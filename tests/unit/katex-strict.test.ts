// A malformed formula must fail the build with the file name, never ship as red text.
import { compile } from '@mdx-js/mdx';
import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import rehypeKatexStrict from '../../src/markdown/rehype-katex-strict.mjs';

const render = (value: string) =>
  compile(new VFile({ path: `${process.cwd()}/content/chapters/99-test.mdx`, value }), {
    remarkPlugins: [remarkMath],
    rehypePlugins: [[rehypeKatex, { strict: 'ignore' }], rehypeKatexStrict],
  });

describe('rehype-katex-strict', () => {
  it('a valid formula compiles', async () => {
    await expect(render('能量 $E = mc^2$ 与 $$\\sigma(z) = \\frac{1}{1 + e^{-z}}$$')).resolves.toBeDefined();
  });
  it('a malformed formula fails and names the file and line', async () => {
    await expect(render('第一行\n\n坏公式 $\\frac{1}{$ 在这里')).rejects.toThrow(/content\/chapters\/99-test\.mdx[\s\S]*第 3 行/);
  });
  it('an unknown macro fails too', async () => {
    await expect(render('$\\notamacro{x}$')).rejects.toThrow(/公式无法渲染/);
  });
});
