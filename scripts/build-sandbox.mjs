// Builds the browser learner realms as classic scripts, one per build (src/sandbox/flavour.ts):
// `core` (src/sandbox/browser-realm-core.ts: tfjs-core, no layers, no zod) for function
// exercises, `full` (src/sandbox/browser-realm.ts) for layer exercises and code cells. Each is one file:
// a Worker made from a blob can't resolve imports, and SES wants strict mode. The file name
// carries a content hash and lives under /_astro/ with the site's other hashed assets (hosts
// serve that folder as immutable, public/_headers), so a returning learner never downloads it
// again; src/generated/sandbox.json tells the page where it is.
// The training playground's realm (src/playground/realm.ts) is built the same way into its own
// file (src/generated/playground-realm.json), so the learner realm's bundle doesn't grow.
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = `${root}public/_astro/sandbox/`;
// Earlier builds wrote to public/sandbox/: remove it, or the old copy would ship too.
rmSync(`${root}public/sandbox/`, { recursive: true, force: true });
const build = (entry) => buildSync({
  entryPoints: [entry],
  bundle: true,
  write: false,
  format: 'iife',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  legalComments: 'none',
  alias: { 'node-fetch': `${root}src/stubs/node-fetch.ts` },
  banner: { js: '"use strict";' },
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
});
const named = (prefix, code) => `${prefix}.${createHash('sha256').update(code).digest('hex').slice(0, 12)}.js`;
const code = build(`${root}src/sandbox/browser-realm.ts`).outputFiles[0].contents;
const name = named('learner-realm', code);
const coreCode = build(`${root}src/sandbox/browser-realm-core.ts`).outputFiles[0].contents;
const coreName = named('learner-realm-core', coreCode);
const pgCode = build(`${root}src/playground/realm.ts`).outputFiles[0].contents;
const pgName = named('playground-realm', pgCode);
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
writeFileSync(outDir + name, code);
writeFileSync(outDir + coreName, coreCode);
writeFileSync(outDir + pgName, pgCode);
mkdirSync(`${root}src/generated`, { recursive: true });
writeFileSync(`${root}src/generated/sandbox.json`, `${JSON.stringify({ learnerRealm: `_astro/sandbox/${name}`, bytes: code.length, learnerRealmCore: `_astro/sandbox/${coreName}`, coreBytes: coreCode.length }, null, 2)}\n`);
writeFileSync(`${root}src/generated/playground-realm.json`, `${JSON.stringify({ playgroundRealm: `_astro/sandbox/${pgName}`, bytes: pgCode.length }, null, 2)}\n`);
console.log(`sandbox: public/_astro/sandbox/${coreName} (${(coreCode.length / 1024).toFixed(0)} KB), public/_astro/sandbox/${name} (${(code.length / 1024).toFixed(0)} KB), public/_astro/sandbox/${pgName} (${(pgCode.length / 1024).toFixed(0)} KB)`);
