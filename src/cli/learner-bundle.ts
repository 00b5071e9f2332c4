import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';

const CLI_DIR = fileURLToPath(new URL('.', import.meta.url));
const GRADER_DIR = fileURLToPath(new URL('../grader/', import.meta.url));
// Inside node_modules so that the bundle's bare `@tensorflow/tfjs` import resolves normally.
const CACHE_DIR = fileURLToPath(new URL('../../node_modules/.cache/dl-course/', import.meta.url));
const FALLBACK = new URL('./learner-thread.mjs', import.meta.url);

let cached: URL | undefined;

/**
 * The learner thread as one prebuilt ES module (tfjs and typescript left external). Starting a worker on it
 * takes about half as long as going through tsx, which compiles TypeScript in every new
 * thread. Rebuilt when the engine's source changes (content hash in the file name); falls back
 * to the tsx bootstrap if esbuild is unavailable.
 */
export function learnerThreadUrl(): URL {
  if (cached) return cached;
  try {
    const sources = [join(CLI_DIR, 'learner-thread.ts'), ...readdirSync(GRADER_DIR).filter((f) => f.endsWith('.ts')).sort().map((f) => join(GRADER_DIR, f))];
    const hash = createHash('sha256');
    for (const f of sources) hash.update(readFileSync(f));
    const outfile = join(CACHE_DIR, `learner-thread.${hash.digest('hex').slice(0, 16)}.mjs`);
    if (!existsSync(outfile)) {
      mkdirSync(CACHE_DIR, { recursive: true });
      buildSync({
        entryPoints: [join(CLI_DIR, 'learner-thread.ts')],
        outfile,
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        external: ['@tensorflow/tfjs', 'typescript'],
        logLevel: 'silent',
      });
    }
    cached = pathToFileURL(outfile);
  } catch {
    cached = FALLBACK;
  }
  return cached;
}
