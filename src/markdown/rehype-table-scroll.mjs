/**
 * A wide table scrolls sideways on a phone, and a scrollable region must be reachable by
 * keyboard (WCAG 2.1.1; axe's scrollable-region-focusable): every table in the course text is
 * wrapped, at build time, in a focusable region labelled from the dictionary
 * (chapterPage.tableRegion). The table itself keeps its semantics.
 */
import { readFileSync } from 'node:fs';

const dict = JSON.parse(readFileSync(new URL('../i18n/zh-CN.json', import.meta.url), 'utf8'));
const label = dict.chapterPage?.tableRegion ?? '表格';

export default function rehypeTableScroll() {
  /** @param {any} tree */
  return (tree) => {
    /** @param {any} parent */
    const walk = (parent) => {
      if (!Array.isArray(parent.children)) return;
      parent.children = parent.children.map((/** @type {any} */ child) => {
        if (child.type === 'element' && child.tagName === 'table') {
          return { type: 'element', tagName: 'div', properties: { className: ['table-scroll'], tabIndex: 0, role: 'region', ariaLabel: label }, children: [child] };
        }
        walk(child);
        return child;
      });
    };
    walk(tree);
  };
}
