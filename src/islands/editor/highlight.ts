/**
 * The course's light code colouring for TypeScript, shared by the build (Astro renders the
 * starter as HTML) and the browser (the plain editor re-colours as the learner types, the
 * teacher's detail view shows a student's code). One tokenizer on both sides, so the colours the
 * page was built with are exactly the ones the editor keeps.
 *
 * A regular expression is enough for a viewer: comments, strings (template literals included),
 * numbers and keywords. Only colour changes, never width or weight, so a textarea laid over the
 * colours lines up with them character for character. Student code is only ever text: the DOM
 * version builds text nodes, the HTML version escapes.
 */

import { HIGHLIGHT_TOKEN } from '../../teacher/tokens';

// Linear on hostile input (a student's file can be megabytes of unclosed comments or quotes):
// src/teacher/tokens.ts explains the pattern; tests/unit/teacher.test.ts proves it.
const TOKEN = HIGHLIGHT_TOKEN;

/** CSS class per capture group (1 = comment, 2 = string, 3 = number, 4 = keyword). */
export const TOKEN_CLASSES = ['', 'hl-comment', 'hl-string', 'hl-number', 'hl-keyword'] as const;

/** One run of text: `cls` is '' for plain text. */
export interface Token {
  text: string;
  cls: (typeof TOKEN_CLASSES)[number];
}

/** Splits code into coloured runs; joining every `text` gives the code back exactly. */
export function tokenize(code: string): Token[] {
  const out: Token[] = [];
  let last = 0;
  for (const m of code.matchAll(TOKEN)) {
    const i = m.index ?? 0;
    if (m[0] === '') continue;
    if (i > last) out.push({ text: code.slice(last, i), cls: '' });
    const group = m.slice(1).findIndex((g) => g !== undefined) + 1;
    out.push({ text: m[0], cls: TOKEN_CLASSES[group] ?? '' });
    last = i + m[0].length;
  }
  if (last < code.length) out.push({ text: code.slice(last), cls: '' });
  return out;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escapeHtml = (s: string): string => s.replace(/[&<>"]/g, (c) => ESCAPES[c]!);

/**
 * Splits tokens into lines (a token that spans lines, like a block comment, is cut at each
 * newline). Each line keeps its newline, except the last.
 */
export function tokenLines(code: string): Token[][] {
  const lines: Token[][] = [[]];
  for (const tok of tokenize(code)) {
    const parts = tok.text.split('\n');
    parts.forEach((part, i) => {
      const last = lines[lines.length - 1]!;
      const text = i < parts.length - 1 ? `${part}\n` : part;
      if (text) last.push({ text, cls: tok.cls });
      if (i < parts.length - 1) lines.push([]);
    });
  }
  return lines;
}

/**
 * The coloured code as one block per line (`<span class="pe-line">`): each line block is exactly
 * as tall as that line of the textarea laid over it, whatever fonts its characters fall back to
 * (a CJK comment can make a line taller than the others), so line numbers drawn beside each block
 * (editor.css, a CSS counter) stay level with their lines.
 */
export function highlightLinesHtml(code: string): string {
  return tokenLines(code)
    .map((line) => `<span class="pe-line">${line.map((tok) => (tok.cls ? `<span class="${tok.cls}">${escapeHtml(tok.text)}</span>` : escapeHtml(tok.text))).join('')}</span>`)
    .join('');
}

/** highlightLinesHtml into `target`, as text nodes and spans (never parsed as HTML). */
export function highlightLinesInto(target: HTMLElement, code: string): void {
  const doc = target.ownerDocument;
  const frag = doc.createDocumentFragment();
  for (const line of tokenLines(code)) {
    const el = doc.createElement('span');
    el.className = 'pe-line';
    for (const tok of line) {
      if (!tok.cls) {
        el.append(doc.createTextNode(tok.text));
        continue;
      }
      const span = doc.createElement('span');
      span.className = tok.cls;
      span.textContent = tok.text;
      el.append(span);
    }
    frag.append(el);
  }
  target.replaceChildren(frag);
}
