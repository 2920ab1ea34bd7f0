// The addresses people share (issue 23): after each kind of use — a search and a
// domain filter, a course opened from a card, a form step, a shared selection —
// the address bar shows a real path; that address, opened in a fresh browser
// (another profile) on a 390 px phone with a 4x slower CPU, under the sub-path,
// gives the same page and state, with a layout-shift sum of at most 0.05. Every
// old `#/…` form lands on its path before the page is drawn.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { bundledCatalogue } from './support/fixtures.mjs';
import { fillYou } from './support/applicant.mjs';
import { assertAccessible, assertNoProblems, startApp, waitForApp, withCampusRoute } from './support/harness.mjs';

const DATA = bundledCatalogue();
const PHONE = { width: 390, height: 844 };
/** The most layout shift a visitor may see from the first byte to the settled page. */
const MAX_CLS = 0.05;

let app;
before(async () => {
  app = await startApp();
});
after(() => app?.close());

/**
 * Opens `url` as someone who received it: a new browser profile (no storage),
 * a phone's viewport and a 4x slower CPU. Returns the page once the app shows
 * it and has settled, with `cls`, the sum of the layout shifts it recorded.
 */
async function openFresh(url) {
  const context = await withCampusRoute(
    await app.browser.newContext({ viewport: PHONE, locale: 'fr-FR', bypassCSP: true, isMobile: true, hasTouch: true, serviceWorkers: 'block' }),
  );
  await context.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (!e.hadRecentInput) {
          window.__shifts.push({
            value: e.value,
            nodes: e.sources.map((s) => (s.node ? `${s.node.nodeName}#${s.node.id}.${s.node.className}` : '?')).slice(0, 3),
          });
        }
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  const page = await app.newPage({ context });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(url);
  await waitForApp(page);
  // Whatever arrives after the take-over (counts, the next frame's layout).
  await page.waitForTimeout(1500);
  const shifts = await page.evaluate(() => window.__shifts);
  page.cls = shifts.reduce((sum, s) => sum + s.value, 0);
  page.shifts = shifts;
  return page;
}

function assertNoJump(page, label) {
  console.log(`# layout shift ${page.cls.toFixed(4)} (${page.shifts.length} shifts): ${label}`);
  assert.ok(page.cls <= MAX_CLS, `${label}: layout shift ${page.cls.toFixed(3)} > ${MAX_CLS}: ${JSON.stringify(page.shifts)}`);
}

/** What a visitor sees of the catalogue's state. */
const catalogueState = (page) =>
  page.evaluate(() => ({
    q: document.querySelector('#campus-app input[type="search"]')?.value,
    checked: [...document.querySelectorAll('#campus-app input[type="checkbox"]:checked')].map((b) => b.id).sort(),
    heading: document.querySelector('#campus-app #resultats')?.textContent.trim(),
    titles: [...document.querySelectorAll('#campus-app .campus-results .fr-card__title a')].map((a) => a.textContent.trim()),
  }));

describe('an address taken from the address bar after use', () => {
  test('a search and a domain filter', async () => {
    const page = await app.newPage();
    await page.goto(app.url + 'catalogue/');
    await waitForApp(page);
    await page.fill('#recherche-texte', 'cyber');
    await page.waitForFunction(() => campusRoute.includes('q=cyber'));
    const domain = DATA.domains.find((d) => d.id === 'cybersecurite') ?? DATA.domains[0];
    await page.click('#filtre-domaine-bouton');
    await page.click(`label[for="filtre-domaine-${domain.id}"]`);
    await page.waitForFunction((id) => campusRoute.includes(`domaine=${id}`), domain.id);
    const address = page.url();
    assert.match(address, /\/catalogue\/\?/, `a path: ${address}`);
    assert.ok(!address.includes('#'), address);
    const before = await catalogueState(page);
    assert.equal(before.q, 'cyber');
    assert.ok(before.titles.length > 0, 'results');

    const fresh = await openFresh(address);
    assert.deepEqual(await catalogueState(fresh), before, 'same search, filters, results');
    assertNoJump(fresh, address);
    await assertAccessible(fresh, 'shared search');
    // Reload in the same browser: the same again.
    await fresh.reload();
    await waitForApp(fresh);
    assert.deepEqual(await catalogueState(fresh), before, 'reloaded');
    assertNoProblems(page);
    assertNoProblems(fresh);
  });

  test('a course opened from a card, then Back and Forward', async () => {
    const page = await app.newPage();
    await page.goto(app.url + 'catalogue/?q=donnees');
    await waitForApp(page);
    const card = page.locator('.campus-results .fr-card__title a').first();
    const title = (await card.textContent()).trim();
    await card.click();
    await page.waitForFunction(() => campusRoute.startsWith('formation/'));
    const address = page.url();
    assert.match(address, /\/formation\/[^/?#]+\/$/, address);
    await page.goBack();
    await page.waitForFunction(() => campusRoute === 'catalogue/?q=donnees');
    assert.equal(await page.inputValue('#recherche-texte'), 'donnees');
    await page.goForward();
    await page.waitForFunction(() => campusRoute.startsWith('formation/'));
    await page.waitForFunction((t) => document.querySelector('#campus-app main h1')?.textContent.trim() === t, title);

    const fresh = await openFresh(address);
    assert.equal((await fresh.textContent('#campus-app main h1')).trim(), title);
    assertNoJump(fresh, address);
    assertNoProblems(page);
    assertNoProblems(fresh);
  });

  test('a form step: the same step and draft on reload; in another browser, the start page says why', async () => {
    const page = await app.newPage();
    await page.goto(app.url + 'candidature/');
    await waitForApp(page);
    await page.click('button:has-text("Commencer ma candidature")');
    await page.waitForFunction(() => campusRoute === 'candidature/vous/');
    await fillYou(page);
    await page.click('form button[type="submit"]');
    await page.waitForFunction(() => campusRoute === 'candidature/expertise/');
    const address = page.url();
    const step = (await page.textContent('#campus-app main h1')).trim();
    // Reload: the same step, and the first step keeps its answers.
    await page.reload();
    await waitForApp(page);
    assert.equal((await page.textContent('#campus-app main h1')).trim(), step);
    await page.goto(app.url + 'candidature/vous/');
    await waitForApp(page);
    assert.equal(await page.inputValue('#f-first_name'), 'Camille');

    // The draft stays in the browser that typed it (never in an address):
    // elsewhere, the step has nothing to show, and the start page says so.
    const fresh = await openFresh(address);
    await fresh.waitForFunction(() => campusRoute === 'candidature/');
    assert.equal(await fresh.locator('#campus-app main button:has-text("Commencer ma candidature")').count(), 1);
    assertNoJump(fresh, address);
    assertNoProblems(page);
    assertNoProblems(fresh);
  });

  test('a shared selection', async () => {
    const context = await withCampusRoute(await app.browser.newContext({ bypassCSP: true, permissions: ['clipboard-read', 'clipboard-write'], serviceWorkers: 'block' }));
    const page = await app.newPage({ context });
    await page.goto(app.url + 'catalogue/');
    await waitForApp(page);
    const cards = page.locator('.campus-results .fr-card');
    const titles = [];
    for (const i of [0, 1, 2]) {
      titles.push((await cards.nth(i).locator('.fr-card__title a').textContent()).trim());
      await cards.nth(i).locator('button[aria-pressed]').click();
    }
    await page.click('#campus-app header a[href="ma-selection/"]');
    await page.waitForFunction(() => campusRoute === 'ma-selection/');
    await page.click('#selection-copier');
    await page.waitForSelector('text=Le lien de votre sélection a été copié');
    const address = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(address, /\/ma-selection\/\?ids=/, address);

    // Before the app, the page's file shows a shared selection's heading,
    // not the own selection it is the file of.
    const early = await app.newPage();
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await early.route('**/*.wasm', async (route) => { await held; await route.continue(); });
    await early.goto(address);
    await early.waitForSelector('#campus-static main h1:visible');
    assert.deepEqual(
      await early.$$eval('#campus-static main h1', (hs) => hs.filter((h) => h.checkVisibility()).map((h) => h.textContent.trim())),
      ['Sélection partagée'],
    );
    await assertAccessible(early, 'shared selection before the app');
    release();
    await early.close();

    const fresh = await openFresh(address);
    assert.equal((await fresh.textContent('#campus-app main h1')).trim(), 'Sélection partagée\u00a0: 3 formations');
    const shown = await fresh.$$eval('#campus-app main .fr-card__title a', (as) => as.map((a) => a.textContent.trim()));
    assert.deepEqual(shown.sort(), [...titles].sort());
    assertNoJump(fresh, address);
    assertNoProblems(page);
    assertNoProblems(fresh);
  });

  test('a selection of 500 courses: a link too long for a server keeps its list in the fragment', async () => {
    const ids = Array.from({ length: 500 }, (_, i) => (i < DATA.courses.length ? DATA.courses[i].id : `retiree-${i}`));
    const list = ids.join(',');
    assert.ok(list.length > 1800, `${list.length} characters`);
    const context = await withCampusRoute(await app.browser.newContext({ bypassCSP: true, permissions: ['clipboard-read', 'clipboard-write'], serviceWorkers: 'block' }));
    const page = await app.newPage({ context });
    // Its old form moves to the path with the list kept in the fragment.
    await page.goto(app.url + `#/ma-selection?ids=${list}`);
    await page.waitForURL((u) => !u.hash.startsWith('#/'));
    assert.equal(page.url(), app.url + `ma-selection/#ids=${list}`);
    await waitForApp(page);
    const heading = `Sélection partagée\u00a0: ${DATA.courses.length} formations`;
    assert.equal((await page.textContent('#campus-app main h1')).trim(), heading);
    // Added to the visitor's own selection, then shared again: the same form.
    await page.click('#selection-ajouter');
    await page.click('#campus-app header a[href="ma-selection/"]');
    await page.waitForFunction(() => campusRoute === 'ma-selection/');
    await page.click('#selection-copier');
    await page.waitForSelector('text=Le lien de votre sélection a été copié');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    assert.ok(link.startsWith(app.url + 'ma-selection/#ids='), link.slice(0, 80));
    const again = await openFresh(link);
    assert.equal((await again.textContent('#campus-app main h1')).trim(), heading);
    assertNoProblems(again);
    assertNoProblems(page);
  });
});

describe('old #/… addresses', () => {
  const course = DATA.courses.find((c) => /^[a-z0-9][a-z0-9_-]*$/.test(c.id));
  const cases = [
    ['#/', ''],
    ['#/catalogue', 'catalogue/'],
    ['#/catalogue?q=cyber&domaine=cybersecurite', 'catalogue/?q=cyber&domaine=cybersecurite'],
    [`#/formation/${course.id}`, `formation/${course.id}/`],
    [`#/formation/${encodeURIComponent('Cyber Été/2027')}`, `formation/?id=${encodeURIComponent('Cyber Été/2027')}`],
    ['#/ma-selection', 'ma-selection/'],
    [`#/ma-selection?ids=${course.id}`, `ma-selection/?ids=${course.id}`],
    ['#/candidature', 'candidature/'],
    ['#/candidature/vous', 'candidature/vous/'],
    ['#/sur-mesure', 'sur-mesure/'],
    [`#/sur-mesure?formation=${course.id}`, `sur-mesure/?formation=${course.id}`],
    ['#/devenir-formateur', 'devenir-formateur/'],
    ['#/plan-du-site', 'plan-du-site/'],
    ['#/accessibilite', 'accessibilite/'],
    // Hostile or unknown: never a path outside the site, never a script.
    ['#/../../etc/passwd', ''],
    ['#//evil.example/x', ''],
    ['#/javascript:alert(1)', ''],
  ];
  test('each lands on its path before anything is drawn', async () => {
    const page = await app.newPage({ allowConsole: [/404|Failed to load resource/] });
    for (const [old, path] of cases) {
      // The document of the old address is replaced before its first paint:
      // only the path's document reaches the address bar's history.
      // The old address's document is replaced from its first script: it
      // fetches neither the app nor its styles, only the path's document does.
      const requests = [];
      const record = (r) => requests.push(r.url());
      await page.goto('about:blank');
      page.on('request', record);
      await page.goto(app.url + old);
      await page.waitForURL((u) => !u.hash.startsWith('#/'));
      await waitForApp(page);
      page.off('request', record);
      const url = new URL(page.url());
      assert.equal(url.href.slice(app.url.length), path, `${old} -> ${page.url()}`);
      assert.equal(url.origin, new URL(app.url).origin);
      const second = requests.findIndex((u, i) => i > 0 && !/\.(css|js|wasm|woff2|json|svg|png|ico)(\?|$)/.test(u));
      assert.ok(second > 0, `${old}: ${requests.join(' ')}`);
      const before = requests.slice(1, second).filter((u) => /\.(css|js|wasm)(\?|$)/.test(u));
      assert.deepEqual(before, [], `${old}: nothing fetched before the move`);
    }
    // Pasted in the address bar while a page of the site is open (no new
    // document: a hashchange), it moves all the same.
    await page.goto(app.url + 'accessibilite/');
    await waitForApp(page);
    await page.evaluate(() => { location.hash = '#/catalogue?q=cyber'; });
    await page.waitForURL((u) => u.pathname.endsWith('/catalogue/'));
    await waitForApp(page);
    assert.equal(page.url().slice(app.url.length), 'catalogue/?q=cyber');
    assert.equal(await page.inputValue('#recherche-texte'), 'cyber');
    // A widget's "open in a new tab" of the old form keeps its query.
    await page.goto(app.url + '?embed=1#/catalogue?domaine=data');
    await page.waitForURL((u) => !u.hash.startsWith('#/'));
    assert.equal(page.url().slice(app.url.length), 'catalogue/?domaine=data&embed=1');
  });

  test('an old shared search loads like its path: the same state, no jump on a phone', async () => {
    const path = await openFresh(app.url + 'catalogue/?q=cyber&domaine=cybersecurite');
    const old = await openFresh(app.url + '#/catalogue?q=cyber&domaine=cybersecurite');
    assert.equal(old.url(), path.url());
    assert.deepEqual(await catalogueState(old), await catalogueState(path));
    assertNoJump(old, 'old search link');
    assertNoProblems(old);
  });
});
