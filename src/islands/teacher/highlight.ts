/**
 * Read-only code with light syntax colours, built as DOM text nodes (never HTML): student code
 * from a file can't inject markup. A small tokenizer is enough for a viewer; Monaco would cost
 * megabytes on a page that only shows code.
 */
import { HIGHLIGHT_TOKEN, MAX_HIGHLIGHT_CHARS } from '../../teacher/tokens';

const TOKEN = HIGHLIGHT_TOKEN;
const CLASSES = ['', 'hl-comment', 'hl-string', 'hl-number', 'hl-keyword'];

export function highlightInto(target: HTMLElement, full: string): void {
  target.replaceChildren();
  // A huge file is coloured up to MAX_HIGHLIGHT_CHARS and shown as plain text after that.
  const code = full.slice(0, MAX_HIGHLIGHT_CHARS);
  let last = 0;
  for (const m of code.matchAll(TOKEN)) {
    const i = m.index ?? 0;
    if (i > last) target.append(document.createTextNode(code.slice(last, i)));
    const group = m.slice(1).findIndex((g) => g !== undefined) + 1;
    const span = document.createElement('span');
    span.className = CLASSES[group] ?? '';
    span.textContent = m[0];
    target.append(span);
    last = i + m[0].length;
  }
  if (last < full.length) target.append(document.createTextNode(full.slice(last)));
}
