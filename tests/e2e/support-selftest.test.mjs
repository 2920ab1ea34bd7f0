// The test infrastructure must do what it claims: the receiver answers every fault
// mode as specified (standalone with CORS, and same-origin through the static
// server), and the browsers of browsers.mjs really have their storage disabled,
// denied to cross-site frames, partitioned, or full.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import {
  createReceiverHandler,
  LOGIN_PAGE,
  makeReceiverState,
  startReceiver,
} from './support/receiver.mjs';
import { startStaticServer } from '../../build/static-server.mjs';
import {
  CHROMIUM,
  CHROMIUM_ARGS,
  fillLocalStorage,
  framedFrame,
  framingPage,
  freeLocalStorage,
  launchWithStorage,
  probeLocalStorage,
} from './support/browsers.mjs';

const BASE = '/formations/campus/';
const KEY = '0b6f3c1e-7d2a-4c8e-9f10-2a3b4c5d6e7f';
const application = (reference = 'AB12CD34', key = KEY, extra = {}) =>
  JSON.stringify({ schema_version: 1, reference, idempotency_key: key, consent: true, ...extra });
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** POSTs like the app does; never follows redirects; gives up after `timeout` ms. */
async function post(url, body = application(), { key = KEY, timeout = 2000, headers = {} } = {}) {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}), ...headers },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeout),
    });
    const text = await res.text();
    let json;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: res.status, headers: res.headers, text, json };
  } catch (error) {
    return { error: error.name, code: error.cause?.code };
  }
}

// ---------------------------------------------------------------------------
// Receiver, from Node.

describe('receiver', () => {
  let receiver;
  before(async () => {
    receiver = await startReceiver();
  });
  after(async () => {
    await receiver?.close();
  });

  test('ok: 201 with an echo, replay 200 (same answer), other body with the key → 422', async () => {
    const { state, url } = receiver;
    state.reset();
    const first = await post(url);
    assert.equal(first.status, 201);
    assert.match(first.headers.get('content-type'), /^application\/json/);
    assert.equal(first.headers.get('access-control-allow-origin'), '*');
    assert.equal(first.json.reference, 'AB12CD34');
    assert.equal(first.json.idempotency_key, KEY);
    assert.match(first.json.received_at, RFC3339);
    assert.ok(!Number.isNaN(Date.parse(first.json.received_at)));

    const replay = await post(url);
    assert.equal(replay.status, 200);
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(replay.json, first.json, 'a replay answers the stored response');

    const reused = await post(url, application('AB12CD34', KEY, { submitted_at: '2030-01-01T00:00:00Z' }));
    assert.equal(reused.status, 422);
    assert.deepEqual(reused.json, { error: 'idempotency_key_reused' });
    // Byte-exact: the same JSON with other whitespace is another body.
    assert.equal((await post(url, `${application()} `)).status, 422);

    assert.equal(state.stored.size, 1);
    assert.equal(state.stored.get(KEY).reference, 'AB12CD34');
    assert.equal(state.requests.length, 4);
    assert.deepEqual(state.requests.map((r) => r.status), [201, 200, 422, 422]);
    const r0 = state.requests[0];
    assert.equal(r0.method, 'POST');
    assert.equal(r0.key, KEY);
    assert.equal(r0.body, application());
    assert.equal(r0.mode, 'ok');
    assert.equal(r0.headers['content-type'], 'application/json');
    assert.ok(Math.abs(r0.at - Date.now()) < 10_000);

    const other = await post(url, application('ZZ99YY88', 'another-key'), { key: 'another-key' });
    assert.equal(other.status, 201);
    assert.equal(other.json.reference, 'ZZ99YY88');
    assert.equal(state.stored.size, 2);
  });

  test('ok: missing key, key mismatch, invalid JSON → 400, nothing stored', async () => {
    const { state, url } = receiver;
    state.reset();
    assert.deepEqual((await post(url, application(), { key: null })).json, { error: 'missing_idempotency_key' });
    const mismatch = await post(url, application('AB12CD34', 'body-key'), { key: 'header-key' });
    assert.equal(mismatch.status, 400);
    assert.deepEqual(mismatch.json, { error: 'idempotency_key_mismatch' });
    const invalid = await post(url, '{not json', { key: 'k-invalid' });
    assert.equal(invalid.status, 400);
    assert.deepEqual(invalid.json, { error: 'invalid_json' });
    assert.equal(state.stored.size, 0);
  });

  test('every fault mode answers as specified and stores nothing', async () => {
    const { state, url, origin } = receiver;
    state.reset();
    const expect = {
      500: (r) => {
        assert.equal(r.status, 500);
        assert.deepEqual(r.json, { error: 'boom' });
      },
      redirect: (r) => {
        assert.equal(r.status, 302);
        assert.equal(r.headers.get('location'), `${origin}/login`);
      },
      html: (r) => {
        assert.equal(r.status, 200);
        assert.match(r.headers.get('content-type'), /^text\/html/);
        assert.equal(r.text, LOGIN_PAGE);
        assert.match(r.text, /<form/);
      },
      empty: (r) => {
        assert.equal(r.status, 200);
        assert.equal(r.text, '');
        assert.equal(r.headers.get('content-type'), null);
      },
      'no-echo': (r) => {
        assert.equal(r.status, 200);
        assert.deepEqual(r.json, { ok: true });
      },
      'wrong-echo': (r) => {
        assert.equal(r.status, 200);
        assert.notEqual(r.json.reference, 'AB12CD34');
        assert.equal(r.json.reference.length, 8);
        assert.equal(r.json.idempotency_key, KEY);
        assert.match(r.json.received_at, RFC3339);
      },
      429: (r) => {
        assert.equal(r.status, 429);
        assert.equal(r.headers.get('retry-after'), '2');
        assert.match(r.headers.get('content-type'), /^application\/json/);
        assert.equal(r.json.error, 'too_many_requests');
      },
      503: (r) => {
        assert.equal(r.status, 503);
        assert.equal(r.headers.get('retry-after'), '2');
        assert.equal(r.json.error, 'service_unavailable');
      },
      timeout: (r) => assert.equal(r.error, 'TimeoutError'),
      hang: (r) => assert.equal(r.error, 'TimeoutError'),
      reset: (r) => {
        assert.equal(r.error, 'TypeError');
        assert.equal(r.code, 'ECONNRESET');
      },
      eof: (r) => {
        assert.equal(r.error, 'TypeError');
        assert.equal(r.code, 'UND_ERR_SOCKET');
      },
    };
    // (Object key order puts '500', '429', '503' first: list the order explicitly.)
    const modes = ['500', 'redirect', 'html', 'empty', 'no-echo', 'wrong-echo', '429', '503', 'timeout', 'hang', 'reset', 'eof'];
    assert.deepEqual([...modes].sort(), Object.keys(expect).sort());
    for (const mode of modes) {
      state.mode = mode;
      const r = await post(url, application(), { timeout: 300 });
      expect[mode](r);
    }
    assert.equal(state.stored.size, 0);
    assert.deepEqual(state.requests.map((r) => r.mode), modes);
    assert.deepEqual(
      state.requests.map((r) => r.status),
      [500, 302, 200, 200, 200, 200, 429, 503, null, null, null, null],
    );

    state.mode = '429';
    state.retryAfter = 7;
    assert.equal((await post(url)).headers.get('retry-after'), '7');
    state.mode = 'redirect';
    state.redirectTo = 'https://sso.example.gouv.fr/login?service=campus';
    assert.equal((await post(url)).headers.get('location'), 'https://sso.example.gouv.fr/login?service=campus');
    state.retryAfter = undefined;
    state.redirectTo = '/login';

    // Where the default redirect leads: a login page, with CORS (as an SSO would).
    const login = await fetch(`${origin}/login`);
    assert.equal(login.status, 200);
    assert.equal(login.headers.get('access-control-allow-origin'), '*');
    assert.equal(await login.text(), LOGIN_PAGE);
    assert.equal((await fetch(url)).status, 405);
  });

  test('ok-hang and ok-reset store, lose the answer, and the retry replays', async () => {
    const { state, url } = receiver;
    state.reset();
    state.mode = 'ok-hang';
    assert.equal((await post(url, application(), { timeout: 300 })).error, 'TimeoutError');
    assert.equal(state.stored.size, 1);
    state.mode = 'ok-reset';
    assert.equal((await post(url)).code, 'ECONNRESET');
    state.mode = 'ok';
    const retry = await post(url);
    assert.equal(retry.status, 200);
    assert.equal(retry.json.reference, 'AB12CD34');
    assert.equal(state.stored.size, 1);
  });

  test('the queue gives one mode per POST, then state.mode; reset() clears everything', async () => {
    const { state, url } = receiver;
    state.reset();
    state.queue = ['429', '503', 'ok'];
    state.mode = '500';
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await post(url)).status);
    assert.deepEqual(statuses, [429, 503, 201, 500, 500]);
    assert.deepEqual(state.requests.map((r) => r.mode), ['429', '503', 'ok', '500', '500']);
    assert.deepEqual(state.queue, []);

    state.queue.push('html');
    const pre = await fetch(url, {
      method: 'OPTIONS',
      headers: { origin: 'http://127.0.0.1:1', 'access-control-request-method': 'POST' },
    });
    assert.equal(pre.status, 204);
    assert.match(pre.headers.get('access-control-allow-headers'), /idempotency-key/);
    assert.equal(state.preflights.length, 1);
    assert.equal(state.preflights[0].headers['access-control-request-method'], 'POST');
    assert.equal(state.requests.length, 5, 'preflights are not requests');

    state.redirectTo = 'http://kept.example/';
    state.reset();
    assert.equal(state.mode, 'ok');
    assert.deepEqual(state.queue, []);
    assert.equal(state.requests.length, 0);
    assert.equal(state.preflights.length, 0);
    assert.equal(state.stored.size, 0);
    assert.equal(state.redirectTo, 'http://kept.example/', 'configuration survives reset()');
    assert.equal((await post(url)).status, 201, 'after reset a stored key is new again');
    state.redirectTo = '/login';
  });

  test('the API application.test.mjs uses still works (500, timeout, ok once per key)', async () => {
    const r = await startReceiver();
    try {
      assert.match(r.url, /^http:\/\/127\.0\.0\.1:\d+\/applications$/);
      assert.equal(r.state.mode, 'ok');
      r.state.mode = '500';
      assert.equal((await post(r.url)).status, 500);
      r.state.mode = 'timeout';
      assert.equal((await post(r.url, application(), { timeout: 200 })).error, 'TimeoutError');
      r.state.mode = 'ok';
      assert.equal((await post(r.url)).status, 201);
      assert.equal((await post(r.url)).status, 200);
      assert.equal(r.state.requests.length, 4);
      assert.equal(new Set(r.state.requests.map((a) => a.key)).size, 1);
      assert.equal(r.state.stored.size, 1);
      assert.equal([...r.state.stored.values()].at(-1).reference, 'AB12CD34');
    } finally {
      await r.close(); // closes even with the 'timeout' request still open
    }
  });
});

// ---------------------------------------------------------------------------
// Same-origin receiver mounted in the static server.

describe('same-origin receiver in the static server', () => {
  let root;
  let server;
  const state = makeReceiverState();
  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'campus-selftest-'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><html lang="fr"><title>Campus</title><h1>Campus</h1></html>');
    writeFileSync(join(root, 'config.json'), '{"applications_endpoint":"api/applications"}');
    server = await startStaticServer({ root, base: BASE, handlers: { [`${BASE}api/`]: createReceiverHandler(state) } });
  });
  after(async () => {
    await server?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  test('static files still serve; the handler answers under its prefix, without CORS', async () => {
    const index = await fetch(server.url);
    assert.equal(index.status, 200);
    assert.match(index.headers.get('content-type'), /^text\/html/);
    assert.match(await index.text(), /<h1>Campus<\/h1>/);
    const config = await fetch(`${server.url}config.json`);
    assert.equal(config.status, 200);
    assert.deepEqual(await config.json(), { applications_endpoint: 'api/applications' });
    assert.equal((await fetch(`${server.url}missing.js`)).status, 404);
    assert.equal((await fetch(`http://127.0.0.1:${server.port}/elsewhere`)).status, 404);

    state.reset();
    const endpoint = `${server.url}api/applications`;
    const ok = await post(endpoint);
    assert.equal(ok.status, 201);
    assert.equal(ok.headers.get('access-control-allow-origin'), null, 'same-origin: no CORS headers');
    assert.equal(ok.json.reference, 'AB12CD34');
    assert.equal((await post(endpoint)).status, 200);
    assert.equal((await post(endpoint, application('AB12CD34', KEY, { x: 1 }))).status, 422);
    assert.equal(state.stored.size, 1);
    assert.equal((await fetch(`${server.url}api/applications`)).status, 405);
  });

  test('redirect to BASE/index.html is a same-origin redirect; queue and reset work here too', async () => {
    state.reset();
    const endpoint = `${server.url}api/applications`;
    state.redirectTo = `${server.url}index.html`;
    state.queue = ['redirect', '503'];
    const redirect = await post(endpoint);
    assert.equal(redirect.status, 302);
    assert.equal(redirect.headers.get('location'), `${server.url}index.html`);
    const unavailable = await post(endpoint);
    assert.equal(unavailable.status, 503);
    assert.equal(unavailable.headers.get('retry-after'), '2');
    state.redirectTo = '/login';
    state.mode = 'redirect';
    assert.equal((await post(endpoint)).headers.get('location'), `http://127.0.0.1:${server.port}/login`);
    state.reset();
    assert.equal(state.requests.length, 0);
  });

  test('close() returns even while a request hangs', async () => {
    const s = makeReceiverState();
    s.mode = 'hang';
    const other = await startStaticServer({ root, base: BASE, handlers: { [`${BASE}api/`]: createReceiverHandler(s) } });
    const pending = post(`${other.url}api/applications`, application(), { timeout: 5000 });
    while (s.requests.length === 0) await new Promise((r) => setTimeout(r, 10));
    const t0 = Date.now();
    await other.close();
    assert.ok(Date.now() - t0 < 1000);
    assert.equal((await pending).error, 'TypeError');
  });
});

// ---------------------------------------------------------------------------
// Real Chromium: the receiver seen by fetch() in a page, and the storage modes.

describe('in Chromium', () => {
  let root;
  let siteA; // http://127.0.0.1:<a>/ (top-level site)
  let siteB; // the same files on another port, reached as http://localhost:<b>/ (another site)
  let sameOrigin; // static + receiver under BASE
  let receiver;
  const state = makeReceiverState();
  let bUrl;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'campus-selftest-pages-'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><html lang="fr"><title>Page</title><p>page</p></html>');
    siteA = await startStaticServer({ root });
    siteB = await startStaticServer({ root });
    bUrl = `http://localhost:${siteB.port}/`;
    writeFileSync(join(root, 'cross-site.html'), framingPage(`${bUrl}index.html`));
    writeFileSync(join(root, 'same-site.html'), framingPage(`${siteB.url}index.html`)); // other port, same site
    writeFileSync(join(root, 'sandboxed.html'), framingPage('index.html', { sandbox: 'allow-scripts' }));
    sameOrigin = await startStaticServer({ root, base: BASE, handlers: { [`${BASE}api/`]: createReceiverHandler(state) } });
    receiver = await startReceiver();
  });
  after(async () => {
    await receiver?.close();
    await sameOrigin?.close();
    await siteA?.close();
    await siteB?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  test('fetch() in a page: a same-origin redirect looks like success; reset and CORS headers', async () => {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS] });
    try {
      const page = await browser.newPage();
      await page.goto(`${sameOrigin.url}index.html`);
      const send = (url, key) =>
        page.evaluate(
          async ([u, k, body]) => {
            try {
              const r = await fetch(u, {
                method: 'POST',
                headers: { 'Content-Type': 'application/json', 'Idempotency-Key': k },
                body,
              });
              const text = await r.text();
              return { ok: r.ok, status: r.status, redirected: r.redirected, url: r.url, text, retryAfter: r.headers.get('retry-after') };
            } catch (e) {
              return { error: e.name, message: e.message };
            }
          },
          [url, key, application('AB12CD34', key)],
        );
      state.reset();
      state.redirectTo = `${sameOrigin.url}index.html`;
      state.mode = 'redirect';
      const same = await send(`${sameOrigin.url}api/applications`, KEY);
      assert.equal(same.ok, true, 'the redirected response is ok: what a client checking only response.ok sees');
      assert.equal(same.redirected, true);
      assert.equal(same.url, `${sameOrigin.url}index.html`);
      assert.match(same.text, /<p>page<\/p>/);
      assert.equal(state.stored.size, 0);

      // Standalone (cross-origin) receiver: redirect to its login page passes CORS.
      receiver.state.reset();
      receiver.state.mode = 'redirect';
      const cross = await send(receiver.url, KEY);
      assert.equal(cross.ok, true);
      assert.equal(cross.redirected, true);
      assert.equal(cross.url, `${receiver.origin}/login`);
      assert.equal(cross.text, LOGIN_PAGE);
      assert.ok(receiver.state.preflights.length >= 1, 'the POST was preflighted');

      receiver.state.mode = '429';
      const limited = await send(receiver.url, KEY);
      assert.equal(limited.status, 429);
      assert.equal(limited.retryAfter, '2', 'Retry-After is exposed to the page');

      receiver.state.mode = 'reset';
      const reset = await send(receiver.url, KEY);
      assert.equal(reset.error, 'TypeError');
      assert.equal(reset.message, 'Failed to fetch');

      receiver.state.mode = 'ok';
      const ok = await send(receiver.url, KEY);
      assert.equal(ok.status, 201);
      assert.equal(JSON.parse(ok.text).reference, 'AB12CD34');
      assert.equal(receiver.state.stored.size, 1);
    } finally {
      state.redirectTo = '/login';
      await browser.close();
    }
  });

  test("'disabled': localStorage throws SecurityError at top level", async () => {
    const b = await launchWithStorage({ mode: 'disabled' });
    try {
      const page = await b.newPage();
      await page.goto(`${siteA.url}index.html`);
      const probe = await probeLocalStorage(page);
      assert.deepEqual(probe, {
        ok: false,
        name: 'SecurityError',
        type: 'DOMException',
        message: "Failed to read the 'localStorage' property from 'Window': Access is denied for this document.",
      });
      const others = await page.evaluate(async () => {
        const out = {};
        try {
          sessionStorage.length;
          out.session = 'ok';
        } catch (e) {
          out.session = e.name;
        }
        out.idb = await new Promise((res) => {
          const q = indexedDB.open('t');
          q.onsuccess = () => res('ok');
          q.onerror = () => res(q.error.name);
        });
        document.cookie = 'a=1';
        out.cookie = document.cookie;
        return out;
      });
      assert.deepEqual(others, { session: 'SecurityError', idb: 'UnknownError', cookie: '' });
    } finally {
      await b.close();
    }
  });

  test("'third-party-blocked': a cross-site frame's localStorage throws; top level works", async () => {
    const b = await launchWithStorage({ mode: 'third-party-blocked' });
    try {
      const page = await b.newPage();
      await page.goto(`${siteA.url}index.html`);
      assert.equal((await probeLocalStorage(page)).ok, true);
      await page.goto(`${siteA.url}cross-site.html`);
      const probe = await probeLocalStorage(await framedFrame(page));
      assert.equal(probe.ok, false);
      assert.equal(probe.name, 'SecurityError');
      assert.match(probe.message, /Access is denied for this document/);
      // Another port of the same host is another origin but the same site: allowed.
      await page.goto(`${siteA.url}same-site.html`);
      assert.equal((await probeLocalStorage(await framedFrame(page))).ok, true);
    } finally {
      await b.close();
    }
  });

  test("'third-party-partitioned': the frame's storage works but is not the first-party one", async () => {
    const b = await launchWithStorage({ mode: 'third-party-partitioned' });
    try {
      const page = await b.newPage();
      await page.goto(`${bUrl}index.html`);
      await page.evaluate(() => localStorage.setItem('campus.probe', 'first-party'));
      await page.goto(`${siteA.url}cross-site.html`);
      const frame = await framedFrame(page);
      assert.deepEqual(await probeLocalStorage(frame), { ok: true, value: null, length: 0 });
    } finally {
      await b.close();
    }
  });

  test("'third-party-allowed': the frame shares the first-party storage", async () => {
    const b = await launchWithStorage({ mode: 'third-party-allowed' });
    try {
      const page = await b.newPage();
      await page.goto(`${bUrl}index.html`);
      await page.evaluate(() => localStorage.setItem('campus.probe', 'first-party'));
      await page.goto(`${siteA.url}cross-site.html`);
      assert.deepEqual(await probeLocalStorage(await framedFrame(page)), { ok: true, value: 'first-party', length: 1 });
    } finally {
      await b.close();
    }
  });

  test('plain launch (as the harness): cross-site frames denied, sandboxed frames denied, quota fills and frees', async () => {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS] });
    try {
      const page = await (await browser.newContext()).newPage();
      await page.goto(`${siteA.url}cross-site.html`);
      assert.equal((await probeLocalStorage(await framedFrame(page))).name, 'SecurityError');

      await page.goto(`${siteA.url}sandboxed.html`);
      const sandboxed = await probeLocalStorage(await framedFrame(page));
      assert.deepEqual(sandboxed, {
        ok: false,
        name: 'SecurityError',
        type: 'DOMException',
        message:
          "Failed to read the 'localStorage' property from 'Window': The document is sandboxed and lacks the 'allow-same-origin' flag.",
      });

      await page.goto(`${siteA.url}index.html`);
      await page.evaluate(() => localStorage.setItem('campus.candidature', '{"small":true}'));
      const bytes = await fillLocalStorage(page);
      const QUOTA = 10 * 1024 * 1024;
      assert.ok(bytes > QUOTA - 1024 && bytes <= QUOTA, `${bytes} bytes written`);
      const full = await page.evaluate(() => {
        const attempt = (k, v) => {
          try {
            localStorage.setItem(k, v);
            return 'ok';
          } catch (e) {
            return { name: e.name, code: e.code, type: e.constructor.name, dom: e instanceof DOMException, message: e.message };
          }
        };
        return {
          newKey: attempt('campus.other', 'x'.repeat(64)),
          grow: attempt('campus.candidature', 'x'.repeat(1024)),
          read: localStorage.getItem('campus.candidature'),
        };
      });
      assert.deepEqual(full.newKey, {
        name: 'QuotaExceededError',
        code: 22,
        type: 'QuotaExceededError',
        dom: true,
        message: "Failed to execute 'setItem' on 'Storage': Setting the value of 'campus.other' exceeded the quota.",
      });
      assert.equal(full.grow.name, 'QuotaExceededError');
      assert.equal(full.read, '{"small":true}', 'reading still works');
      // Survives a reload (the app starts with storage already full).
      await page.reload();
      assert.equal(await page.evaluate(() => { try { localStorage.setItem('k', 'x'.repeat(64)); return 'ok'; } catch (e) { return e.name; } }), 'QuotaExceededError');

      const removed = await freeLocalStorage(page);
      assert.ok(removed > 5, `${removed} filler keys removed`);
      assert.equal(await page.evaluate(() => { localStorage.setItem('campus.other', 'x'.repeat(100_000)); return localStorage.length; }), 2);
    } finally {
      await browser.close();
    }
  });
});
