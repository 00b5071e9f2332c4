/**
 * Wraps every Shiki code block (`pre.astro-code`) in `<div class="code-block">` and adds a
 * copy button at build time, so no JS is needed to create it (no layout shift). The click
 * handler lives in src/scripts/site.ts. Labels come from the dictionary (site.code.*).
 */
import { readFileSync } from 'node:fs';

const dict = JSON.parse(readFileSync(new URL('../i18n/zh-CN.json', import.meta.url), 'utf8'));
const label = dict.site?.code?.copy ?? '复制';
const aria = dict.site?.code?.copyLabel ?? '复制代码';

/** Shiki's hast uses a `class` string, other rehype plugins a `className` array. */
/** @param {any} node */
const isCodePre = (node) => {
  if (node.type !== 'element' || node.tagName !== 'pre') return false;
  const cls = node.properties?.className ?? node.properties?.class ?? [];
  return (Array.isArray(cls) ? cls : String(cls).split(/\s+/)).includes('astro-code');
};

export default function rehypeCodeCopy() {
  /** @param {any} tree */
  return (tree) => {
    /** @param {any} parent */
    const walk = (parent) => {
      if (!Array.isArray(parent.children)) return;
      parent.children = parent.children.map((/** @type {any} */ child) => {
        if (!isCodePre(child)) {
          walk(child);
          return child;
        }
        // Scrollable region must be reachable by keyboard (axe: scrollable-region-focusable).
        if (child.properties.tabindex === undefined) child.properties.tabIndex = 0;
        return {
          type: 'element',
          tagName: 'div',
          properties: { className: ['code-block'] },
          children: [
            {
              type: 'element',
              tagName: 'button',
              properties: { type: 'button', className: ['copy-btn'], ariaLabel: aria, dataPagefindIgnore: '' },
              children: [{ type: 'text', value: label }],
            },
            child,
          ],
        };
      });
    };
    walk(tree);
  };
}
