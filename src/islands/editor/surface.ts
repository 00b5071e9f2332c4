/**
 * The editor half of the shared "editor + run + output" piece: one small contract that the
 * exercise page (a plain editor, upgraded to Monaco in place), the chapter cells (a textarea),
 * /grader/ and the teacher's detail view (read-only) all program against. Whoever saves, runs or
 * restores code never knows which editor holds it.
 *
 * Offsets are UTF-16 code units into the text, as in a <textarea> and in Monaco's model.
 */

/** A selection as offsets; `start === end` is a caret. */
export interface TextSelection {
  start: number;
  end: number;
  /** 'backward' when the caret (the moving end) is at `start`. */
  direction: 'forward' | 'backward' | 'none';
}

export interface CodeSurface {
  /** Which editor currently holds the text. */
  readonly kind: 'plain' | 'monaco';
  /** The element to show, hide or measure (the whole editor, gutter included). */
  readonly element: HTMLElement;
  getValue(): string;
  /** Replaces the whole text as one undoable edit (Ctrl+Z in the editor brings the old text back). */
  replaceAll(text: string): void;
  /** Called after every change to the text, typed or programmatic. Returns the unsubscribe. */
  onChange(listener: () => void): () => void;
  getSelection(): TextSelection;
  setSelection(selection: TextSelection): void;
  /** Vertical scroll offset in CSS pixels. */
  getScrollTop(): number;
  setScrollTop(top: number): void;
  focus(): void;
  hasFocus(): boolean;
  /** True while an input method is composing (the text is not final yet). */
  isComposing(): boolean;
  /** Marks a grader-reported error (1-based line, column) and moves the caret there. */
  markError(line: number, column: number | undefined, message: string): void;
  clearMarks(): void;
  dispose(): void;
}

/** Line and column (both 1-based) of an offset. */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const line = before.split('\n').length;
  return { line, column: before.length - before.lastIndexOf('\n') };
}

/** Offset of a 1-based line and column, clamped into the text. */
export function offsetAt(text: string, line: number, column = 1): number {
  const lines = text.split('\n');
  const ln = Math.min(Math.max(1, line), lines.length);
  let offset = 0;
  for (let i = 0; i < ln - 1; i++) offset += lines[i]!.length + 1;
  return offset + Math.min(Math.max(0, column - 1), lines[ln - 1]!.length);
}

/**
 * A surface whose editor can be exchanged while the page runs (the plain editor → Monaco).
 * Listeners subscribe once, to this object, and keep working across the exchange; `onSwitch`
 * tells the page which editor it now has.
 */
export interface SwitchableSurface extends CodeSurface {
  readonly current: CodeSurface;
  /** Makes `next` the editor; the caller has already given it the text, caret and focus. */
  switchTo(next: CodeSurface): void;
  onSwitch(listener: (next: CodeSurface, previous: CodeSurface) => void): () => void;
}

export function createSwitchableSurface(initial: CodeSurface): SwitchableSurface {
  let current = initial;
  const changeListeners = new Set<() => void>();
  const switchListeners = new Set<(next: CodeSurface, previous: CodeSurface) => void>();
  const emit = (): void => changeListeners.forEach((l) => l());
  let unsubscribe = current.onChange(emit);
  return {
    get kind() {
      return current.kind;
    },
    get element() {
      return current.element;
    },
    get current() {
      return current;
    },
    getValue: () => current.getValue(),
    replaceAll: (text) => current.replaceAll(text),
    onChange(listener) {
      changeListeners.add(listener);
      return () => changeListeners.delete(listener);
    },
    getSelection: () => current.getSelection(),
    setSelection: (s) => current.setSelection(s),
    getScrollTop: () => current.getScrollTop(),
    setScrollTop: (top) => current.setScrollTop(top),
    focus: () => current.focus(),
    hasFocus: () => current.hasFocus(),
    isComposing: () => current.isComposing(),
    markError: (line, column, message) => current.markError(line, column, message),
    clearMarks: () => current.clearMarks(),
    switchTo(next) {
      if (next === current) return;
      const previous = current;
      unsubscribe();
      current = next;
      unsubscribe = current.onChange(emit);
      switchListeners.forEach((l) => l(next, previous));
    },
    onSwitch(listener) {
      switchListeners.add(listener);
      return () => switchListeners.delete(listener);
    },
    dispose() {
      unsubscribe();
      current.dispose();
      changeListeners.clear();
      switchListeners.clear();
    },
  };
}
