// The pages' code comes in chunks (src/web/pages.rs, build/wasm-split.mjs):
// the home page fetches none, a page fetches its own when first shown, and a
// chunk that cannot be fetched (offline mid-way, a server error) shows a clear
// message with a retry; nothing typed is lost and the app never stops.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { assertAccessible, assertNoProblems, DIST, follow, startApp, waitForApp } from './support/harness.mjs';
import { bundledCatalogue } from './support/fixtures.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

const CHUNK = /\/(split|chunk|pack)_[^/]*\.wasm$/;
const failedLoad = [/Failed to load resource/, /wasm|WebAssembly|fetch|TypeError/i];

/** A page whose wasm requests are logged; `block(url)` makes a chunk fail. */
async function open(path, { block = () => false, viewport } = {}) {
  const page = await app.newPage({ allowConsole: failedLoad, viewport });
  page.wasm = [];
  page.on('request', (r) => { if (r.url().endsWith('.wasm')) page.wasm.push(new URL(r.url()).pathname); });
  await page.route(CHUNK, (route) => (block(route.request().url()) ? route.abort('internetdisconnected') : route.continue()));
  await page.goto(`${app.url}${path}`);
  await waitForApp(page);
  return page;
}

test('the build has a main module and the chunks of the pages', () => {
  const files = readdirSync(DIST);
  assert.equal(files.filter((f) => /^campus-[0-9a-f]+_bg\.wasm$/.test(f)).length, 1, files.join(' '));
  for (const name of ['catalogue', 'course', 'selection', 'forms']) {
    assert.ok(files.some((f) => new RegExp(`^split_${name}-[0-9a-f]{16}\\.wasm$`).test(f)), `no chunk for ${name}: ${files.join(' ')}`);
  }
  assert.ok(files.some((f) => /^__wasm_split-[0-9a-f]{16}\.js$/.test(f)), 'no chunk loader');
});

test('the home page fetches no chunk; a page fetches its own once', async () => {
  const page = await open('');
  await page.waitForTimeout(500);
  assert.equal(page.wasm.filter((u) => CHUNK.test(u)).length, 0, page.wasm.join('\n'));
  await page.click('#campus-app footer a[href="accessibilite/"]');
  await page.waitForSelector('main h1:text-matches("accessibilité", "i")');
  assert.deepEqual(page.wasm.filter((u) => /split_/.test(u)).map((u) => u.replace(/.*\/(split_[a-z]+)-.*/, '$1')), ['split_info']);

  await page.click('#campus-app header a[href="catalogue/"]');
  await page.waitForSelector('#campus-app .campus-results');
  const catalogueChunks = page.wasm.filter((u) => /split_catalogue-/.test(u));
  assert.equal(catalogueChunks.length, 1, page.wasm.join('\n'));
  // Back and forth: already here, not fetched again.
  await page.click('#campus-app header a[href="./"]');
  await page.waitForSelector('main h1:not(#page-en-chargement > h1)');
  await page.goBack();
  await page.waitForSelector('.campus-results');
  assert.equal(page.wasm.filter((u) => /split_catalogue-/.test(u)).length, 1, page.wasm.join('\n'));
  assertNoProblems(page);
});

test('a page landed on fetches its code in one pack; later pages fetch only what they miss; a pack that fails falls back to the files', async () => {
  const course = bundledCatalogue().courses.find((c) => /^[a-z0-9][a-z0-9_-]*$/.test(c.id));
  for (const [path, pack] of [[`formation/${course.id}/`, 'pack_course_data'], ['catalogue/', 'pack_catalogue_data'], ['accessibilite/', 'pack_info'], ['candidature/', 'pack_forms_data']]) {
    const page = await open(path);
    await page.waitForTimeout(500);
    const fetched = page.wasm.filter((u) => CHUNK.test(u)).map((u) => u.replace(/.*\/([a-z_]+)-[0-9a-f]{16}\.wasm$/, '$1'));
    assert.deepEqual(fetched, [pack], `${path}: ${page.wasm.join(' ')}`);
    assertNoProblems(page);
    if (path === 'catalogue/') {
      // Then a page of another chunk: only its own pieces, one by one.
      await page.click('#campus-app footer a[href="accessibilite/"]');
      await page.waitForSelector('main h1:text-matches("accessibilité", "i")');
      const more = page.wasm.filter((u) => CHUNK.test(u)).slice(1);
      assert.ok(more.length > 0 && more.every((u) => !/pack_/.test(u)), more.join(' '));
      assert.ok(more.some((u) => /split_info-/.test(u)));
    }
    await page.close();
  }
  // The pack cannot come (a host that did not publish it): the files do.
  const page = await open('catalogue/', { block: (url) => /\/pack_/.test(url) });
  await page.waitForSelector('#campus-app .campus-results');
  assert.ok(page.wasm.some((u) => /split_catalogue-/.test(u)), page.wasm.join(' '));
});

test('after a route change the page that arrives later gets the focus', async () => {
  const page = await open('');
  await page.focus('#campus-app header a[href="catalogue/"]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.campus-results');
  await page.waitForFunction(() => document.activeElement?.matches('main h1'));
  assert.match(await page.evaluate(() => document.activeElement.textContent), /Catalogue/);
  assertNoProblems(page);
});

test('focus the visitor moves while a page is on its way stays where they put it', async () => {
  const page = await open('');
  let release;
  const gate = new Promise((resolve) => { release = resolve; });
  await page.route(/\/split_catalogue-[^/]*\.wasm$/, async (route) => { await gate; await route.continue(); });
  await page.focus('#campus-app header a[href="catalogue/"]');
  await page.keyboard.press('Enter');
  // Meanwhile the loading message holds the focus (a screen reader says it)...
  await page.waitForFunction(() => document.activeElement?.closest('#page-en-chargement'));
  // ...until the visitor goes elsewhere: a footer link, by keyboard.
  await page.focus('#campus-app footer a[href="accessibilite/"]');
  release();
  await page.waitForSelector('.campus-results');
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('href')), 'accessibilite/');
  assertNoProblems(page);
});

test('offline mid-way: a clear message and a retry that works, focus on the message, the app still alive', async () => {
  let offline = true;
  const page = await open('', { block: () => offline });
  await page.click('#campus-app header a[href="catalogue/"]');
  const alert = page.locator('#page-non-chargee[role="alert"]');
  await alert.waitFor();
  assert.match(await alert.textContent(), /n'a pas pu être chargée[\s\S]*connexion/);
  await page.waitForFunction(() => document.activeElement?.matches('#page-non-chargee h1'));
  await assertAccessible(page, 'chunk failed');
  // The rest of the app still works: the home page.
  await page.click('#campus-app header a[href="./"]');
  await page.waitForSelector('main h1:not(#page-en-chargement > h1)');
  // Back to the catalogue, still offline: the message again; then online, retry.
  await page.goBack();
  await alert.waitFor();
  offline = false;
  await page.click('#page-non-chargee button');
  await page.waitForSelector('.campus-results');
  await page.waitForFunction(() => document.activeElement?.matches('main h1'));
  assert.deepEqual(page.problems, [], 'no panic, no page error');
});

test('a form step whose chunk fails keeps the draft: after the retry the typed answer is there', async () => {
  const page = await open('candidature/');
  await page.click('main button.fr-btn');
  await page.fill('#f-first_name', 'Camille Étienne');
  await page.waitForTimeout(800); // the draft is saved as one types (debounced)
  // Another tab (same storage), offline: the form's chunk cannot come.
  let offline = true;
  const tab = await app.newTab(page, { allowConsole: failedLoad });
  await tab.route(CHUNK, (route) => (offline ? route.abort('internetdisconnected') : route.continue()));
  await tab.goto(page.url());
  await tab.locator('#page-non-chargee').waitFor();
  offline = false;
  await tab.click('#page-non-chargee button');
  await tab.locator('#f-first_name').waitFor();
  assert.equal(await tab.inputValue('#f-first_name'), 'Camille Étienne');
  assert.deepEqual(tab.problems, []);
  assertNoProblems(page);
});

test('on a phone, the loading message and the failure are readable (390 px)', async () => {
  const page = await open('', { block: () => true, viewport: { width: 390, height: 844 } });
  await page.click('#campus-app header .fr-header__navbar button, #campus-app header button[aria-controls]', { timeout: 5000 }).catch(() => {});
  await follow(page, 'ma-selection/');
  await page.locator('#page-non-chargee').waitFor();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `page is ${width} px wide`);
  await page.screenshot({ path: 'target/chunk-failed-390.png' });
  await assertAccessible(page, 'chunk failed, phone');
});

test('landing on a static page whose chunk cannot come: its content stays, and its links work as plain links', async () => {
  const page = await app.newPage({ allowConsole: failedLoad });
  const chunks = [];
  await page.route(CHUNK, (route) => { chunks.push(route.request().url()); return route.abort('internetdisconnected'); });
  await page.goto(`${app.url}catalogue/`);
  await page.waitForFunction((n) => performance.getEntriesByType('resource').some((e) => /split_catalogue-/.test(e.name)), null, { timeout: 15_000 })
    .catch(() => {});
  await page.waitForTimeout(1500);
  assert.ok(chunks.some((u) => /split_catalogue-/.test(u)), `the catalogue's chunk was asked for: ${chunks.join(' ')}`);
  assert.ok(await page.isVisible('#campus-static main h1'), 'the static content is in view');
  assert.match(await page.textContent('#campus-static main h1'), /Catalogue/);
  assert.equal(await page.isVisible('#page-non-chargee'), false);
  // A link of the static page loads its page: the home page, whose code is here.
  await Promise.all([page.waitForNavigation(), page.click('#campus-static header a[href="./"], #campus-static .fr-header__brand a')]);
  await waitForApp(page);
  assert.match(await page.textContent('#campus-app main h1'), /Campus du numérique public/);
  assertNoProblems(page);
});

test('pointing at a link, or tabbing to it, fetches its page\'s chunk before the click', async () => {
  const page = await open('');
  await page.hover('#campus-app header a[href="catalogue/"]');
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /split_catalogue-/.test(e.name)));
  await page.focus('#campus-app footer a[href="accessibilite/"]');
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /split_info-/.test(e.name)));
  assert.equal(page.wasm.filter((u) => /split_(course|forms|selection)-/.test(u)).length, 0, page.wasm.join('\n'));
  assertNoProblems(page);
});
