/**
 * Read-only code with light syntax colours, built as DOM text nodes (never HTML): student code
 * from a file can't inject markup. A small tokenizer is enough for a viewer; Monaco would cost
 * megabytes on a page that only shows code.
 */
const TOKEN = /(\/\/[^\n]*|\/\*[\s\S]*?\*\/)|(`(?:\\[\s\S]|[^`\\])*`|'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*")|\b(\d[\d_]*(?:\.\d+)?(?:[eE][+-]?\d+)?)\b|\b(abstract|as|async|await|break|case|catch|class|const|continue|default|do|else|export|extends|false|finally|for|from|function|if|import|in|instanceof|interface|let|new|null|of|return|static|super|switch|this|throw|true|try|type|typeof|undefined|var|void|while|yield)\b/g;
const CLASSES = ['', 'hl-comment', 'hl-string', 'hl-number', 'hl-keyword'];

export function highlightInto(target: HTMLElement, code: string): void {
  target.replaceChildren();
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
  if (last < code.length) target.append(document.createTextNode(code.slice(last)));
}
