// A course page starts from the excerpt of the catalogue that its file carries
// (src/core/catalogue/excerpt.rs): the course, its modules or parcours and its
// similar courses, read by the same parser as the whole catalogue. The whole
// catalogue (some 70 kB brotli) is downloaded only when a page needs it, and
// the excerpt gives way to it whenever it cannot serve: another catalogue
// configured, an excerpt that is not one, an address that narrows the sessions.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertAccessible, assertNoProblems, DIST, recordRequests, startApp, waitForApp } from './support/harness.mjs';
import { bundledCatalogue, catalogue, course, frenchSpacing, serveOtherCatalogue } from './support/fixtures.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

const DATA = bundledCatalogue();
/** A parcours with modules: its page lists them and has similar courses. */
const PARCOURS = DATA.courses.find((c) => c.kind === 'parcours' && (c.modules ?? []).length >= 2);
/** One of its modules: its page names the parcours that contain it. */
const MODULE = DATA.courses.find((c) => c.id === PARCOURS.modules[0]);
const EXCERPT = /<script type="application\/json" id="campus-course">([\s\S]*?)<\/script>/;
const fileOf = (id) => readFileSync(join(DIST, 'formation', id, 'index.html'), 'utf8');
const excerptOf = (id) => JSON.parse(fileOf(id).match(EXCERPT)[1]);

const fetchedCatalogue = (paths) => paths.filter((p) => p.startsWith('catalogue.json'));

/** What a course page shows, from the live app or the page's own file. */
async function shown(page, root) {
  return page.evaluate((root) => {
    const within = document.querySelector(root);
    const texts = (selector) => [...within.querySelectorAll(selector)].map((e) => e.textContent.trim());
    return {
      title: texts('main h1'),
      lists: texts('main ol li, main ul:not(.fr-btns-group):not(.fr-badges-group):not(.fr-tags-group) > li > a.fr-link'),
      similar: texts('main .fr-card__title'),
      sessions: texts('main .campus-session'),
    };
  }, root);
}

/** Serves the course `id`'s file with `excerpt` (a string) in place of its own. */
async function serveWithExcerpt(page, id, excerpt) {
  const path = `${new URL(app.url).pathname}formation/${id}/`;
  await page.route((url) => url.pathname === path, (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: fileOf(id).replace(EXCERPT, () => `<script type="application/json" id="campus-course">${excerpt}</script>`),
    }));
}

test('a course page takes over from its excerpt: what its file shows, without the catalogue, until a page needs it', async () => {
  for (const c of [PARCOURS, MODULE]) {
    const excerpt = excerptOf(c.id);
    assert.equal(excerpt.course, c.id);
    assert.equal(excerpt.source, 'catalogue.json');
    assert.ok(excerpt.catalogue.courses.length < DATA.courses.length / 4, `${c.id}: an excerpt, not the catalogue`);
    // What the page's own file shows (read without the app).
    const plain = await app.browser.newContext({ javaScriptEnabled: false, serviceWorkers: 'block' });
    const file = await plain.newPage();
    await file.goto(`${app.url}formation/${c.id}/`);
    const before = await shown(file, '#campus-static');
    await plain.close();
    const page = await app.newPage();
    const paths = recordRequests(page, app.url);
    await page.goto(`${app.url}formation/${c.id}/`);
    await waitForApp(page);
    await page.waitForLoadState('networkidle');
    assert.deepEqual(fetchedCatalogue(paths), [], `${c.id}: the course page does not download the catalogue`);
    const live = await shown(page, '#campus-app');
    assert.deepEqual(live, before, `${c.id}: the live page shows what the file showed`);
    assert.deepEqual(live.title, [frenchSpacing(c.title)]);
    assert.equal(live.similar.length, excerpt.similar.length);
    if (c === PARCOURS) {
      assert.ok(live.lists.length >= PARCOURS.modules.length, 'its modules are listed');
    } else {
      const parents = DATA.courses.filter((p) => (p.modules ?? []).includes(MODULE.id)).map((p) => frenchSpacing(p.title));
      for (const title of parents) assert.ok(live.lists.includes(title), `${title}: a parcours that contains it`);
    }
    await assertAccessible(page, `${c.id} from its excerpt`);
    // The catalogue comes with the first page that shows it, once.
    await page.locator('#campus-app .fr-breadcrumb a', { hasText: 'Catalogue' }).click();
    await page.waitForSelector('#campus-app .campus-course-card');
    assert.equal(fetchedCatalogue(paths).length, 1, 'the catalogue page fetched the catalogue once');
    // Back on the course, and to a similar course: the same page as before.
    await page.goBack();
    await page.waitForFunction((t) => document.querySelector('#campus-app main h1')?.textContent.trim() === t, frenchSpacing(c.title));
    assert.deepEqual(await shown(page, '#campus-app'), live);
    assertNoProblems(page);
    await page.close();
  }
});

test('the focus stays where it is when the whole catalogue arrives on a course page', async () => {
  const page = await app.newPage();
  const paths = recordRequests(page, app.url);
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/catalogue.json', async (route) => { await held; await route.continue(); });
  await page.goto(`${app.url}formation/${PARCOURS.id}/`);
  await waitForApp(page);
  const bookmark = page.locator('#campus-app main button[aria-pressed]').first();
  await bookmark.focus();
  // A link about to be followed asks for the catalogue (with the page's code).
  await page.locator('#campus-app .fr-breadcrumb a', { hasText: 'Catalogue' }).hover();
  const response = page.waitForResponse('**/catalogue.json');
  release();
  await response;
  await page.waitForTimeout(500);
  assert.equal(fetchedCatalogue(paths).length, 1, 'the hover asked for the catalogue');
  assert.ok(await bookmark.evaluate((b) => b.isConnected && document.activeElement === b), 'the focused button was not drawn again');
  assertNoProblems(page);
  await page.close();
});

test('an excerpt that cannot serve gives way to the catalogue, and the page is the same', async () => {
  const good = excerptOf(PARCOURS.id);
  const cases = {
    'not JSON': 'pas du JSON',
    'empty': '',
    'another version': JSON.stringify({ ...good, version: 99 }),
    'another course': JSON.stringify({ ...excerptOf(MODULE.id) }),
    'a catalogue that is not one': JSON.stringify({ ...good, catalogue: { version: 7 } }),
    'hostile text': JSON.stringify({ ...good, catalogue: '<img src=x onerror=alert(1)>' }),
    'wrong types': JSON.stringify({ ...good, similar: 'tous', course: 42 }),
  };
  const expected = [frenchSpacing(PARCOURS.title)];
  for (const [name, excerpt] of Object.entries(cases)) {
    const page = await app.newPage();
    const paths = recordRequests(page, app.url);
    await serveWithExcerpt(page, PARCOURS.id, excerpt);
    await page.goto(`${app.url}formation/${PARCOURS.id}/`);
    await waitForApp(page);
    await page.waitForLoadState('networkidle');
    assert.equal(fetchedCatalogue(paths).length, 1, `${name}: the catalogue was fetched`);
    assert.deepEqual((await shown(page, '#campus-app')).title, expected, name);
    assert.equal(await page.locator('#campus-app .fr-alert--error').count(), 0, name);
    assertNoProblems(page);
    await page.close();
  }
});

test('a deployment with another catalogue, or an address that narrows the sessions, is shown from the whole catalogue', async () => {
  // Another catalogue configured: the excerpt of the bundled one is not used.
  const other = catalogue([course(PARCOURS.id, { title: 'Le même identifiant, un autre catalogue' })]);
  const page = await app.newPage();
  const paths = recordRequests(page, app.url);
  await serveOtherCatalogue(page, 'donnees/autre.json', other);
  await page.goto(`${app.url}formation/${PARCOURS.id}/`);
  await waitForApp(page);
  assert.equal((await page.textContent('#campus-app main h1')).trim(), 'Le même identifiant, un autre catalogue');
  assert.ok(paths.includes('donnees/autre.json'));
  assertNoProblems(page);
  await page.close();

  // Sessions narrowed to a region: only the whole catalogue knows the regions.
  const withSessions = DATA.courses.find((c) => (c.sessions ?? []).some((s) => s.location?.region)
    && new Set(c.sessions.map((s) => s.location?.region)).size >= 2 && Date.parse(c.sessions.at(-1).start) > Date.now());
  const region = withSessions.sessions.find((s) => s.location?.region).location.region;
  const narrowed = await app.newPage();
  const narrowedPaths = recordRequests(narrowed, app.url);
  await narrowed.goto(`${app.url}formation/${withSessions.id}/?region=${encodeURIComponent(region)}`);
  await waitForApp(narrowed);
  await narrowed.waitForLoadState('networkidle');
  assert.equal(fetchedCatalogue(narrowedPaths).length, 1, 'the catalogue was fetched for the narrowed sessions');
  const sessions = await narrowed.locator('#campus-app .campus-session').allInnerTexts();
  assert.ok(sessions.length > 0 && sessions.every((s) => s.includes(region)), `only sessions in ${region}: ${sessions}`);
  assertNoProblems(narrowed);
});
