// Writes dist/sw.js, the offline service worker (docs/offline.md), from its
// template (build/offline-worker.js) and the deployment's files: run by
// .ci/pages once the static pages and the catalogue are written, so that any
// change of a file the worker keeps (a new build, a new catalogue) makes new
// worker bytes, which browsers install in place of the old.
//
// What is kept for offline use (precached after the first visit, once the page
// has loaded and the browser is idle): every page's file except the course
// folders (formation/{id}/: the generic course page renders any course from
// catalogue.json, and the courses visited online are kept as they are
// visited), the code (the main module, every chunk, their JS), the CSS and
// what it names (the Latin subsets of the fonts, icons), config.json and
// catalogue.json. The
// packs (wasm-split.mjs) are not downloaded: the worker assembles them from
// the chunks it keeps.
//
// Usage: node build/offline.mjs [dist-dir] [--off]
//   --off (or CAMPUS_OFFLINE=off): writes a worker that removes itself and its
//   caches from the browsers that installed one, and caches nothing.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, posix, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
export const TEMPLATE = join(here, 'offline-worker.js');
const MARK = /\/\* campus:manifest \*\/[\s\S]*?\/\* \/campus:manifest \*\//;
/** Names with a content hash: trunk's (campus-….js, main-….css) and the wasm split's. */
const HASHED = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/;

/** The worker that undoes itself: every Campus cache of its scope deleted, then unregistered. */
export const OFF_WORKER = `// Campus du numérique public: offline use switched off (docs/offline.md).
// This worker removes the one installed before it, with its caches.
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const scope = self.registration.scope;
    for (const name of await caches.keys()) {
      if (name.startsWith('campus-offline ' + scope) || name === 'campus-offline-record ' + scope) await caches.delete(name);
    }
    await self.registration.unregister();
  })());
});
`;

const sha = (buf) => createHash('sha256').update(buf).digest('hex').slice(0, 16);

function walk(dir, root = dir, out = []) {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(full, root, out);
    else out.push(relative(root, full).split(sep).join('/'));
  }
  return out;
}

/**
 * The files the worker keeps, as [path relative to the site root, hash, bytes]:
 * a page by its folder (`catalogue/`, `` for the home page).
 * @param {string} dir a build with its static pages
 */
export function precacheList(dir) {
  const files = walk(dir);
  const chosen = new Map();
  const add = (file, key = file) => {
    if (!chosen.has(key)) chosen.set(key, file);
  };
  for (const file of files) {
    if (!file.endsWith('index.html')) continue;
    const folder = file.slice(0, -'index.html'.length);
    // The course folders (formation/{id}/), not the generic course page (formation/).
    if (/^formation\/[^/]+\/$/.test(folder)) continue;
    add(file, folder);
  }
  // Not the packs (a landing page's chunks in one file): the worker makes
  // them up from the chunks it keeps (packIndex).
  for (const file of files) {
    if (!file.includes('/') && HASHED.test(file) && !file.startsWith('pack_')) add(file);
  }
  for (const file of ['config.json', 'catalogue.json']) if (files.includes(file)) add(file);
  // The CSS and what it names (fonts, icons): only what the pages can use.
  const css = files.filter((f) => f.endsWith('.css') && (!f.includes('/') || f.startsWith('dsfr/')) && !f.includes('/icons/'));
  for (const file of css) {
    add(file);
    const text = readFileSync(join(dir, file), 'utf8');
    for (const m of text.matchAll(/url\(\s*["']?([^"')?#]+)/g)) {
      if (/^(data:|https?:|\/)/.test(m[1])) continue;
      const target = posix.normalize(posix.join(posix.dirname(file), m[1]));
      // Fonts: the Latin subsets only, in woff2 (what every browser with
      // service workers takes): the full DSFR files only serve glyphs outside
      // them, which a system font shows offline.
      if (target.endsWith('.woff') || target.startsWith('dsfr/fonts/')) continue;
      if (!target.startsWith('..') && files.includes(target)) add(target);
    }
  }
  return [...chosen].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, file]) => {
    const buf = readFileSync(join(dir, file));
    return [key, sha(buf), buf];
  });
}

/**
 * The packs of `dir` (build/wasm-split.mjs: a u32 little-endian, a JSON
 * list of [file, length], then the files): { pack: [file, …] }.
 */
export function packIndex(dir) {
  const packs = {};
  for (const file of readdirSync(dir).filter((f) => /^pack_.*\.wasm$/.test(f)).sort()) {
    const buf = readFileSync(join(dir, file));
    packs[file] = JSON.parse(buf.subarray(4, 4 + buf.readUInt32LE(0)).toString('utf8')).map(([name]) => name);
  }
  return packs;
}

/** The manifest the worker is written with: { version, files: [[path, hash], …], packs }. */
export function manifest(list, packs = {}) {
  const files = list.map(([path, hash]) => [path, hash]);
  return { version: sha(JSON.stringify([files, packs])), files, packs };
}

/** The version the worker of `dir` is written with. */
export function deploymentVersion(dir) {
  return manifest(precacheList(dir), packIndex(dir)).version;
}

/** Figures for the size report: files, raw and brotli (11) bytes of the precache, woff2 as is. */
export function precacheSizes(dir) {
  const list = precacheList(dir);
  let raw = 0;
  let br = 0;
  for (const [path, , buf] of list) {
    raw += buf.length;
    br += path.endsWith('.woff2')
      ? buf.length
      : brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  const sw = existsSync(join(dir, 'sw.js')) ? readFileSync(join(dir, 'sw.js')) : Buffer.alloc(0);
  return {
    files: list.length,
    raw,
    br,
    worker_br: brotliCompressSync(sw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/** Writes `dir`/sw.js; returns what it wrote. */
export function writeWorker(dir, { off = false } = {}) {
  const target = join(dir, 'sw.js');
  if (off) {
    writeFileSync(target, OFF_WORKER);
    return { off: true };
  }
  const list = precacheList(dir);
  const m = manifest(list, packIndex(dir));
  const template = readFileSync(TEMPLATE, 'utf8');
  if (!MARK.test(template)) throw new Error(`offline: no manifest mark in ${TEMPLATE}`);
  writeFileSync(target, template.replace(MARK, () => JSON.stringify(m)));
  return { version: m.version, files: list.length, bytes: list.reduce((n, [, , b]) => n + b.length, 0) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const dir = args.find((a) => !a.startsWith('--')) ?? 'dist';
  const off = args.includes('--off') || process.env.CAMPUS_OFFLINE === 'off';
  try {
    const r = writeWorker(dir, { off });
    console.log(
      r.off
        ? `offline: ${join(dir, 'sw.js')} switched off (removes any installed worker and its caches)`
        : `offline: ${join(dir, 'sw.js')} version ${r.version}, ${r.files} files, ${r.bytes} bytes to keep`,
    );
  } catch (err) {
    console.error(err.message);
    process.exit(1);
  }
}
