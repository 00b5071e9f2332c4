/**
 * Reads content/references.json, content/glossary.json and every page that can cite or mark
 * (chapters and exercise statements) from disk, runs src/refs/check.ts and caches the result.
 * Build-time only (Node): the astro.config.mjs integration, the remark plugin and the pages use it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { checkContent, type ContentIndex, type SourceFile } from './check';

export const REFERENCES_PATH = 'content/references.json';
export const GLOSSARY_PATH = 'content/glossary.json';

/** Chapters and exercise statements, repository-relative, sorted (chapters first). */
export function listSources(root: string): string[] {
  const chapters = readdirSync(join(root, 'content/chapters'))
    .filter((f) => f.endsWith('.mdx'))
    .sort()
    .map((f) => `content/chapters/${f}`);
  const statements = readdirSync(join(root, 'exercises'))
    .sort()
    .map((d) => `exercises/${d}/statement.mdx`)
    .filter((p) => existsSync(join(root, p)));
  return [...chapters, ...statements];
}

function read(root: string, path: string): SourceFile {
  return { path, text: readFileSync(join(root, path), 'utf8') };
}

let cache: { stamp: string; index: ContentIndex } | undefined;

/**
 * The checked index of references, glossary and their use. Throws one Error listing every
 * problem (each line names its file) when the content is inconsistent. Re-reads when any file
 * changed (so `astro dev` picks up edits).
 */
export function loadContentIndex(root: string = process.cwd()): ContentIndex {
  const paths = [REFERENCES_PATH, GLOSSARY_PATH, ...listSources(root)];
  const stamp = paths.map((p) => `${p}:${statSync(join(root, p)).mtimeMs}`).join('|');
  if (cache?.stamp === stamp) return cache.index;
  const { errors, index } = checkContent({
    references: read(root, REFERENCES_PATH),
    glossary: read(root, GLOSSARY_PATH),
    sources: paths.slice(2).map((p) => read(root, p)),
  });
  if (errors.length > 0) {
    throw new Error(`参考文献与术语表检查没有通过（${errors.length} 处）：\n${errors.map((e) => `  - ${e}`).join('\n')}`);
  }
  cache = { stamp, index };
  return index;
}

/** Chapter slug or exercise id of a source path, with its kind. */
export function sourceOwner(path: string): { kind: 'chapter' | 'exercise'; id: string } {
  const ch = /^content\/chapters\/(.+)\.mdx$/.exec(path);
  if (ch?.[1]) return { kind: 'chapter', id: ch[1] };
  const ex = /^exercises\/([^/]+)\/statement\.mdx$/.exec(path);
  if (ex?.[1]) return { kind: 'exercise', id: ex[1] };
  throw new Error(`not a citing source: ${path}`);
}
