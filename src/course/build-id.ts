/**
 * The course build id written into every progress export (`courseBuild`): the package version
 * and a short hash of every exercise's contract (exercise.json, starter.ts, cases.ts). Two sites
 * with the same id grade the same way; a teacher can tell which build a file came from.
 * Node only (runs in page frontmatter at build time).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

let cached: string | undefined;

export function courseBuildId(root = process.cwd()): string {
  if (cached) return cached;
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const hash = createHash('sha256');
  const dir = join(root, 'exercises');
  for (const id of readdirSync(dir).sort()) {
    for (const f of ['exercise.json', 'starter.ts', 'cases.ts']) {
      const p = join(dir, id, f);
      if (existsSync(p)) hash.update(`${id}/${f}\0`).update(readFileSync(p));
    }
  }
  cached = `${pkg.version}+${hash.digest('hex').slice(0, 10)}`;
  return cached;
}
