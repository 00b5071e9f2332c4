/**
 * Everything Monaco. Loaded with a dynamic import from index.ts, so only exercise pages pay for it
 * (and only after their HTML has rendered).
 *
 * Monaco itself is not bundled by Vite: scripts/build-monaco.mjs (prebuild) builds it with esbuild
 * into /_astro/monaco/ (content-hashed, same origin, no CDN), and this module imports it at run
 * time. Rollup took most of `npm run build` on Monaco; esbuild takes seconds. The stylesheet is
 * awaited together with the script, as Vite's preload did, so the editor never lays out unstyled.
 */
import type * as MonacoApi from 'monaco-editor';
import files from '../../generated/monaco.json';
import tfTypesUrl from '../../generated/tf-types.json?url';

export type Monaco = typeof MonacoApi;
export type CodeEditor = MonacoApi.editor.IStandaloneCodeEditor;

const assetUrl = (path: string): string => new URL(`${import.meta.env.BASE_URL}${path}`, location.href).href;

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
}

export function createEditor(opts: CreateOptions): CodeEditor {
  const uri = monaco.Uri.parse(opts.uri);
  const model = monaco.editor.getModel(uri) ?? monaco.editor.createModel(opts.value, 'typescript', uri);
  model.setValue(opts.value);
  model.updateOptions({ tabSize: 2, insertSpaces: true });
  return monaco.editor.create(opts.container, {
    model,
    theme: siteTheme(),
    ariaLabel: opts.ariaLabel,
    automaticLayout: true,
    minimap: { enabled: false },
    fontSize: 14,
    lineNumbersMinChars: 3,
    scrollBeyondLastLine: false,
    tabSize: 2,
    fixedOverflowWidgets: true,
    renderLineHighlight: 'line',
    padding: { top: 8, bottom: 8 },
    wordWrap: 'on',
    wrappingIndent: 'same',
  });
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
    ts.typescriptDefaults.setExtraLibs(Object.entries(files).map(([filePath, content]) => ({ filePath, content })));
    ts.typescriptDefaults.setDiagnosticsOptions({ noSemanticValidation: false, noSyntaxValidation: false });
    return Object.keys(files).length;
  })();
  return typesLoaded;
}

/** Replaces the whole text as one undoable edit (Ctrl+Z in the editor brings the old text back). */
export function replaceAll(editor: CodeEditor, text: string): void {
  const model = editor.getModel();
  if (!model || model.getValue() === text) return;
  editor.pushUndoStop();
  editor.executeEdits('workbench', [{ range: model.getFullModelRange(), text, forceMoveMarkers: true }]);
  editor.pushUndoStop();
}

const GRADER_OWNER = 'grader';

/** Marks a grader-reported error position and moves the cursor there. */
export function markError(editor: CodeEditor, line: number, column: number | undefined, message: string): void {
  const model = editor.getModel();
  if (!model) return;
  const ln = Math.min(Math.max(1, line), model.getLineCount());
  const col = Math.max(1, column ?? model.getLineFirstNonWhitespaceColumn(ln) ?? 1);
  monaco.editor.setModelMarkers(model, GRADER_OWNER, [
    {
      severity: monaco.MarkerSeverity.Error,
      message,
      startLineNumber: ln,
      startColumn: col,
      endLineNumber: ln,
      endColumn: Math.max(col + 1, model.getLineMaxColumn(ln)),
    },
  ]);
  editor.setPosition({ lineNumber: ln, column: col });
  editor.revealLineInCenterIfOutsideViewport(ln);
}

export function clearMarks(editor: CodeEditor): void {
  const model = editor.getModel();
  if (model) monaco.editor.setModelMarkers(model, GRADER_OWNER, []);
}

/** Ctrl/Cmd+Enter inside the editor. */
export function addRunCommand(editor: CodeEditor, run: () => void): void {
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, run);
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
