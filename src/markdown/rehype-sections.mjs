/**
 * Chapter pages that stay light however long they grow: every `##` section (an h2 and what
 * follows it, up to the next h2) becomes `<section class="cv-section">`, which global.css gives
 * `content-visibility: auto`. The browser then spends no style, layout or paint work on a section
 * until it comes near the viewport; the text stays in the DOM, so find-in-page, the table of
 * contents' links, the tab order and assistive technology all still reach it.
 *
 * A skipped section takes the height given by `contain-intrinsic-block-size: auto <estimate>`.
 * The estimate is computed here from the section's content (lines of text, formulas, code lines,
 * cells, figures, table rows) for a desktop-width column, so the scroll bar is about right before
 * a section was ever drawn; `auto` then remembers each section's real height once it has been.
 * The page before the first h2 (title, lead) is left alone: it is on screen at once anyway.
 */

/** Estimated heights in CSS pixels (a 46rem column at 16px; body line height ≈ 1.8). */
const PX = { line: 29, paragraphGap: 18, heading: 64, displayMath: 72, codeLine: 22, codeChrome: 48, cellChrome: 150, figure: 380, tableRow: 42, image: 320 };
/** Characters per line: CJK characters are about one em wide, Latin letters about half. */
const EM_PER_LINE = 44;

/** @param {any} node @returns {string} */
const textOf = (node) => {
  if (node.type === 'text') return node.value;
  if (!Array.isArray(node.children)) return '';
  return node.children.map(textOf).join('');
};
/** Text without KaTeX's MathML copies. @param {any} node @returns {string} */
const visibleText = (node) => {
  if (node.type === 'text') return node.value;
  if (!Array.isArray(node.children) || hasClass(node, 'katex-mathml')) return '';
  return node.children.map(visibleText).join('');
};
/** @param {string} s */
const ems = (s) => {
  let n = 0;
  for (const ch of s) n += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 1 : 0.55;
  return n;
};
/** @param {any} node @param {string} name */
const hasClass = (node, name) => {
  const cls = node.properties?.className ?? node.properties?.class ?? [];
  return (Array.isArray(cls) ? cls : String(cls).split(/\s+/)).includes(name);
};
/** Lines of a JSX attribute that holds code (`<Cell code={`…`} />`). @param {any} node */
const codeLines = (node) => {
  const attr = (node.attributes ?? []).find((/** @type {any} */ a) => a.name === 'code');
  const value = typeof attr?.value === 'string' ? attr.value : attr?.value?.value ?? '';
  return String(value).split('\n').length;
};

/** @param {any} node @returns {number} */
function estimate(node) {
  if (node.type === 'text') return node.value.trim() ? Math.ceil(ems(node.value) / EM_PER_LINE) * PX.line : 0;
  if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
    if (node.name === 'Cell') return codeLines(node) * PX.codeLine + PX.cellChrome;
    return PX.figure;
  }
  if (node.type !== 'element') return 0;
  if (hasClass(node, 'katex-display')) return PX.displayMath;
  if (hasClass(node, 'code-block') || node.tagName === 'pre') return textOf(node).split('\n').length * PX.codeLine + PX.codeChrome;
  switch (node.tagName) {
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
      return PX.heading;
    case 'p':
    case 'li':
    case 'dd':
    case 'dt':
    case 'figcaption':
      // Text as it shows: a formula's MathML copy (for screen readers) takes no room.
      return Math.max(1, Math.ceil(ems(visibleText(node)) / EM_PER_LINE)) * PX.line + PX.paragraphGap;
    case 'details':
      // Closed (思考题's answers): only its summary line shows.
      return node.properties?.open ? (node.children ?? []).reduce((/** @type {number} */ sum, /** @type {any} */ c) => sum + estimate(c), 0) : PX.line + PX.paragraphGap;
    case 'tr':
      return PX.tableRow;
    case 'img':
    case 'svg':
      return PX.image;
    default:
      return (node.children ?? []).reduce((/** @type {number} */ sum, /** @type {any} */ c) => sum + estimate(c), 0);
  }
}

export default function rehypeSections() {
  /** @param {any} tree */
  return (tree) => {
    const out = [];
    /** @type {any} */
    let section = null;
    for (const child of tree.children) {
      if (child.type === 'element' && child.tagName === 'h2') {
        section = { type: 'element', tagName: 'section', properties: { className: ['cv-section'] }, children: [] };
        out.push(section);
      }
      if (section && child.type !== 'mdxjsEsm') section.children.push(child);
      else out.push(child);
    }
    for (const node of out) {
      if (node.type !== 'element' || !hasClass(node, 'cv-section')) continue;
      const px = Math.round(node.children.reduce((/** @type {number} */ sum, /** @type {any} */ c) => sum + estimate(c), 0));
      node.properties.style = `contain-intrinsic-block-size:auto ${Math.max(200, px)}px`;
    }
    tree.children = out;
  };
}
