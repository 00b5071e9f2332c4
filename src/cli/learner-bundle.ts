import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import type { RealmFlavour } from '../sandbox/flavour';
import { ROOT } from './root';


const SOURCE_DIRS = ['src/sandbox', 'src/grader'];
const CACHE_DIR = join(ROOT, 'node_modules/.cache/dl-course');

const ENTRIES: Record<RealmFlavour, string> = { core: 'src/sandbox/node-child-core.ts', full: 'src/sandbox/node-child.ts' };
const cached = new Map<RealmFlavour, string>();

/**
 * A Node learner realm of one build (src/sandbox/flavour.ts) as one self-contained CommonJS file (SES, tfjs, the engine's realm
 * code). The child process is allowed to read this one file and nothing else, so it must need
 * no other module at run time. Rebuilt when the sandbox or engine source changes (content hash
 * in the file name).
 */
export function learnerBundlePath(flavour: RealmFlavour = 'full'): string {
  const hit = cached.get(flavour);
  if (hit) return hit;
  const hash = createHash('sha256').update(flavour);
  for (const dir of SOURCE_DIRS) {
    for (const f of readdirSync(join(ROOT, dir)).filter((n) => n.endsWith('.ts')).sort()) hash.update(f).update(readFileSync(join(ROOT, dir, f)));
  }
  const outfile = join(CACHE_DIR, `learner-realm-${flavour}.${hash.digest('hex').slice(0, 16)}.cjs`);
  if (!existsSync(outfile)) {
    mkdirSync(CACHE_DIR, { recursive: true });
    const tmp = `${outfile}.${process.pid}.tmp`;
    buildSync({
      entryPoints: [join(ROOT, ENTRIES[flavour])],
      outfile: tmp,
      bundle: true,
      platform: 'node',
      // tfjs's browser builds: pure JS, and no `require('node-fetch')` or `util` at run time.
      mainFields: ['browser', 'module', 'main'],
      alias: { 'node-fetch': join(ROOT, 'src/stubs/node-fetch.ts') },
      format: 'cjs',
      target: 'node20',
      // SES refuses sloppy-mode code.
      banner: { js: '"use strict";' },
      logLevel: 'silent',
    });
    renameSync(tmp, outfile);
  }
  // The permission model compares real paths: a symlinked node_modules must not deny the read.
  const real = realpathSync(outfile);
  cached.set(flavour, real);
  return real;
}
