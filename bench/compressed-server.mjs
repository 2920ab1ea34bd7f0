// A static server that behaves like a real host, for the Lighthouse benchmark:
// every compressible file of the build is compressed ONCE at start (brotli quality
// 11 and gzip -9, like the size report) and served by Accept-Encoding (brotli, else
// gzip, else as is), with the MIME types of the e2e server (incl. application/wasm),
// Vary, ETag/304 and cache headers a CDN would send: content-hashed files
// (`name-0123456789abcdef.ext`) are immutable for a year, index.html, config.json
// and the catalogue are revalidated on every load (`no-cache`), the other assets
// (DSFR CSS, fonts, icons) are cached for a day.
//
// The e2e server (build/static-server.mjs) stays plain on purpose: it
// proves the app needs nothing from the server. This one measures what users get.
//
// CLI: node bench/compressed-server.mjs <dir> [--port 8080] [--host 127.0.0.1] [--base /]
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join, posix, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

import { MIME } from '../build/static-server.mjs';

/** Extensions worth compressing (fonts, images other than SVG are compressed already). */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.svg', '.ico',
  '.webmanifest', '.txt', '.csv', '.ics']);
/** trunk's `filehash = true` names: the content hash makes them safe to cache forever. */
const HASHED = /-[0-9a-f]{8,16}(?:_bg)?\.[a-z0-9]+$/;
const NO_CACHE = new Set(['index.html', 'config.json', 'catalogue.json']);

/** Cache-Control for a file path relative to the served root (posix separators). */
export function cacheControl(rel) {
  if (HASHED.test(posix.basename(rel))) return 'public, max-age=31536000, immutable';
  if (NO_CACHE.has(rel) || rel.endsWith('.html')) return 'no-cache';
  return 'public, max-age=86400';
}

/**
 * Picks the encoding for an Accept-Encoding header among the variants we have:
 * 'br' over 'gzip' over identity, honouring q-values (q=0 refuses one) and '*'.
 * @param {string | undefined} header
 * @param {{br?: Buffer, gzip?: Buffer}} variants
 * @returns {'br' | 'gzip' | 'identity'}
 */
export function negotiate(header, variants) {
  const q = new Map();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const qp = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qp ? Number(qp.slice(2)) : 1;
    q.set(name, Number.isFinite(value) ? value : 0);
  }
  const weight = (name) => q.get(name) ?? q.get('*') ?? 0;
  for (const name of ['br', 'gzip']) {
    if (variants[name] && weight(name) > 0) return name;
  }
  return 'identity';
}

function walk(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

/**
 * Reads and precompresses every file under `root` (a variant is kept only when it
 * is smaller than the original), on zlib's thread pool so both cores work.
 * Resolves to Map<rel path, entry>.
 */
export async function precompress(root) {
  const files = new Map();
  const jobs = [];
  for (const full of walk(root)) {
    const rel = relative(root, full).split(sep).join('/');
    const body = readFileSync(full);
    const ext = extname(full);
    const entry = {
      body,
      type: MIME[ext] ?? 'application/octet-stream',
      etag: createHash('sha1').update(body).digest('base64url').slice(0, 22),
      lastModified: statSync(full).mtime.toUTCString(),
      cache: cacheControl(rel),
      variants: {},
    };
    files.set(rel, entry);
    if (!COMPRESSIBLE.has(ext) || body.length === 0) continue;
    const params = {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    };
    jobs.push(
      brotliAsync(body, { params }).then((br) => {
        if (br.length < body.length) entry.variants.br = br;
      }),
      gzipAsync(body, { level: 9 }).then((gz) => {
        if (gz.length < body.length) entry.variants.gzip = gz;
      }),
    );
  }
  await Promise.all(jobs);
  return files;
}

/**
 * Starts the server. Resolves to { url, port, files, close() }; `url` ends with the base.
 * @param {{root: string, port?: number, host?: string, base?: string}} options
 */
export async function startCompressedServer({ root, port = 0, host = '127.0.0.1', base = '/' }) {
  const rootDir = resolve(root);
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const files = await precompress(rootDir);
  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      res.writeHead(400).end('Bad request');
      return;
    }
    if (!pathname.startsWith(prefix)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    let rel = pathname.slice(prefix.length);
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    // Files are looked up in the precomputed table: no path ever reaches the disk.
    const file = files.get(posix.normalize(rel));
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    const encoding = negotiate(req.headers['accept-encoding'], file.variants);
    // One strong ETag per representation (the brotli bytes are not the gzip bytes).
    const etag = encoding === 'identity' ? `"${file.etag}"` : `"${file.etag}-${encoding}"`;
    const headers = {
      'content-type': file.type,
      'cache-control': file.cache,
      etag,
      'last-modified': file.lastModified,
      'x-content-type-options': 'nosniff',
    };
    if (Object.keys(file.variants).length > 0) headers.vary = 'Accept-Encoding';
    const ifNoneMatch = (req.headers['if-none-match'] ?? '').split(',').map((t) => t.trim().replace(/^W\//, ''));
    if (ifNoneMatch.includes(etag) || ifNoneMatch.includes('*')) {
      res.writeHead(304, headers).end();
      return;
    }
    const body = encoding === 'identity' ? file.body : file.variants[encoding];
    if (encoding !== 'identity') headers['content-encoding'] = encoding;
    headers['content-length'] = body.length;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const actual = server.address().port;
      resolvePromise({
        port: actual,
        url: `http://${host}:${actual}${prefix}`,
        files,
        close: () => {
          const closed = new Promise((r) => server.close(r));
          server.closeAllConnections?.();
          return closed;
        },
      });
    });
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : fallback;
  };
  const root = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? 'dist';
  const t0 = Date.now();
  const { url, files } = await startCompressedServer({
    root,
    port: Number(opt('port', 8080)),
    host: opt('host', '127.0.0.1'),
    base: opt('base', '/'),
  });
  console.log(`Campus served compressed (${files.size} files precompressed in ${Date.now() - t0} ms) from ${root} at ${url} (Ctrl+C to stop)`);
}
