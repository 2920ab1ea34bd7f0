/*
 * Campus du numérique public: the offline service worker (docs/offline.md).
 *
 * This is the template: build/offline.mjs writes it into dist/sw.js with
 * the deployment's manifest (its files, each with the start of its SHA-256, and
 * a version made from them), so that a new deployment is new worker bytes, so a
 * new install.
 *
 * - install: the manifest's files are put in this version's cache, each checked
 *   against its hash (a file of another deployment fails the install, which the
 *   browser tries again at the next visit); a file an earlier version holds
 *   with the same bytes is copied, not downloaded again. Nothing is fetched
 *   when the visitor asked to save data (navigator.connection.saveData).
 * - activate: takes over at once (skipWaiting + clients.claim). The caches of
 *   earlier versions stay as long as a page opened under them is open: such a
 *   page runs the old code, and the old chunks it may still need are gone from
 *   the server. They are deleted once none of those pages remains.
 * - fetch, only GET requests of this site (the worker's scope):
 *   - pages (navigations): the network first, the cached copy after
 *     NETWORK_TIMEOUT ms, on a network error or a 5xx; a page never cached
 *     is the generic course page's shell, which renders any route in the browser;
 *   - files whose name carries a content hash: the cache of any version first
 *     (they never change), a pack made up from its kept chunks, else the
 *     network;
 *   - the other files of the manifest (data, fonts, icons, DSFR CSS): the
 *     network first, the cache as above.
 *   Only complete same-origin 200 answers are ever stored: no 404, no 5xx, no
 *   redirect.
 */
'use strict';

const MANIFEST = /* campus:manifest */ { version: 'unbuilt', files: [] } /* /campus:manifest */;

const SCOPE = self.registration.scope;
const SCOPE_PATH = new URL(SCOPE).pathname;
/** This site's caches (two sites may share an origin under two sub-paths). */
const PREFIX = `campus-offline ${SCOPE} `;
const CACHE = PREFIX + MANIFEST.version;
/** Which open pages each earlier cache still serves: { cacheName: [clientId, …] }. */
const RECORD = new Request(`${SCOPE}sw.js?campus-offline-record`);
const RECORD_CACHE = `campus-offline-record ${SCOPE}`;
const NETWORK_TIMEOUT = 3000;
const HASHED = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/;
const SHELL = 'formation/';
/** A page's address: a folder of plain names (or its index.html). */
const PAGE = /^([a-z0-9][a-z0-9_-]*\/)*(index\.html)?$/;

const KNOWN = new Map(MANIFEST.files.map(([path, hash]) => [path, hash]));
/** The packs (a landing page's chunks in one file): made up from the kept chunks. */
const PACKS = new Map(Object.entries(MANIFEST.packs ?? {}));

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    if (!self.navigator.connection?.saveData) await precache();
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const earlier = (await caches.keys()).filter((name) => name.startsWith(PREFIX) && name !== CACHE);
    if (earlier.length) {
      const open = (await self.clients.matchAll({ type: 'window', includeUncontrolled: true })).map((c) => c.id);
      const record = await readRecord();
      for (const name of earlier) record[name] = [...new Set([...(record[name] ?? []), ...open])];
      await writeRecord(record);
    }
    await self.clients.claim();
    await cleanUp();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(SCOPE)) return;
  const url = new URL(request.url);
  const path = url.pathname.slice(SCOPE_PATH.length);
  if (request.mode === 'navigate') {
    if (!PAGE.test(path)) return;
    const answer = page(event, url);
    event.respondWith(answer);
    // The page this navigation replaces is gone a moment after the answer.
    event.waitUntil(answer.catch(() => {}).then(() => new Promise((r) => setTimeout(r, 1000))).then(cleanUp).catch(() => {}));
    return;
  }
  if (url.search || (path.includes('/') && !KNOWN.has(path))) return;
  // A hashed file of an earlier version too: a page opened under it may need it.
  if (HASHED.test(path)) event.respondWith(cacheFirst(event, request, path));
  else if (KNOWN.has(path)) event.respondWith(networkFirst(event, request, request.url));
});

/** Hex of the first 8 bytes of the SHA-256 of `buffer` (the manifest's hashes). */
async function hashOf(buffer) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', buffer));
  return [...digest.slice(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A page's key: its folder (`catalogue/`, the scope for home), no query. */
function pageKey(url) {
  return url.origin + url.pathname.replace(/index\.html$/, '');
}

async function precache() {
  const cache = await caches.open(CACHE);
  const queue = MANIFEST.files.slice();
  const worker = async () => {
    for (let entry = queue.shift(); entry; entry = queue.shift()) {
      const [path, hash] = entry;
      const url = new URL(path, SCOPE).href;
      if (await cache.match(url)) continue;
      // The same bytes in an earlier version's cache: no download.
      const earlier = await caches.match(url);
      if (earlier) {
        const buffer = await earlier.arrayBuffer();
        if ((await hashOf(buffer)) === hash) {
          await cache.put(url, stored(buffer, earlier));
          continue;
        }
      }
      // The browser's HTTP cache first (the first page's files are there),
      // the server itself when that copy is not this deployment's.
      let response;
      let buffer;
      for (const mode of ['default', 'reload']) {
        response = await fetch(url, { cache: mode });
        if (!cacheable(response)) throw new Error(`campus offline: ${path} answered ${response.status}`);
        buffer = await response.arrayBuffer();
        if ((await hashOf(buffer)) === hash) break;
        if (mode === 'reload') throw new Error(`campus offline: ${path} is not this deployment's`);
      }
      await cache.put(url, stored(buffer, response));
    }
  };
  await Promise.all([worker(), worker(), worker()]);
}

/** A fresh 200 response of `buffer` (never marked redirected: a page may be served from it). */
function stored(buffer, from) {
  const headers = new Headers();
  for (const name of ['content-type', 'last-modified', 'etag']) {
    const value = from.headers.get(name);
    if (value) headers.set(name, value);
  }
  return new Response(buffer, { status: 200, statusText: 'OK', headers });
}

/** Only complete same-origin answers: no error, no redirect, no opaque answer. */
function cacheable(response) {
  return response.status === 200 && response.type === 'basic' && !response.redirected;
}

async function store(key, response) {
  const buffer = await response.arrayBuffer();
  const cache = await caches.open(CACHE);
  await cache.put(key, stored(buffer, response));
}

/**
 * The network's answer within NETWORK_TIMEOUT ms, else the cached copy (then the
 * network's answer still refreshes the cache). A 5xx or a failed request gives
 * the cached copy if any; `missing` answers when there is none and the network
 * failed.
 */
async function networkFirst(event, request, key, { html = false, missing } = {}) {
  const network = fetch(request).then((response) => {
    if (cacheable(response) && (!html || /^text\/html/.test(response.headers.get('content-type') ?? ''))) {
      event.waitUntil(store(key, response.clone()).catch(() => {}));
    }
    return response;
  });
  network.catch(() => {});
  event.waitUntil(network.catch(() => {}));
  let timer;
  const late = new Promise((resolve) => { timer = setTimeout(resolve, NETWORK_TIMEOUT); });
  let response;
  try {
    response = await Promise.race([network, late]);
  } catch {
    response = undefined;
  } finally {
    clearTimeout(timer);
  }
  if (response && response.status < 500) return response;
  const copy = await cached(key);
  if (copy) return copy;
  if (response) return response;
  try {
    return await network;
  } catch (error) {
    if (missing) {
      const answer = await missing();
      if (answer) return answer;
    }
    throw error;
  }
}

/** This version's copy, else an earlier version's. */
async function cached(key) {
  return (await (await caches.open(CACHE)).match(key)) ?? (await caches.match(key));
}

async function cacheFirst(event, request, path) {
  const copy = (await caches.match(request.url)) ?? (await assemble(path));
  if (copy) return copy;
  const response = await fetch(request);
  if (cacheable(response)) event.waitUntil(store(request.url, response.clone()).catch(() => {}));
  return response;
}

/** A pack of this version from its kept pieces (the format of build/wasm-split.mjs). */
async function assemble(path) {
  const names = PACKS.get(path);
  if (!names) return undefined;
  const pieces = [];
  for (const name of names) {
    const piece = await cached(new URL(name, SCOPE).href);
    if (!piece) return undefined;
    pieces.push(new Uint8Array(await piece.arrayBuffer()));
  }
  const header = new TextEncoder().encode(JSON.stringify(names.map((name, i) => [name, pieces[i].length])));
  const body = new Uint8Array(4 + header.length + pieces.reduce((n, p) => n + p.length, 0));
  new DataView(body.buffer).setUint32(0, header.length, true);
  body.set(header, 4);
  let at = 4 + header.length;
  for (const piece of pieces) {
    body.set(piece, at);
    at += piece.length;
  }
  return new Response(body, { status: 200, headers: { 'content-type': 'application/wasm' } });
}

/**
 * A page: its folder's file from the network, else from the cache, else the
 * shell (the generic course page, with the site root as its <base>: the app
 * renders the address's route itself). Only page folders are stored.
 */
function page(event, url) {
  return networkFirst(event, event.request, pageKey(url), { html: true, missing: shell });
}

async function shell() {
  const copy = await cached(SCOPE + SHELL);
  if (!copy) return undefined;
  const html = (await copy.text()).replace(/<base href="[^"]*"/, `<base href="${SCOPE}"`);
  return new Response(html, { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' } });
}

async function readRecord() {
  const response = await (await caches.open(RECORD_CACHE)).match(RECORD);
  try {
    return response ? await response.json() : {};
  } catch {
    return {};
  }
}

async function writeRecord(record) {
  const cache = await caches.open(RECORD_CACHE);
  await cache.put(RECORD, new Response(JSON.stringify(record), { headers: { 'content-type': 'application/json' } }));
}

/** Deletes the earlier versions' caches that no open page was loaded under. */
async function cleanUp() {
  const earlier = (await caches.keys()).filter((name) => name.startsWith(PREFIX) && name !== CACHE);
  if (!earlier.length) return;
  const open = new Set((await self.clients.matchAll({ type: 'window', includeUncontrolled: true })).map((c) => c.id));
  const record = await readRecord();
  for (const name of earlier) {
    if ((record[name] ?? []).some((id) => open.has(id))) continue;
    await caches.delete(name);
    delete record[name];
  }
  await writeRecord(record);
}
