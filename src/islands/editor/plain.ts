/**
 * The plain editor: a <textarea> laid exactly over the same text coloured by ./highlight, with
 * line numbers. It is editable the moment the page's small script has mounted (the markup and
 * the colours come from the build, src/components/PlainEditor.astro), so a learner can paste and
 * run long before Monaco has arrived; the exercise page then swaps Monaco in over the same text
 * (src/islands/workbench/upgrade.ts). Cells use it to edit, the teacher's detail view to show
 * code read-only.
 *
 * Why a textarea: it is the browser's own text control, so typing, IME, paste, undo, spell-check
 * off, screen readers and phone keyboards all work without code of ours; only colour is ours.
 * Tab keeps its usual meaning (moving focus), so the editor is never a keyboard trap; Enter
 * keeps the current line's indentation.
 */
import { highlightLinesInto } from './highlight';
import { offsetAt, type CodeSurface, type TextSelection } from './surface';

export interface PlainEditorOptions {
  /** Markup rendered by PlainEditor.astro; without it the markup is built here. */
  root?: HTMLElement | undefined;
  /** Text to show (replaces what the markup holds, without an undo step). */
  value?: string | undefined;
  /** Accessible name of the text control (or of the read-only code region). */
  label?: string | undefined;
  /** Show the code only: no textarea, a focusable scroll region. */
  readOnly?: boolean | undefined;
  /** Grow with the text instead of scrolling inside the parent's height (cells). */
  autoHeight?: boolean | undefined;
  /** Line numbers in a gutter (default true). */
  lineNumbers?: boolean | undefined;
  /** aria-keyshortcuts of the text control, e.g. "Control+Enter Meta+Enter". */
  keyShortcuts?: string | undefined;
}

export interface PlainEditor extends CodeSurface {
  readonly kind: 'plain';
  /** The text control (null when read-only). */
  readonly textarea: HTMLTextAreaElement | null;
  /** Stops or allows editing (the page's script has mounted: see PlainEditor.astro's readonly). */
  setReadOnly(readOnly: boolean): void;
}

/** Builds the same markup as PlainEditor.astro (for editors created in the browser). */
export function plainEditorMarkup(doc: Document, readOnly: boolean, lineNumbers: boolean, autoHeight: boolean): HTMLElement {
  const root = doc.createElement('div');
  root.className = 'pe';
  root.dataset['plainEditor'] = '';
  if (lineNumbers) root.dataset['lineNumbers'] = '';
  if (autoHeight) root.dataset['autoHeight'] = '';
  const scroll = doc.createElement('div');
  scroll.className = 'pe-scroll';
  const stack = doc.createElement('div');
  stack.className = 'pe-stack';
  const pre = doc.createElement('pre');
  pre.className = 'pe-code';
  pre.append(doc.createElement('code'));
  stack.append(pre);
  if (!readOnly) {
    pre.setAttribute('aria-hidden', 'true');
    const textarea = doc.createElement('textarea');
    textarea.className = 'pe-input';
    for (const [k, v] of Object.entries({ spellcheck: 'false', autocapitalize: 'off', autocomplete: 'off', autocorrect: 'off', wrap: 'off', translate: 'no' })) textarea.setAttribute(k, v);
    stack.append(textarea);
  }
  scroll.append(stack);
  root.append(scroll);
  return root;
}

/** Text as the colour layer shows it: a final newline needs a character after it to take up its line. */
const shown = (text: string): string => (text.endsWith('\n') || text === '' ? `${text} ` : text);

export function createPlainEditor(options: PlainEditorOptions = {}): PlainEditor {
  const readOnly = options.readOnly === true;
  const root = options.root ?? plainEditorMarkup(document, readOnly, options.lineNumbers !== false, options.autoHeight === true);
  const scroll = root.querySelector<HTMLElement>('.pe-scroll')!;
  const code = root.querySelector<HTMLElement>('.pe-code code')!;
  const textarea = root.querySelector<HTMLTextAreaElement>('textarea.pe-input');
  if (options.autoHeight) root.dataset['autoHeight'] = '';

  if (options.label) {
    if (textarea) textarea.setAttribute('aria-label', options.label);
    else {
      scroll.setAttribute('role', 'region');
      scroll.setAttribute('aria-label', options.label);
    }
  }
  // A read-only code box scrolls: it must be reachable by keyboard (axe scrollable-region-focusable).
  if (!textarea) scroll.tabIndex = 0;
  if (textarea && options.keyShortcuts) textarea.setAttribute('aria-keyshortcuts', options.keyShortcuts);

  let text = options.value ?? textarea?.value ?? code.textContent ?? '';
  const listeners = new Set<() => void>();
  let composing = false;

  /** Re-colours the text (line numbers follow, a CSS counter). Cheap (a regex pass), so it runs on every input. */
  const refresh = (): void => highlightLinesInto(code, shown(text));
  const changed = (): void => {
    text = textarea?.value ?? text;
    refresh();
    listeners.forEach((l) => l());
  };

  if (textarea && options.value !== undefined && textarea.value !== options.value) textarea.value = options.value;
  if (textarea) text = textarea.value;
  // The build already coloured the starter; colour again only when the text differs (repainting
  // the same text would also move the page's largest paint to after the script).
  if (code.textContent !== shown(text)) refresh();

  const onInput = (): void => changed();
  const onCompositionStart = (): void => void (composing = true);
  const onCompositionEnd = (): void => void (composing = false);
  /** Enter keeps the indentation of the line it breaks (one undoable insertion). */
  const onKeyDown = (e: KeyboardEvent): void => {
    if (!textarea || e.key !== 'Enter' || e.isComposing || e.ctrlKey || e.metaKey || e.altKey || e.shiftKey) return;
    const before = textarea.value.slice(0, textarea.selectionStart);
    const indent = /[ \t]*/.exec(before.slice(before.lastIndexOf('\n') + 1))?.[0] ?? '';
    if (!indent) return;
    e.preventDefault();
    if (!document.execCommand('insertText', false, `\n${indent}`)) textarea.setRangeText(`\n${indent}`, textarea.selectionStart, textarea.selectionEnd, 'end'), changed();
  };
  textarea?.addEventListener('input', onInput);
  textarea?.addEventListener('compositionstart', onCompositionStart);
  textarea?.addEventListener('compositionend', onCompositionEnd);
  textarea?.addEventListener('keydown', onKeyDown);

  const editor: PlainEditor = {
    kind: 'plain',
    element: root,
    textarea,
    getValue: () => (textarea ? textarea.value : text),
    replaceAll(next) {
      if (!textarea) {
        text = next;
        refresh();
        listeners.forEach((l) => l());
        return;
      }
      if (textarea.value === next) return;
      // execCommand keeps the textarea's own undo history (Ctrl+Z brings the old text back); it
      // acts on the focused control, so focus moves here for the edit and then back.
      const previous = document.activeElement as HTMLElement | null;
      const wasReadOnly = textarea.readOnly;
      textarea.readOnly = false;
      textarea.focus({ preventScroll: true });
      textarea.select();
      const ok = document.execCommand('insertText', false, next) && textarea.value === next;
      if (!ok) {
        textarea.value = next;
        changed();
      }
      textarea.readOnly = wasReadOnly;
      textarea.setSelectionRange(0, 0);
      if (previous && previous !== textarea && previous !== document.body) previous.focus({ preventScroll: true });
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSelection(): TextSelection {
      if (!textarea) return { start: 0, end: 0, direction: 'none' };
      return { start: textarea.selectionStart, end: textarea.selectionEnd, direction: textarea.selectionDirection === 'backward' ? 'backward' : textarea.selectionDirection === 'forward' ? 'forward' : 'none' };
    },
    setSelection(s) {
      textarea?.setSelectionRange(s.start, s.end, s.direction);
    },
    getScrollTop: () => scroll.scrollTop,
    setScrollTop: (top) => void (scroll.scrollTop = top),
    focus: () => (textarea ?? scroll).focus(),
    hasFocus: () => document.activeElement === (textarea ?? scroll),
    isComposing: () => composing,
    markError(line, column) {
      const value = editor.getValue();
      const all = value.split('\n');
      const ln = Math.min(Math.max(1, line), all.length);
      const indent = /^\s*/.exec(all[ln - 1] ?? '')?.[0].length ?? 0;
      const at = offsetAt(value, ln, column ?? indent + 1);
      textarea?.setSelectionRange(at, at);
      const el = code.children[ln - 1] as HTMLElement | undefined;
      if (!el) return;
      el.classList.add('pe-error-line');
      const top = el.offsetTop;
      if (top < scroll.scrollTop || top + el.offsetHeight > scroll.scrollTop + scroll.clientHeight) scroll.scrollTop = Math.max(0, top - scroll.clientHeight / 2);
    },
    clearMarks: () => code.querySelector('.pe-error-line')?.classList.remove('pe-error-line'),
    setReadOnly(value) {
      if (textarea) textarea.readOnly = value;
    },
    dispose() {
      textarea?.removeEventListener('input', onInput);
      textarea?.removeEventListener('compositionstart', onCompositionStart);
      textarea?.removeEventListener('compositionend', onCompositionEnd);
      textarea?.removeEventListener('keydown', onKeyDown);
      listeners.clear();
    },
  };
  return editor;
}

