import { relative } from 'node:path';

/**
 * Runs right after rehype-katex. rehype-katex catches KaTeX errors and only records them as
 * vfile messages (rendering a red `.katex-error`), so a typo in a formula would ship silently.
 * This plugin turns every such message into a thrown error that names the file, line and formula,
 * which makes `astro build` (and `astro dev`) fail loudly.
 */
/**
 * Also marks every rendered formula `data-pagefind-ignore`: Pagefind would otherwise index the
 * MathML + TeX annotation + HTML glyphs and show garbled excerpts such as "σ\\sigmaσ".
 * @param {any} node
 */
function hideMathFromSearch(node) {
  if (node.type === 'element' && Array.isArray(node.properties?.className) && node.properties.className.includes('katex-display')) {
    // A wide display formula scrolls sideways (global.css): keyboard users must be able to focus it to scroll it.
    node.properties.tabIndex = 0;
  }
  if (node.type === 'element' && Array.isArray(node.properties?.className) && node.properties.className.includes('katex')) {
    node.properties.dataPagefindIgnore = '';
    return;
  }
  if (Array.isArray(node.children)) node.children.forEach(hideMathFromSearch);
}

/** @returns {(tree: any, file: import('vfile').VFile) => void} */
export default function rehypeKatexStrict() {
  return (tree, file) => {
    hideMathFromSearch(tree);
    const problems = file.messages.filter((m) => m.source === 'rehype-katex');
    if (problems.length === 0) return;
    const where = file.path ? relative(process.cwd(), file.path) : '(未知文件)';
    const lines = problems.map((m) => {
      const line = m.place && 'line' in m.place ? m.place.line : m.place?.start?.line;
      const reason = m.cause instanceof Error ? m.cause.message : m.reason;
      return `  - 第 ${line ?? '?'} 行：${reason}`;
    });
    throw new Error(`公式无法渲染（KaTeX）：${where}\n${lines.join('\n')}`);
  };
}
