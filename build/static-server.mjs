// A plain static file server for the e2e tests and `npm start`: files only, no SPA
// rewrite, no compression, the correct MIME types. It can mount the build under a
// sub-path (e.g. /formations/campus/) to prove the app needs nothing from the server.
//
// CLI: node build/static-server.mjs <dir> [--port 8080] [--host 127.0.0.1] [--base /]
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
  '.ics': 'text/calendar; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Starts the server. Resolves to { url, port, close() }; `url` ends with the base.
 * `handlers` (optional) maps a path prefix (e.g. '/formations/campus/api/') to a
 * `(req, res) => void` handler, tried before the static files (longest prefix
 * first, on the decoded pathname, any method), e.g. the same-origin receiver of
 * receiver.mjs. close() also drops open connections (a handler may never answer).
 * @param {{root: string, port?: number, host?: string, base?: string, isolated?: boolean,
 *          handlers?: Record<string, (req: import('node:http').IncomingMessage,
 *                                     res: import('node:http').ServerResponse) => void>}} options
 */
export function startStaticServer({ root, port = 0, host = '127.0.0.1', base = '/', isolated = false, handlers = {} }) {
  const rootDir = resolve(root);
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const mounts = Object.entries(handlers).sort(([a], [b]) => b.length - a.length);
  // CAMPUS_E2E_JITTER_MS=300 delays each file's body by 0 to 300 ms at random: a
  // slow, uneven network, to find tests that race the app (not set in CI).
  const jitter = Number(process.env.CAMPUS_E2E_JITTER_MS ?? 0) || 0;
  const server = createServer((req, res) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      res.writeHead(400).end('Bad request');
      return;
    }
    const mount = mounts.find(([p]) => pathname.startsWith(p));
    if (mount) {
      mount[1](req, res);
      return;
    }
    if (!pathname.startsWith(prefix)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    let rel = pathname.slice(prefix.length);
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = normalize(join(rootDir, rel));
    if (file !== rootDir && !file.startsWith(rootDir + sep)) {
      res.writeHead(403).end('Forbidden');
      return;
    }
    let stat;
    try {
      stat = statSync(file);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    if (!stat.isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    res.writeHead(200, {
      'content-type': MIME[extname(file)] ?? 'application/octet-stream',
      'content-length': stat.size,
      'cache-control': 'no-cache',
      // Cross-origin isolation gives performance.now() microsecond precision
      // (benchmarks only; browsers otherwise round it to 100 µs).
      ...(isolated
        ? { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' }
        : {}),
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    if (jitter > 0) setTimeout(() => createReadStream(file).pipe(res), Math.random() * jitter);
    else createReadStream(file).pipe(res);
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const actual = server.address().port;
      resolvePromise({
        port: actual,
        url: `http://${host}:${actual}${prefix}`,
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
  const { url } = await startStaticServer({
    root,
    port: Number(opt('port', 8080)),
    host: opt('host', '127.0.0.1'),
    base: opt('base', '/'),
  });
  console.log(`Campus served from ${root} at ${url} (Ctrl+C to stop)`);
}
