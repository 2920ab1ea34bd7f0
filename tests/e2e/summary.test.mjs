// The home page starts from the catalogue's summary that its file carries
// (src/core/catalogue/summary.rs): neither the catalogue nor the code that reads it
// is downloaded until a page needs them, and the summary gives way to the
// catalogue whenever it cannot tell the truth (sessions all passed, another
// catalogue configured, a summary that is not one).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertAccessible, assertNoProblems, DIST, recordRequests, startApp, waitForApp } from './support/harness.mjs';
import { bundledCatalogue, catalogue, course, frenchSpacing, serveOtherCatalogue } from './support/fixtures.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

const HOME = readFileSync(join(DIST, 'index.html'), 'utf8');
const SUMMARY_ELEMENT = /<script type="application\/json" id="campus-summary">([\s\S]*?)<\/script>/;
/** The summary the build wrote into the home page. */
const builtSummary = () => JSON.parse(HOME.match(SUMMARY_ELEMENT)[1]);

const fetchedCatalogue = (paths) => paths.filter((p) => p.startsWith('catalogue.json'));
const fetchedReader = (paths) => paths.filter((p) => /^split_catalogue_data-[0-9a-f]+\.wasm$/.test(p));

/** Serves the home page's file with `summary` (a string) in place of its own. */
async function serveHomeWithSummary(page, summary) {
  await page.route((url) => url.pathname === new URL(app.url).pathname, (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: HOME.replace(SUMMARY_ELEMENT, () => `<script type="application/json" id="campus-summary">${summary}</script>`),
    }));
}

const liveUpcoming = (page) =>
  page.locator('#campus-app .campus-upcoming a').allInnerTexts();

/** The first five session titles from `now` (ms) on, as the home page lists them. */
function upcomingTitles(data, now) {
  const sessions = data.courses.flatMap((c) =>
    (c.sessions ?? []).map((s) => ({ t: Date.parse(s.start), id: c.id, title: c.title })));
  return sessions
    .filter((s) => s.t >= Math.floor(now / 1000) * 1000)
    .sort((a, b) => a.t - b.t || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, 5)
    .map((s) => frenchSpacing(s.title));
}

test('the home page takes over from its summary: no catalogue, no code to read one, until a page needs it', async () => {
  const page = await app.newPage();
  const paths = recordRequests(page, app.url);
  await page.goto(app.url);
  await waitForApp(page);
  await page.waitForLoadState('networkidle');
  const summary = builtSummary();
  assert.equal(summary.version, 1);
  assert.equal(summary.source, 'catalogue.json');
  assert.deepEqual(fetchedCatalogue(paths), [], 'the home page does not download the catalogue');
  assert.deepEqual(fetchedReader(paths), [], 'nor the code that reads it');
  // What the live page shows is today's truth, from the summary.
  assert.deepEqual(await liveUpcoming(page), upcomingTitles(bundledCatalogue(), Date.now()));
  const tiles = await page.locator('#campus-app .campus-domains .fr-tile__title').allInnerTexts();
  assert.deepEqual(tiles, bundledCatalogue().domains.map((d) => d.label));
  await assertAccessible(page, 'home from its summary');
  // The catalogue comes with the first page that shows it.
  await page.locator('#campus-app').getByRole('link', { name: 'Explorer le catalogue' }).click();
  await page.waitForSelector('#campus-app .fr-card');
  assert.equal(fetchedCatalogue(paths).length, 1, 'the catalogue page fetched the catalogue once');
  assert.equal(fetchedReader(paths).length, 1, 'and the code that reads it');
  // Back home, the page is as before.
  await page.goBack();
  await page.waitForSelector('#campus-app .campus-upcoming');
  assert.deepEqual(await liveUpcoming(page), upcomingTitles(bundledCatalogue(), Date.now()));
  assertNoProblems(page);
});

test('a summary whose sessions have nearly all started gives way to the catalogue', async () => {
  const summary = builtSummary();
  assert.equal(summary.complete, false, 'the bundled catalogue has more sessions than a summary holds');
  // A day on which only two of the sessions it holds are still ahead.
  const day = Date.parse(summary.sessions.at(-2).start);
  const page = await app.newPage();
  await page.clock.setFixedTime(new Date(day));
  const paths = recordRequests(page, app.url);
  await page.goto(app.url);
  await waitForApp(page);
  await page.waitForSelector('#campus-app .campus-upcoming a');
  assert.equal(fetchedCatalogue(paths).length, 1, 'the catalogue was fetched');
  const expected = upcomingTitles(bundledCatalogue(), day);
  assert.equal(expected.length, 5);
  assert.deepEqual(await liveUpcoming(page), expected, 'the next five sessions of that day, from the catalogue');
  assertNoProblems(page);
});

test('a deployment whose config.json names another catalogue shows that one on the home page', async () => {
  const other = catalogue([
    course('autre-a', { title: 'Formation de l’autre catalogue', domains: ['cybersecurite'] }),
  ]);
  const page = await app.newPage();
  const paths = recordRequests(page, app.url);
  await serveOtherCatalogue(page, 'donnees/autre.json', other);
  await page.goto(app.url);
  await waitForApp(page);
  await page.waitForSelector('#campus-app .campus-upcoming a');
  assert.deepEqual(await liveUpcoming(page), ['Formation de l’autre catalogue']);
  const tiles = await page.locator('#campus-app .campus-domains .fr-tile__detail').allInnerTexts();
  assert.deepEqual(tiles, ['0 formation', '1 formation']);
  assert.deepEqual(fetchedCatalogue(paths), [], 'the bundled catalogue is not downloaded');
  assert.ok(paths.includes('donnees/autre.json'));
  assertNoProblems(page);
});

test('a summary that is not one, or another version, is not read: the catalogue is', async () => {
  for (const bad of ['', 'pas du JSON', '{"version":1}', JSON.stringify({ ...builtSummary(), version: 99 }),
    JSON.stringify({ ...builtSummary(), sessions: 'beaucoup' }), '[]']) {
    const page = await app.newPage();
    const paths = recordRequests(page, app.url);
    await serveHomeWithSummary(page, bad);
    await page.goto(app.url);
    await waitForApp(page);
    await page.waitForSelector('#campus-app .campus-upcoming a');
    assert.equal(fetchedCatalogue(paths).length, 1, `${bad.slice(0, 40)}: the catalogue was fetched`);
    assert.deepEqual(await liveUpcoming(page), upcomingTitles(bundledCatalogue(), Date.now()));
    assertNoProblems(page);
    await page.close();
  }
});

test('the summary\'s text is shown as text, whatever it holds', async () => {
  const summary = builtSummary();
  const hostile = '<img src=x onerror="window.pwned=1"> A\u0301telier\u200b « IA » </script>';
  summary.sessions[0].title = hostile;
  summary.sessions.forEach((s) => { s.start = summary.sessions[0].start; });
  summary.domains[0].label = '<b>gras</b>';
  summary.figures[0].value = 'x'.repeat(5000);
  const page = await app.newPage();
  await serveHomeWithSummary(page, JSON.stringify(summary).replace(/</g, '\\u003c'));
  await page.clock.setFixedTime(new Date(Date.parse(summary.sessions[0].start) - 1000));
  await page.goto(app.url);
  await waitForApp(page);
  await page.waitForSelector('#campus-app .campus-upcoming a');
  assert.equal((await liveUpcoming(page))[0], frenchSpacing(hostile).trim());
  assert.equal(await page.locator('#campus-app .campus-domains .fr-tile__title').first().innerText(), '<b>gras</b>');
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.equal(await page.locator('#campus-app img[src="x"], #campus-app main b').count(), 0);
  assertNoProblems(page);
});

test('the code that reads the catalogue does not arrive: the page says so, and retrying brings it', async () => {
  const page = await app.newPage({ allowConsole: [/Failed to load resource/, /split|chunk|wasm/i] });
  let block = true;
  // Its file, and the landing pack that holds it too.
  await page.route(/(split_catalogue_data|pack_[a-z]+_data)-[0-9a-f]+\.wasm$/, (route) => (block ? route.abort('internetdisconnected') : route.continue()));
  await page.goto(`${app.url}catalogue/`);
  const alert = page.locator('#campus-app .fr-alert--error');
  await alert.waitFor({ timeout: 15000 });
  assert.match(await alert.innerText(), /catalogue/i);
  await assertAccessible(page, 'catalogue reader missing');
  block = false;
  await alert.getByRole('button', { name: 'Réessayer' }).click();
  await page.waitForSelector('#campus-app .fr-card', { timeout: 15000 });
  assert.equal(await page.locator('#campus-app .fr-alert--error').count(), 0);
});
