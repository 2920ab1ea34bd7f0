// Trunk post-build hook: gives index.html a Content-Security-Policy as strict as
// the build allows. Trunk's loader is an inline module script; it is allowed by
// its SHA-256 hash (no 'unsafe-inline'), and WebAssembly by 'wasm-unsafe-eval'
// (no 'unsafe-eval'). connect-src allows https: because config.json may point the
// catalogue and the applications endpoint at other hosts; a deployment that knows
// them can narrow it. frame-ancestors cannot be set from a <meta>: set it as an
// HTTP header if the server allows (see docs/deploying.md, "Who may frame the Campus").
//
// Usage: node build/csp.mjs [dist-dir]
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? 'dist';
const file = join(dir, 'index.html');
let html = readFileSync(file, 'utf8');
html = html.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
// The first paint of the page's static content comes first. Nothing large is
// requested before it: the wasm and the default catalogue are requested right
// after it (the catalogue still in parallel with config.json and the wasm, by a
// preload the app's own request reuses, on the pages that show it: a static
// page's <meta name="campus-data"> says "summary" for the home page, which
// starts from the summary its file carries, "course" for a course page, which
// starts from the excerpt its file carries, and "none" for the pages that show
// nothing of the catalogue), and the app starts then, so that
// neither their bytes nor the app's start-up work delay the first content. A
// hidden tab, which paints no frame, goes on after 200 ms anyway.
const START = 'const wasm = await init(';
const AFTER_PAINT = 'campus: after the first paint';
if (html.includes(START) && !html.includes(AFTER_PAINT)) {
  html = html.replace(/\s*<link rel="preload" href="[^"]*_bg\.wasm"[^>]*>/, '');
  html = html.replace(
    START,
    `// ${AFTER_PAINT}
await new Promise((go) => { requestAnimationFrame(() => setTimeout(go, 0)); setTimeout(go, 200); });
const data = document.querySelector('meta[name="campus-data"]')?.content;
if (document.documentElement.classList.contains('campus-deep-link') || !data || data === 'catalogue') {
  const catalogue = document.createElement('link');
  Object.assign(catalogue, { rel: 'preload', as: 'fetch', href: 'catalogue.json', crossOrigin: 'anonymous' });
  document.head.append(catalogue);
}
${START}`,
  );
}
// A wasm that cannot be fetched or instantiated (blocked by a proxy, a failed
// download, a browser whose policy forbids WebAssembly) must not leave the
// loading message up forever: index.html's campusFail shows the notice that
// says so (and offers the email path). A browser without WebAssembly at all
// is caught earlier, by index.html itself.
const INIT = /const wasm = await init\((\{[^;]*?\})\);/;
const CAUGHT = 'campus: a failed start is said';
if (INIT.test(html) && !html.includes(CAUGHT)) {
  html = html.replace(
    INIT,
    (_, args) => `// ${CAUGHT}
let wasm;
try {
  wasm = await init(${args});
} catch (error) {
  window.campusFail?.();
  console.warn('campus: the app could not start', error);
}`,
  );
}
const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
  (m) => `'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`,
);
const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self' https:",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');
html = html.replace(
  /<meta charset="utf-8"\s*\/?>/i,
  (m) => `${m}\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`,
);
if (!html.includes('Content-Security-Policy')) {
  console.error('csp: no <meta charset> to anchor the policy');
  process.exit(1);
}
writeFileSync(file, html);
console.log(`CSP: ${policy}`);
