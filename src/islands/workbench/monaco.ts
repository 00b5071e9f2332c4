/**
 * Everything Monaco, as a CodeSurface (src/islands/editor/surface.ts). Loaded only by the
 * upgrade (./upgrade.ts): the exercise page works in the plain editor until this arrives.
 *
 * Monaco itself is not bundled by Vite: scripts/build-monaco.mjs (prebuild) builds it with esbuild
 * into /_astro/monaco/ (content-hashed ESM chunks, same origin, no CDN). Its module bodies call
 * `__dlcMonacoYield()` between modules (added by that build): once a slice of evaluation has run
 * for YIELD_BUDGET_MS, the evaluation waits for a new task, so ~4 MB of Monaco never evaluates as
 * one long task and the page keeps answering input while it loads. The stylesheet is awaited
 * together with the script, so the editor never lays out unstyled.
 */
import type * as MonacoApi from 'monaco-editor';
import files from '../../generated/monaco.json';
import tfTypesUrl from '../../generated/tf-types.json?url';
import type { CodeSurface, TextSelection } from '../editor/surface';

export type Monaco = typeof MonacoApi;
export type CodeEditor = MonacoApi.editor.IStandaloneCodeEditor;

/** Longest slice of Monaco's module evaluation before it yields to the page (ms). */
const YIELD_BUDGET_MS = 8;

const assetUrl = (path: string): string => new URL(`${import.meta.env.BASE_URL}${path}`, location.href).href;

/** Resolves in a new task: input and rendering get their turn first. */
export function nextTask(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (s?.yield) return s.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(0);
  });
}

{
  let sliceStart = performance.now();
  (globalThis as { __dlcMonacoYield?: () => Promise<void> | undefined }).__dlcMonacoYield = () => {
    if (performance.now() - sliceStart < YIELD_BUDGET_MS) return undefined;
    return nextTask().then(() => void (sliceStart = performance.now()));
  };
}

function loadStylesheet(href: string): Promise<void> {
  const present = document.querySelector<HTMLLinkElement>(`link[rel="stylesheet"][href="${href}"]`);
  if (present) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    link.onload = () => resolve();
    link.onerror = () => reject(new Error(`monaco css ${href}`));
    document.head.append(link);
  });
}

const [monaco] = await Promise.all([
  import(/* @vite-ignore */ assetUrl(files.main)) as Promise<Monaco>,
  loadStylesheet(assetUrl(files.css)),
]);
await nextTask();

const editorWorkerUrl = assetUrl(files.editorWorker);
const tsWorkerUrl = assetUrl(files.tsWorker);
(self as unknown as { MonacoEnvironment: MonacoApi.Environment }).MonacoEnvironment = {
  getWorker(_id: string, label: string): Worker {
    const typescript = label === 'typescript' || label === 'javascript';
    return new Worker(typescript ? tsWorkerUrl : editorWorkerUrl, { type: 'module', name: typescript ? 'ts.worker' : 'editor.worker' });
  },
};

const ts = monaco.typescript;
ts.typescriptDefaults.setCompilerOptions({
  target: ts.ScriptTarget.ES2020,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.NodeJs,
  lib: ['es2020', 'dom'],
  strict: true,
  noEmit: true,
  allowNonTsExtensions: true,
  esModuleInterop: true,
  skipLibCheck: true,
});
// Semantic checks wait for the tfjs types (see loadTfTypes): otherwise the learner would first
// see a bogus "Cannot find module '@tensorflow/tfjs'" squiggle.
ts.typescriptDefaults.setDiagnosticsOptions({ noSemanticValidation: true, noSyntaxValidation: false });
ts.typescriptDefaults.setEagerModelSync(true);

// Site palettes (src/styles/global.css --code-bg) on top of Monaco's built-in themes.
// Two of the 'vs' token colours fall just under WCAG AA (4.5:1) on that background: darken them.
// (The plain editor, src/islands/editor/editor.css, uses the same token colours.)
monaco.editor.defineTheme('dlc-light', {
  base: 'vs',
  inherit: true,
  rules: [
    { token: 'number', foreground: '077a4d' },
    { token: 'type', foreground: '007070' },
  ],
  // Line numbers, dimmed ones included (Monaco's default dimmed colour is 1.72:1), at ≥ 4.5:1.
  colors: { 'editor.background': '#f6f8fa', 'editorLineNumber.foreground': '#57606a', 'editorLineNumber.dimmedForeground': '#57606a' },
});
monaco.editor.defineTheme('dlc-dark', {
  base: 'vs-dark',
  inherit: true,
  rules: [],
  colors: { 'editor.background': '#0d1117', 'editorLineNumber.foreground': '#8b949e', 'editorLineNumber.dimmedForeground': '#8b949e' },
});

const siteTheme = (): string => (document.documentElement.dataset['theme'] === 'dark' ? 'dlc-dark' : 'dlc-light');

/** Follows <html data-theme> (the site's theme toggle) for every editor on the page. */
const themeObserver = new MutationObserver(() => monaco.editor.setTheme(siteTheme()));
themeObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });

export interface CreateOptions {
  container: HTMLElement;
  value: string;
  uri: string;
  ariaLabel: string;
  /** The plain editor's font stack, so the text keeps its shape across the swap. */
  fontFamily?: string | undefined;
  /** Ctrl/Cmd+Enter inside the editor. */
  onRun?: (() => void) | undefined;
}

export interface MonacoSurface extends CodeSurface {
  readonly kind: 'monaco';
  readonly editor: CodeEditor;
  /** Sets the text without an undo step (the swap: the editor takes over the plain editor's text). */
  setValue(text: string): void;
}

const GRADER_OWNER = 'grader';

export function createMonacoSurface(opts: CreateOptions): MonacoSurface {
  const uri = monaco.Uri.parse(opts.uri);
  const model = monaco.editor.getModel(uri) ?? monaco.editor.createModel(opts.value, 'typescript', uri);
  model.setValue(opts.value);
  model.updateOptions({ tabSize: 2, insertSpaces: true });
  const editor = monaco.editor.create(opts.container, {
    model,
    theme: siteTheme(),
    ariaLabel: opts.ariaLabel,
    automaticLayout: true,
    minimap: { enabled: false },
    fontSize: 14,
    lineHeight: 19,
    ...(opts.fontFamily ? { fontFamily: opts.fontFamily } : {}),
    lineNumbersMinChars: 3,
    scrollBeyondLastLine: false,
    tabSize: 2,
    fixedOverflowWidgets: true,
    renderLineHighlight: 'line',
    padding: { top: 8, bottom: 8 },
    wordWrap: 'on',
    wrappingIndent: 'same',
  });
  if (opts.onRun) editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, opts.onRun);

  const surface: MonacoSurface = {
    kind: 'monaco',
    element: opts.container,
    editor,
    getValue: () => model.getValue(),
    setValue: (text) => {
      if (model.getValue() !== text) model.setValue(text);
    },
    replaceAll(text) {
      if (model.getValue() === text) return;
      editor.pushUndoStop();
      editor.executeEdits('workbench', [{ range: model.getFullModelRange(), text, forceMoveMarkers: true }]);
      editor.pushUndoStop();
    },
    onChange(listener) {
      const d = editor.onDidChangeModelContent(() => listener());
      return () => d.dispose();
    },
    getSelection(): TextSelection {
      const s = editor.getSelection();
      if (!s) return { start: 0, end: 0, direction: 'none' };
      const start = model.getOffsetAt(s.getStartPosition());
      const end = model.getOffsetAt(s.getEndPosition());
      return { start, end, direction: start === end ? 'none' : s.getDirection() === monaco.SelectionDirection.RTL ? 'backward' : 'forward' };
    },
    setSelection(sel) {
      const a = model.getPositionAt(sel.start);
      const b = model.getPositionAt(sel.end);
      // A Selection runs from its anchor to the caret: backward puts the caret at the start.
      const [anchor, caret] = sel.direction === 'backward' ? [b, a] : [a, b];
      editor.setSelection(new monaco.Selection(anchor.lineNumber, anchor.column, caret.lineNumber, caret.column));
      editor.revealPositionInCenterIfOutsideViewport(caret);
    },
    getScrollTop: () => editor.getScrollTop(),
    setScrollTop: (top) => editor.setScrollTop(top),
    focus: () => editor.focus(),
    hasFocus: () => editor.hasTextFocus(),
    isComposing: () => false,
    markError(line, column, message) {
      const ln = Math.min(Math.max(1, line), model.getLineCount());
      const col = Math.max(1, column ?? model.getLineFirstNonWhitespaceColumn(ln) ?? 1);
      monaco.editor.setModelMarkers(model, GRADER_OWNER, [
        { severity: monaco.MarkerSeverity.Error, message, startLineNumber: ln, startColumn: col, endLineNumber: ln, endColumn: Math.max(col + 1, model.getLineMaxColumn(ln)) },
      ]);
      editor.setPosition({ lineNumber: ln, column: col });
      editor.revealLineInCenterIfOutsideViewport(ln);
    },
    clearMarks: () => monaco.editor.setModelMarkers(model, GRADER_OWNER, []),
    dispose: () => editor.dispose(),
  };
  return surface;
}

let typesLoaded: Promise<number> | undefined;
/**
 * Fetches the generated tfjs declarations (scripts/gen-tf-types.mjs; a hashed, cacheable asset)
 * and registers them at file:///node_modules/@tensorflow/… for NodeJs module resolution.
 * Resolves with the number of files.
 */
export function loadTfTypes(): Promise<number> {
  typesLoaded ??= (async () => {
    const response = await fetch(tfTypesUrl);
    if (!response.ok) throw new Error(`tf-types ${response.status}`);
    const files = (await response.json()) as Record<string, string>;
    await nextTask();
    ts.typescriptDefaults.setExtraLibs(Object.entries(files).map(([filePath, content]) => ({ filePath, content })));
    ts.typescriptDefaults.setDiagnosticsOptions({ noSemanticValidation: false, noSyntaxValidation: false });
    return Object.keys(files).length;
  })();
  return typesLoaded;
}

/** A read-only side-by-side diff (left: new starter, right: the learner's code). */
export function createDiff(container: HTMLElement, original: string, modified: string): { dispose(): void } {
  const diff = monaco.editor.createDiffEditor(container, {
    theme: siteTheme(),
    readOnly: true,
    originalEditable: false,
    automaticLayout: true,
    renderSideBySide: container.clientWidth > 640,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
  });
  const a = monaco.editor.createModel(original, 'typescript');
  const b = monaco.editor.createModel(modified, 'typescript');
  diff.setModel({ original: a, modified: b });
  return {
    dispose() {
      diff.dispose();
      a.dispose();
      b.dispose();
    },
  };
}
