// Offline after the first visit (docs/offline.md, RGESN 2.3): the service worker
// keeps the site once the first page has loaded, then the catalogue, a course
// never opened, Ma sélection and a form's draft work with the network cut, and
// a new deployment replaces the kept version at the next visit, while a page
// still open on the old code keeps its files until it is closed. The network
// is cut at both ends: Chromium offline (context.setOffline) and the server
// dropping every connection.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { createServer, request as forward } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { BASE, CHROMIUM, CHROMIUM_ARGS, DIST, waitForApp, withCampusRoute } from './support/harness.mjs';
import { startStaticServer } from '../../build/static-server.mjs';
import { fillYou } from './support/applicant.mjs';
import { deploymentVersion, precacheList, writeWorker } from '../../build/offline.mjs';

const catalogue = JSON.parse(readFileSync(join(DIST, 'catalogue.json'), 'utf8'));
const plain = catalogue.courses.filter((c) => /^[a-z0-9][a-z0-9_-]*$/.test(c.id));
/** A course never opened before the network is cut (no folder of it is kept). */
const UNSEEN = plain[3];
const RENAMED = plain[5];
const MARK = '<!-- campus-test: second deployment -->';

/** A copy of dist/ as a new deployment: a course renamed, a mark in every page, a chunk gone. */
function secondDeployment() {
  const dir = mkdtempSync(join(tmpdir(), 'campus-offline-'));
  cpSync(DIST, dir, { recursive: true });
  const data = JSON.parse(readFileSync(join(dir, 'catalogue.json'), 'utf8'));
  data.courses.find((c) => c.id === RENAMED.id).title = 'Formation de la nouvelle version';
  writeFileSync(join(dir, 'catalogue.json'), JSON.stringify(data));
  const mark = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) mark(full);
      else if (entry.name === 'index.html') writeFileSync(full, readFileSync(full, 'utf8').replace('</body>', `${MARK}</body>`));
    }
  };
  mark(dir);
  // The accessibility page's chunk: gone from the new deployment's server.
  const chunk = readdirSync(dir).find((f) => /^split_info-[0-9a-f]{16}\.wasm$/.test(f));
  unlinkSync(join(dir, chunk));
  writeWorker(dir);
  return { dir, chunk };
}

/** The site's address, in front of one build or another; `down` drops every connection. */
async function startFront(upstream) {
  const state = { upstream, down: false, fault: null, log: [] };
  const server = createServer((req, res) => {
    state.log.push({ path: req.url.slice(BASE.length), at: Date.now() });
    if (state.down) return req.socket.destroy();
    const fault = state.fault?.(req.url.slice(BASE.length));
    if (fault) return res.writeHead(fault.status, fault.headers ?? { 'content-type': 'text/html' }).end(fault.body ?? '');
    const target = new URL(state.upstream.url);
    const up = forward({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode, r.headers);
      r.pipe(res);
    });
    up.on('error', () => res.destroy());
    req.pipe(up);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  state.url = `http://127.0.0.1:${server.address().port}${BASE}`;
  state.close = () => { server.closeAllConnections?.(); return new Promise((r) => server.close(r)); };
  return state;
}

let first;
let second;
let next;
let front;
let browser;
let context;

before(async () => {
  first = await startStaticServer({ root: DIST, base: BASE });
  next = secondDeployment();
  second = await startStaticServer({ root: next.dir, base: BASE });
  front = await startFront(first);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  context = await withCampusRoute(await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 }, serviceWorkers: 'allow' }));
});
after(async () => {
  await context?.close().catch(() => {});
  await browser?.close();
  await front?.close();
  await first?.close();
  await second?.close();
  if (next) rmSync(next.dir, { recursive: true, force: true });
});

/** A page that records its errors (a request the network refuses is expected offline). */
async function newPage() {
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource|ERR_INTERNET_DISCONNECTED|net::ERR/.test(m.text())) page.problems.push(m.text());
  });
  return page;
}

async function network(on) {
  front.down = !on;
  await context.setOffline(!on);
}

/** Polls `fn` in the page (async allowed) until it returns true. */
async function until(page, fn, arg, timeout = 30_000) {
  const end = Date.now() + timeout;
  while (!(await page.evaluate(fn, arg))) {
    if (Date.now() > end) assert.fail(`never true: ${fn}`);
    await page.waitForTimeout(100);
  }
}

const cacheNames = (page) => page.evaluate(async () => (await caches.keys()).filter((n) => n.startsWith('campus-offline http')));
const versionOf = deploymentVersion;

/** Text with its spaces made plain (the app's French typography adds no-break ones). */
const flat = (text) => text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();

async function open(page, path) {
  await page.goto(front.url + path);
  await waitForApp(page);
}

let home;

test('first visit: the worker comes after the page has loaded and keeps the whole site', async () => {
  home = await newPage();
  await open(home, '');
  const loaded = await home.evaluate(() => performance.timeOrigin + performance.getEntriesByType('navigation')[0].loadEventEnd);
  await home.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
  // Nothing of the worker or its precache before the page's load event.
  const late = front.log.filter((e) => e.path === 'sw.js' || e.path === 'candidature/' || /^split_forms-/.test(e.path));
  assert.ok(late.length >= 3, JSON.stringify(late));
  for (const e of late) assert.ok(e.at >= loaded, `${e.path} fetched ${loaded - e.at} ms before load`);
  const version = versionOf(DIST);
  assert.deepEqual(await cacheNames(home), [`campus-offline ${front.url} ${version}`]);
  const kept = await home.evaluate(async (name) => (await (await caches.open(name)).keys()).length, `campus-offline ${front.url} ${version}`);
  assert.equal(kept, precacheList(DIST).length);
  assert.deepEqual(home.problems, []);
});

test('offline: the catalogue, a course never opened, Ma sélection and a draft typed before', async () => {
  const page = await newPage();
  await open(page, 'candidature/');
  await page.click('button:has-text("Commencer ma candidature")');
  await page.waitForSelector('#f-first_name');
  await fillYou(page);
  const step = await page.evaluate(() => window.campusRoute);
  await page.waitForTimeout(500);

  await network(false);
  try {
    await open(page, 'catalogue/');
    await page.fill('#recherche-texte', 'cyber');
    await page.waitForFunction(() => document.title.startsWith('«\u00a0cyber\u00a0»'));
    const cards = page.locator('.campus-results .fr-card');
    assert.ok((await cards.count()) > 0, 'no result offline');
    const title = (await cards.first().locator('h3, .fr-card__title').first().textContent()).trim();
    await cards.first().locator('button[aria-pressed]').click();

    await open(page, 'ma-selection/');
    await page.waitForSelector('.campus-results .fr-card');
    assert.match(await page.textContent('.campus-results'), new RegExp(title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));

    await open(page, `formation/${UNSEEN.id}/`);
    assert.equal(flat(await page.textContent('#campus-app main h1')), flat(UNSEEN.title));
    await page.reload();
    await waitForApp(page);
    assert.equal(flat(await page.textContent('#campus-app main h1')), flat(UNSEEN.title));

    await open(page, step);
    assert.equal(await page.inputValue('#f-first_name'), 'Camille');
    assert.equal(await page.inputValue('#f-department'), 'Direction du numérique');
    await page.reload();
    await waitForApp(page);
    assert.equal(await page.inputValue('#f-first_name'), 'Camille');
    assert.deepEqual(page.problems, []);
  } finally {
    await network(true);
  }
  await page.close();
});

test('online, a page the server fails (503) is the kept one; errors and redirects are never kept', async () => {
  const page = await newPage();
  front.fault = (path) => {
    if (path === 'catalogue/') return { status: 503, body: 'Service indisponible' };
    if (path === 'formation/inconnue/') return { status: 404, body: 'Introuvable' };
    if (path === 'formation/ailleurs/') return { status: 302, headers: { location: `${BASE}catalogue/` } };
    if (path === 'formation/en-panne/') return { status: 500, body: 'Erreur' };
    return null;
  };
  try {
    await open(page, 'catalogue/');
    await page.waitForSelector('.campus-results .fr-card');
    assert.equal((await page.goto(front.url + 'formation/inconnue/')).status(), 404);
    assert.equal((await page.goto(front.url + 'formation/en-panne/')).status(), 500);
    await page.goto(front.url + 'formation/ailleurs/');
    assert.match(page.url(), /\/catalogue\/$/);
  } finally {
    front.fault = null;
  }
  const stored = await page.evaluate(async (base) => {
    const found = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) {
        if (/formation\/(inconnue|en-panne|ailleurs)\//.test(request.url)) found.push(request.url);
      }
    }
    return found;
  }, front.url);
  assert.deepEqual(stored, []);
  await page.close();
});

test('a new deployment is taken at the next visit; a page open on the old code keeps its files', async () => {
  const oldVersion = versionOf(DIST);
  const newVersion = versionOf(next.dir);
  assert.notEqual(oldVersion, newVersion);
  // `home` still runs the first deployment's code.
  front.upstream = second;
  const page = await newPage();
  await open(page, '');
  assert.ok((await page.content()).includes(MARK), 'the new page is served online');
  // The new worker has taken over: it controls the page, its cache is there.
  await until(page, async (name) => (await caches.has(name)) && (await navigator.serviceWorker.getRegistration())?.waiting === null
    && (await navigator.serviceWorker.getRegistration())?.installing === null, `campus-offline ${front.url} ${newVersion}`);
  // The old page needs a chunk the new deployment no longer has: the old cache serves it.
  await home.click('#campus-app footer a[href="accessibilite/"]');
  await home.waitForSelector('#campus-app main h1:text-matches("accessibilité", "i")');
  assert.deepEqual(home.problems, []);
  // Once no page of the old version is open, its cache goes.
  await home.close();
  await page.reload();
  await waitForApp(page);
  await page.reload();
  await waitForApp(page);
  await until(
    page,
    async (name) => (await caches.keys()).filter((n) => n.startsWith('campus-offline http')).join() === name,
    `campus-offline ${front.url} ${newVersion}`,
    10_000,
  );

  await network(false);
  try {
    await open(page, 'catalogue/');
    assert.ok((await page.content()).includes(MARK), 'offline, the page is the new deployment\'s');
    await page.fill('#recherche-texte', 'Formation de la nouvelle version');
    await page.waitForFunction(() => /Formation de la nouvelle version/.test(document.querySelector('.campus-results')?.textContent ?? ''));
    // (Not a page of the accessibility chunk: this deployment deleted it.)
    await open(page, `formation/${UNSEEN.id}/`);
    assert.equal(flat(await page.textContent('#campus-app main h1')), flat(UNSEEN.title));
    await open(page, 'ma-selection/');
    assert.ok((await page.content()).includes(MARK));
    assert.deepEqual(page.problems, []);
  } finally {
    await network(true);
  }
  await page.close();
});

test('a widget on another site registers no worker, on the host nor in its frame', async () => {
  const host = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
      `<!doctype html><html lang="fr"><title>Ministère</title><div data-campus="catalogue"></div><script src="${front.url}embed.js" async></script>`,
    );
  });
  await new Promise((r) => host.listen(0, '127.0.0.1', r));
  const other = await browser.newContext({ serviceWorkers: 'allow' });
  try {
    const page = await other.newPage();
    await page.goto(`http://127.0.0.1:${host.address().port}/`);
    const frame = await (await page.waitForSelector('iframe')).contentFrame();
    await frame.waitForLoadState('load');
    await frame.waitForSelector('#campus-app', { timeout: 15_000 });
    await page.waitForTimeout(3000);
    assert.deepEqual(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);
    assert.deepEqual(await frame.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);
    assert.deepEqual(other.serviceWorkers(), []);
    // The same browser, on the full site itself: the worker comes.
    const full = await other.newPage();
    await full.goto(front.url);
    await until(full, async () => (await navigator.serviceWorker.getRegistrations()).length === 1);
  } finally {
    await other.close();
    await new Promise((r) => host.close(r));
  }
});

test('switched off: the next visit removes the worker and its caches', async () => {
  const page = await newPage();
  await open(page, '');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  writeWorker(next.dir, { off: true });
  await page.reload();
  await until(page, async () => (await navigator.serviceWorker.getRegistrations()).length === 0, null, 20_000);
  assert.deepEqual(await page.evaluate(async () => (await caches.keys()).filter((n) => n.startsWith('campus-offline'))), []);
  await page.close();
});
