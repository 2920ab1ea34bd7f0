// Self-test of the Lighthouse bench's host (compressed-server.mjs), on a small
// build-like folder: what it sends must be what a real host sends, or the
// benchmark measures something else.
//
// Run: node --test tests/bench/compressed-server.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

import { cacheControl, negotiate, startCompressedServer } from '../../bench/compressed-server.mjs';

const BASE = '/formations/campus/';
let dir;
let server;
const wasm = Buffer.alloc(64 * 1024, 'wasm-like bytes that compress well ');
const html = '<!doctype html><title>t</title>'.repeat(50);

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'campus-compressed-'));
  mkdirSync(join(dir, 'dsfr', 'fonts'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), html);
  writeFileSync(join(dir, 'campus-0123456789abcdef_bg.wasm'), wasm);
  writeFileSync(join(dir, 'config.json'), '{}');
  writeFileSync(join(dir, 'dsfr', 'fonts', 'Marianne-Bold.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32, 1, 2, 3]));
  writeFileSync(join(dir, 'dsfr', 'dsfr.min.css'), 'a{color:red}'.repeat(100));
  server = await startCompressedServer({ root: dir, base: BASE });
});

after(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A raw GET (fetch would decompress and hide the encoding). */
function get(path, headers = {}, method = 'GET') {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, server.url), { method, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('negotiates brotli over gzip over identity, honouring q-values and *', () => {
  const both = { br: Buffer.from('b'), gzip: Buffer.from('g') };
  assert.equal(negotiate('gzip, deflate, br, zstd', both), 'br');
  assert.equal(negotiate('gzip', both), 'gzip');
  assert.equal(negotiate('br;q=0, gzip;q=0.8', both), 'gzip');
  assert.equal(negotiate('br;q=0, gzip;q=0', both), 'identity');
  assert.equal(negotiate('*', both), 'br');
  assert.equal(negotiate('*;q=0', both), 'identity');
  assert.equal(negotiate('identity', both), 'identity');
  assert.equal(negotiate(undefined, both), 'identity');
  assert.equal(negotiate('br;q=abc, gzip', both), 'gzip');
  assert.equal(negotiate('br, gzip', {}), 'identity');
});

test('cache headers: hashed files immutable, entry points revalidated, assets a day', () => {
  assert.equal(cacheControl('campus-0123456789abcdef_bg.wasm'), 'public, max-age=31536000, immutable');
  assert.equal(cacheControl('campus-0123456789abcdef.js'), 'public, max-age=31536000, immutable');
  assert.equal(cacheControl('main-5c35924ed97dad8b.css'), 'public, max-age=31536000, immutable');
  for (const f of ['index.html', 'config.json', 'catalogue.json']) assert.equal(cacheControl(f), 'no-cache');
  assert.equal(cacheControl('dsfr/dsfr.min.css'), 'public, max-age=86400');
  assert.equal(cacheControl('dsfr/fonts/Marianne-Bold.woff2'), 'public, max-age=86400');
});

test('the wasm goes brotli or gzip by Accept-Encoding, as application/wasm', async () => {
  const path = 'campus-0123456789abcdef_bg.wasm';
  const br = await get(path, { 'accept-encoding': 'gzip, deflate, br' });
  assert.equal(br.status, 200);
  assert.equal(br.headers['content-type'], 'application/wasm');
  assert.equal(br.headers['content-encoding'], 'br');
  assert.equal(br.headers.vary, 'Accept-Encoding');
  assert.equal(Number(br.headers['content-length']), br.body.length);
  assert.ok(br.body.length < wasm.length / 10, `brotli sent ${br.body.length} bytes`);
  assert.deepEqual(brotliDecompressSync(br.body), wasm);
  const gz = await get(path, { 'accept-encoding': 'gzip' });
  assert.equal(gz.headers['content-encoding'], 'gzip');
  assert.deepEqual(gunzipSync(gz.body), wasm);
  const plain = await get(path);
  assert.equal(plain.headers['content-encoding'], undefined);
  assert.deepEqual(plain.body, wasm);
  assert.equal(br.headers['cache-control'], 'public, max-age=31536000, immutable');
});

test('fonts are sent as they are; index.html at the base, revalidated', async () => {
  const font = await get('dsfr/fonts/Marianne-Bold.woff2', { 'accept-encoding': 'br, gzip' });
  assert.equal(font.headers['content-encoding'], undefined);
  assert.equal(font.headers['content-type'], 'font/woff2');
  const index = await get('', { 'accept-encoding': 'br' });
  assert.equal(index.status, 200);
  assert.equal(index.headers['content-type'], 'text/html; charset=utf-8');
  assert.equal(index.headers['cache-control'], 'no-cache');
  assert.equal(brotliDecompressSync(index.body).toString(), html);
});

test('one ETag per encoding, 304 on a match, HEAD without a body', async () => {
  const br = await get('config.json', { 'accept-encoding': 'br' });
  const id = await get('config.json');
  // '{}' does not shrink: no variant, so the same representation and no Vary.
  assert.equal(id.headers.vary, undefined);
  const css = await get('dsfr/dsfr.min.css', { 'accept-encoding': 'br' });
  const cssGz = await get('dsfr/dsfr.min.css', { 'accept-encoding': 'gzip' });
  assert.notEqual(css.headers.etag, cssGz.headers.etag);
  const again = await get('dsfr/dsfr.min.css', { 'accept-encoding': 'br', 'if-none-match': css.headers.etag });
  assert.equal(again.status, 304);
  assert.equal(again.body.length, 0);
  const other = await get('dsfr/dsfr.min.css', { 'accept-encoding': 'gzip', 'if-none-match': css.headers.etag });
  assert.equal(other.status, 200, 'the brotli ETag must not validate the gzip bytes');
  const head = await get('dsfr/dsfr.min.css', { 'accept-encoding': 'br' }, 'HEAD');
  assert.equal(head.status, 200);
  assert.equal(head.body.length, 0);
  assert.equal(Number(head.headers['content-length']), css.body.length);
  assert.equal(br.status, 200);
});

test('nothing outside the base or the build; no other method', async () => {
  assert.equal((await get('/config.json')).status, 404);
  assert.equal((await get(`${BASE}../config.json`)).status, 404);
  assert.equal((await get(`${BASE}%2e%2e/%2e%2e/etc/passwd`)).status, 404);
  assert.equal((await get(`${BASE}%zz`)).status, 400);
  assert.equal((await get('missing.js')).status, 404);
  assert.equal((await get('dsfr/')).status, 404);
  assert.equal((await get('config.json', {}, 'POST')).status, 405);
});
