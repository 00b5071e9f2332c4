/**
 * Where the first syntax error of a source really is, by TypeScript's own parser. Sucrase (the
 * compiler in every learner realm) backtracks when an arrow function fails to parse and then
 * blames the arrow's first character; TypeScript points at the real spot.
 *
 * TypeScript's parser can also speculate exponentially on hostile input (26 nested unclosed
 * `async (` take minutes), so hosts never call this where it could hang them: the Node host runs
 * it in a worker thread and the browser in a Web Worker, each with a deadline (SyntaxLocator).
 * Both load the same typescript version, so the verdict is the same in both hosts.
 *
 * Self-contained on purpose (no imports, no closure): the Node host sends its source text to a
 * worker thread with `Function.prototype.toString`.
 */
export function locateWithTypeScript(ts: unknown, source: string): SyntaxLocation | null {
  const api = ts as {
    createSourceFile(name: string, text: string, target: number, setParents: boolean, kind: number): {
      parseDiagnostics?: { start: number; messageText: unknown }[];
      getLineAndCharacterOfPosition(pos: number): { line: number; character: number };
    };
    ScriptTarget: { Latest: number };
    ScriptKind: { TS: number };
  };
  const file = api.createSourceFile('submission.ts', source, api.ScriptTarget.Latest, false, api.ScriptKind.TS);
  const first = file.parseDiagnostics?.[0];
  if (!first || typeof first.messageText !== 'string') return null;
  const { line, character } = file.getLineAndCharacterOfPosition(first.start);
  return { line: line + 1, column: character + 1, text: first.messageText };
}

/** A 1-based position and TypeScript's own (English) message. */
export interface SyntaxLocation {
  line: number;
  column: number;
  text: string;
}

/**
 * A host's way to run locateWithTypeScript where a deadline can end it. Resolves null when the
 * parser found nothing, or did not finish within the host's deadline: the engine then keeps
 * sucrase's message, so a hostile source costs one deadline and never hangs the host.
 */
export type SyntaxLocator = (source: string) => Promise<SyntaxLocation | null>;

/** How long TypeScript may parse one submission (loading TypeScript itself is not counted). */
export const SYNTAX_DEADLINE_MS = 2000;
