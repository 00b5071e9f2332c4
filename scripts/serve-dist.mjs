#!/usr/bin/env node
/**
 * A small static server for the benchmarks, behaving like a production host (`astro preview`
 * serves files uncompressed and uncached, which no real host does):
 *  - gzip (level 6) for text files, compressed once and kept in memory;
 *  - the cache rules of dist/_headers (public/_headers: /_astro/* immutable), everything else
 *    `no-cache` with an ETag, so a browser revalidates it (304) instead of downloading it again;
 *  - directory URLs (/chapters/x/ → index.html; /chapters/x → 301 to the slash form).
 * Extra folders can be mounted (the Pyodide comparison serves node_modules/pyodide at /pyodide/).
 *
 *   node scripts/serve-dist.mjs [--port 4411] [--dist dist]       (for a look by hand)
 *   import { serveDist } from './serve-dist.mjs'                   (the benches)
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.zip': 'application/zip',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};
const COMPRESS = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.wasm', '.txt', '.ttf', '.pagefind', '.pf_meta', '.pf_fragment', '.pf_index', '.pf_filter', '.webmanifest']);

/** Parses the Netlify-style _headers file: `path-pattern` lines, then indented `Name: value` lines. */
function readHeaderRules(file) {
  if (!existsSync(file)) return [];
  const rules = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) rules.push({ pattern: line.trim(), headers: {} });
    else if (rules.length) {
      const i = line.indexOf(':');
      if (i > 0) rules[rules.length - 1].headers[line.slice(0, i).trim()] = line.slice(i + 1).trim();
    }
  }
  return rules.map((r) => ({ ...r, test: new RegExp(`^${r.pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`) }));
}

/**
 * Starts the server; resolves with its base URL, a close(), and `log`: one entry per response
 * ({ path, status, bytes: body bytes sent, at: performance.now() }), i.e. exactly what went over
 * the wire. `mounts` maps URL prefixes to folders (served with the same rules), e.g.
 * { '/pyodide/': 'node_modules/pyodide' }.
 */
export async function serveDist({ dist = 'dist', port = 0, host = '127.0.0.1', mounts = {} } = {}) {
  /** @type {{ path: string, status: number, bytes: number, at: number }[]} */
  const log = [];
  const root = resolve(dist);
  const rules = readHeaderRules(join(root, '_headers'));
  const cache = new Map();
  const load = (file) => {
    const st = statSync(file);
    const hit = cache.get(file);
    if (hit && hit.mtime === st.mtimeMs) return hit;
    const raw = readFileSync(file);
    const ext = extname(file);
    const entry = { mtime: st.mtimeMs, raw, gz: COMPRESS.has(ext) ? gzipSync(raw, { level: 6 }) : null, etag: `"${createHash('sha1').update(raw).digest('base64url').slice(0, 20)}"`, type: TYPES[ext] ?? 'application/octet-stream' };
    cache.set(file, entry);
    return entry;
  };
  const locate = (pathname) => {
    for (const [prefix, dir] of Object.entries(mounts)) if (pathname.startsWith(prefix)) return join(resolve(dir), normalize(pathname.slice(prefix.length)));
    return join(root, normalize(pathname));
  };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    let pathname = decodeURIComponent(url.pathname);
    if (pathname.includes('\0') || normalize(pathname).includes('..')) return void res.writeHead(400).end();
    let file = locate(pathname);
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!pathname.endsWith('/')) return void res.writeHead(301, { Location: `${pathname}/${url.search}` }).end();
      file = join(file, 'index.html');
    }
    if (!existsSync(file)) {
      const notFound = join(root, '404.html');
      res.writeHead(404, { 'Content-Type': TYPES['.html'] });
      return void res.end(existsSync(notFound) ? readFileSync(notFound) : 'not found');
    }
    const entry = load(file);
    const headers = { 'Content-Type': entry.type, ETag: entry.etag, 'Cache-Control': 'no-cache', Vary: 'Accept-Encoding' };
    for (const rule of rules) if (rule.test.test(pathname)) Object.assign(headers, rule.headers);
    if (req.headers['if-none-match'] === entry.etag) {
      log.push({ path: pathname, status: 304, bytes: 0, at: performance.now() });
      return void res.writeHead(304, headers).end();
    }
    const gzip = entry.gz && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const body = gzip ? entry.gz : entry.raw;
    log.push({ path: pathname, status: 200, bytes: body.length, at: performance.now() });
    res.writeHead(200, { ...headers, ...(gzip ? { 'Content-Encoding': 'gzip' } : {}), 'Content-Length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise((ok) => server.listen(port, host, ok));
  const address = server.address();
  return { url: `http://${host}:${address.port}`, log, close: () => new Promise((ok) => {
      server.close(() => ok());
      server.closeAllConnections();
    }) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const { url } = await serveDist({ dist: arg('--dist', 'dist'), port: Number(arg('--port', 4411)) });
  console.log(`serve-dist: ${url}/ (gzip, cache rules from _headers)`);
}
