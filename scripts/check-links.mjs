#!/usr/bin/env node
/**
 * `npm run test:links`: every in-site link and asset in the built site (dist/) resolves.
 * linkinator serves dist/ itself and crawls from the home page; other hosts are skipped (the
 * machine has no network, and the site loads nothing from another host anyway).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LinkChecker } from 'linkinator';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
if (!existsSync(`${dist}index.html`)) {
  console.error('[links] dist/ 不存在：先运行 npm run build / build the site first');
  process.exit(1);
}
const checker = new LinkChecker();
const result = await checker.check({
  path: dist,
  recurse: true,
  concurrency: 8,
  linksToSkip: async (link) => !/^https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?\//.test(link),
});
const broken = result.links.filter((l) => l.state === 'BROKEN');
for (const l of broken) console.error(`[links] 失效 / broken: ${l.url} (${l.status}) ← ${l.parent ?? ''}`);
console.log(`[links] ${result.links.length - broken.length} 个链接有效，${broken.length} 个失效 / ${broken.length} broken of ${result.links.length}`);
process.exit(broken.length === 0 ? 0 : 1);
