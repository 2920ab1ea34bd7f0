// "Ma sélection" beyond bookmarking: the count in the navigation (desktop and
// phone menu, across tabs), the share link (copy, fallback when the clipboard
// is refused, reopening it in another browser without touching the visitor's
// own selection, unknown, duplicate and hostile ids), undo after emptying or
// removing one course (keyboard only, focus kept, other tabs following),
// storage disabled, English.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessible, assertNoProblems, startApp, waitForApp, waitForPageFocus } from './support/harness.mjs';
import { launchWithStorage } from './support/browsers.mjs';
import { bundledCatalogue, catalogue, course, frenchSpacing, serveCatalogue } from './support/fixtures.mjs';

const DATA = bundledCatalogue();
const KEY = 'campus.selection';
// Titles as the app shows them (French spacing).
const [A, B, C, D] = DATA.courses.slice(0, 4).map((c) => ({ ...c, title: frenchSpacing(c.title) }));
const NAV = '#navigation-principale a[href="ma-selection/"]';
const CARD_TITLES = '.campus-results .fr-card__title a';

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

/** Waits for the app and for the catalogue to be loaded. */
async function ready(page) {
  await waitForApp(page);
  await page.waitForFunction(() => !document.querySelector('.campus-loading'));
}

/** Opens `hash` in `page` with `ids` as the stored selection (and `locale`). */
async function openWith(page, hash, ids, { locale } = {}) {
  await page.goto(app.url + 'plan-du-site/');
  await waitForApp(page);
  await page.evaluate(
    ([key, value, locale]) => {
      if (value === null) localStorage.removeItem(key);
      else localStorage.setItem(key, value);
      if (locale) localStorage.setItem('campus.locale', locale);
    },
    [KEY, ids === null ? null : JSON.stringify(ids), locale],
  );
  await page.goto(app.url + hash);
  await page.reload();
  await ready(page);
  return page;
}

const stored = (page) => page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null'), KEY);
const titles = (page) => page.$$eval(CARD_TITLES, (as) => as.map((a) => a.textContent.trim()));
const activeId = (page) => page.evaluate(() => document.activeElement?.id ?? '');
const activeText = (page) => page.evaluate(() => document.activeElement?.textContent.trim() ?? '');
const badge = (page) => page.locator(`${NAV} .campus-nav-count`);
/** What Chromium logs when a permissions policy blocks the Clipboard API. */
const CLIPBOARD_BLOCKED = /Permissions policy violation: The Clipboard API has been blocked/;
const shareQuery = (ids) => `ma-selection/?ids=${ids.map(encodeURIComponent).join(',')}`;

/**
 * Makes the browser refuse the Clipboard API to `page`: its document is served
 * with `Permissions-Policy: clipboard-write=()`, as a server or a host page can
 * decide (a context without a clipboard grant is not enough: headless Chromium
 * then allows or refuses writeText depending on focus).
 */
async function denyClipboard(page) {
  await page.route('**/*', async (route) => {
    // Every document of the site (each page is a file of its own).
    if (route.request().resourceType() !== 'document') return route.fallback();
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'permissions-policy': 'clipboard-write=()' } });
  });
}

/** Presses Tab until the focused element matches `predicate` (at most `max` times). */
async function tabTo(page, predicate, arg, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(predicate, arg)) return;
  }
  assert.fail(`Tab never reached the element (${predicate})`);
}

describe('the count in the navigation', () => {
  test('shows how many courses are bookmarked, reads naturally, and follows another tab', async () => {
    const page = await openWith(await app.newPage(), 'catalogue/?tri=titre', null);
    // Empty: no badge, the link reads "Ma sélection".
    assert.equal(await badge(page).count(), 0);
    assert.equal(await page.getByRole('link', { name: 'Ma sélection', exact: true }).count(), 1);
    const buttons = page.locator('.campus-results .fr-card button[aria-pressed]');
    await buttons.nth(0).click();
    await buttons.nth(1).click();
    assert.equal((await badge(page).textContent()).trim(), '2');
    assert.equal(await badge(page).getAttribute('aria-hidden'), 'true');
    assert.equal(await page.getByRole('link', { name: 'Ma sélection, 2 formations', exact: true }).count(), 1);
    await assertAccessible(page, 'navigation with a count');

    // Another tab shows the same count and follows this one, and the other way round.
    const other = await app.newTab(page);
    await other.goto(app.url + 'ma-selection/');
    await ready(other);
    assert.equal((await badge(other).textContent()).trim(), '2');
    await buttons.nth(2).click();
    await other.waitForFunction((sel) => document.querySelector(sel)?.textContent.trim() === '3', `${NAV} .campus-nav-count`);
    assert.equal((await titles(other)).length, 3);
    await other.locator('.campus-results .fr-card button[aria-pressed="true"]').first().click();
    await page.waitForFunction((sel) => document.querySelector(sel)?.textContent.trim() === '2', `${NAV} .campus-nav-count`);
    await other.click('#selection-vider');
    await page.waitForSelector(`${NAV} .campus-nav-count`, { state: 'detached' });
    assert.equal(await page.getByRole('link', { name: 'Ma sélection', exact: true }).count(), 1);
    assertNoProblems(page);
    assertNoProblems(other);
  });

  test('on a 390 px phone the count is visible in the menu', async () => {
    const page = await app.newPage({ viewport: { width: 390, height: 844 } });
    await openWith(page, '', [A.id, B.id, C.id]);
    assert.equal(await page.isVisible(NAV), false, 'the navigation is folded');
    await page.click('.fr-header__navbar .fr-btn--menu');
    await page.waitForSelector(NAV, { state: 'visible' });
    assert.ok(await badge(page).isVisible());
    assert.equal((await badge(page).textContent()).trim(), '3');
    const link = await page.locator(NAV).boundingBox();
    const count = await badge(page).boundingBox();
    assert.ok(count.x + count.width <= 390 && count.x >= link.x, `badge inside the screen: ${JSON.stringify(count)}`);
    assert.ok(count.x - link.x < 250, `badge next to the words, not pushed to the edge: ${count.x - link.x}px`);
    assert.equal(await page.getByRole('link', { name: 'Ma sélection, 3 formations', exact: true }).count(), 1);
    await assertAccessible(page, 'phone menu with a count');
    await page.click(NAV);
    await page.waitForFunction(() => campusRoute === 'ma-selection/');
    await page.waitForSelector(NAV, { state: 'hidden' });
    // The page's code may still be on its way: wait for the page itself.
    await waitForPageFocus(page, 'Ma sélection');
    // And the catalogue, which the home page did not need.
    await page.waitForSelector(CARD_TITLES);
    assert.deepEqual(await titles(page), [A.title, B.title, C.title]);
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 390, 'no horizontal scroll');
    await assertAccessible(page, 'selection on a phone');
    assertNoProblems(page);
  });
});

describe('the share link', () => {
  test('is copied, and reopens the same selection elsewhere without touching the own one', async () => {
    const context = await app.browser.newContext({ bypassCSP: true, permissions: ['clipboard-read', 'clipboard-write'], serviceWorkers: 'block' });
    try {
      const page = await app.newPage({ context });
      await openWith(page, 'ma-selection/', [C.id, A.id, B.id]);
      await page.click('#selection-copier');
      await page.waitForSelector('text=Le lien de votre sélection a été copié');
      assert.equal(await page.locator('#selection-lien').count(), 0, 'no fallback field when copied');
      const link = await page.evaluate(() => navigator.clipboard.readText());
      assert.equal(link, app.url + shareQuery([C.id, A.id, B.id]));
      await assertAccessible(page, 'link copied');

      // Another visitor (another browser profile) with a selection of their own.
      const visitor = await app.newPage();
      await openWith(visitor, '', [D.id]);
      await visitor.goto(link);
      await ready(visitor);
      assert.equal((await visitor.textContent('main h1')).trim(), 'Sélection partagée\u00a0: 3 formations');
      assert.equal(await visitor.title(), 'Sélection partagée - Campus du numérique public');
      assert.deepEqual(await titles(visitor), [C.title, A.title, B.title]);
      assert.deepEqual(await stored(visitor), [D.id], 'opening a link does not change the own selection');
      assert.equal((await badge(visitor).textContent()).trim(), '1');
      assert.equal(await visitor.locator('#selection-lien-incomplet').count(), 0);
      await assertAccessible(visitor, 'shared selection');

      // Add them: after the own ones, in link order; undo puts it back.
      await visitor.click('#selection-ajouter');
      await visitor.waitForSelector('#selection-annonce >> text=3 formations ajoutées à votre sélection.');
      assert.deepEqual(await stored(visitor), [D.id, C.id, A.id, B.id]);
      assert.equal((await badge(visitor).textContent()).trim(), '4');
      await assertAccessible(visitor, 'shared selection added');
      await visitor.click('#selection-annuler');
      await visitor.waitForSelector('#selection-annonce >> text=Votre sélection a été rétablie.');
      assert.deepEqual(await stored(visitor), [D.id]);
      await visitor.waitForFunction(() => document.activeElement?.id === 'selection-ajouter');

      // Replace: only the link's courses; pressing it again changes nothing and says so.
      await visitor.click('button:has-text("Remplacer ma sélection par celles-ci")');
      await visitor.waitForSelector('#selection-annonce >> text=Votre sélection a été remplacée par les 3 formations de ce lien.');
      assert.deepEqual(await stored(visitor), [C.id, A.id, B.id]);
      await visitor.click('button:has-text("Remplacer ma sélection par celles-ci")');
      await visitor.waitForSelector('#selection-annonce >> text=Votre sélection contient déjà exactement ces formations.');
      await visitor.click('#selection-ajouter');
      await visitor.waitForSelector('#selection-annonce >> text=Ces formations sont déjà toutes dans votre sélection.');

      // "Voir ma sélection" leaves the shared view; focus goes to the heading.
      await visitor.click('a:has-text("Voir ma sélection (3 formations)")');
      await visitor.waitForFunction(() => campusRoute === 'ma-selection/');
      await waitForPageFocus(visitor, 'Ma sélection');
      assert.deepEqual(await titles(visitor), [C.title, A.title, B.title]);
      assertNoProblems(page);
      assertNoProblems(visitor);
    } finally {
      await context.close();
    }
  });

  test('when the clipboard is refused, the link is shown selected in a read-only field and round-trips any id', async () => {
    // Ids with a comma, a slash, accents and URL delimiters.
    const odd = [course('id,avec virgule', { title: 'Virgule' }), course('é/#?&=+%', { title: 'Délimiteurs' }), course('simple', { title: 'Simple' })];
    const doc = catalogue(odd);
    const page = await app.newPage({ allowConsole: [CLIPBOARD_BLOCKED] });
    await denyClipboard(page);
    await serveCatalogue(page, doc);
    await openWith(page, 'ma-selection/', ['simple', 'é/#?&=+%', 'id,avec virgule']);
    await page.click('#selection-copier');
    await page.waitForSelector('#selection-lien');
    assert.match(await page.textContent('.campus-selection-share [role="status"]'), /n'a pas permis la copie automatique/);
    assert.equal(await activeId(page), 'selection-lien');
    assert.equal(await page.getAttribute('#selection-lien', 'readonly'), '');
    const link = await page.inputValue('#selection-lien');
    const selected = await page.evaluate(() => {
      const input = document.activeElement;
      return input.value.slice(input.selectionStart, input.selectionEnd);
    });
    assert.equal(selected, link, 'the whole link is selected');
    assert.ok(link.endsWith('ma-selection/?ids=simple,%C3%A9%2F%23%3F%26%3D%2B%25,id%2Cavec%20virgule'), link);
    await assertAccessible(page, 'copy refused: the link to copy by hand');

    // The field follows the selection.
    await page.locator('.campus-results .fr-card button[aria-pressed="true"]').first().click();
    assert.ok((await page.inputValue('#selection-lien')).endsWith('?ids=%C3%A9%2F%23%3F%26%3D%2B%25,id%2Cavec%20virgule'));

    const visitor = await app.newPage();
    await serveCatalogue(visitor, doc);
    await visitor.goto(link);
    await ready(visitor);
    assert.deepEqual(await titles(visitor), ['Simple', 'Délimiteurs', 'Virgule']);
    assert.equal(await stored(visitor), null);
    assertNoProblems(page);
    assertNoProblems(visitor);
  });

  test('with no Clipboard API at all the same fallback shows', async () => {
    const page = await app.newPage();
    await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }));
    await openWith(page, 'ma-selection/', [A.id]);
    await page.click('#selection-copier');
    await page.waitForSelector('#selection-lien');
    assert.ok((await page.inputValue('#selection-lien')).endsWith(shareQuery([A.id])));
    assertNoProblems(page);
  });

  test('unknown, duplicate, empty, unreadable and invisible ids are reported or dropped, never fatal', async () => {
    const page = await app.newPage();
    const nfd = 'e\u0301';
    const query =
      `ma-selection/?ids=${A.id},${A.id},,%ZZ,inconnu-1,${encodeURIComponent('inconnu 2')},` +
      `${B.id}%E2%80%8B,%E2%80%8B,${encodeURIComponent(nfd)},${encodeURIComponent(A.id)}&autre=1&ids=${C.id}`;
    await openWith(page, query, null);
    assert.equal((await page.textContent('main h1')).trim(), 'Sélection partagée\u00a0: 3 formations');
    assert.deepEqual(await titles(page), [A.title, B.title, C.title]);
    const warning = await page.textContent('#selection-lien-incomplet');
    assert.match(warning, /3 formations de ce lien n'existent plus dans le catalogue\./);
    assert.match(warning, /1 élément illisible de ce lien a été ignoré\./);
    assert.equal(await stored(page), null, 'nothing stored by opening a link');
    assert.equal(await badge(page).count(), 0);
    await assertAccessible(page, 'shared link with unknown ids');

    // Only unknown ids: said so, with ways out, no action on the own selection.
    await page.goto(app.url + 'ma-selection/?ids=inconnu');
    await ready(page);
    assert.equal((await page.textContent('main h1')).trim(), 'Sélection partagée\u00a0: 0 formation');
    assert.match(await page.textContent('main'), /1 formation de ce lien n'existe plus dans le catalogue\./);
    assert.match(await page.textContent('main'), /Ce lien ne contient aucune formation du catalogue\./);
    assert.equal(await page.locator('#selection-ajouter').count(), 0);
    await assertAccessible(page, 'shared link with only unknown ids');
    assertNoProblems(page);
  });

  test('adding a link to an almost full selection says how many did not fit; to a full one, why nothing was added', async () => {
    const page = await app.newPage();
    const own = Array.from({ length: 450 }, (_, i) => `ancienne-${i}`);
    const link = DATA.courses.map((c) => c.id);
    assert.ok(link.length > 50, 'more courses in the link than room left');
    await openWith(page, shareQuery(link), own);
    await page.click('#selection-ajouter');
    await page.waitForSelector('#selection-annonce >> text=/50 formations ajoutées à votre sélection/');
    const notice = await page.textContent('#selection-annonce');
    assert.match(notice, new RegExp(`${link.length - 50} formations n'y tiennent pas \\(une sélection compte 500\u00a0formations au plus\\)`));
    assert.equal((await stored(page)).length, 500);
    await assertAccessible(page, 'shared link partly added');

    // Full: nothing added, and the notice says why (not "already all there").
    await openWith(page, shareQuery(link.slice(60)), [...own, ...link.slice(0, 50)]);
    await page.click('#selection-ajouter');
    await page.waitForSelector('text=Votre sélection est pleine (500\u00a0formations au plus)');
    assert.equal(await page.locator('text=Ces formations sont déjà toutes dans votre sélection.').count(), 0);
    assertNoProblems(page);
  });

  test('at 500 bookmarks a bookmark button says the selection is full instead of doing nothing', async () => {
    const page = await app.newPage();
    const own = Array.from({ length: 500 }, (_, i) => `ancienne-${i}`);
    await openWith(page, 'catalogue/', own);
    const button = page.locator('#campus-app [data-favori]').first();
    await button.waitFor();
    assert.match(await button.textContent(), /Sélection pleine \(500\u00a0au plus\)/);
    assert.equal(await button.getAttribute('aria-disabled'), 'true');
    // (Playwright waits for an aria-disabled button to be enabled: a person clicks anyway.)
    await button.click({ force: true });
    assert.equal((await stored(page)).length, 500, 'nothing added');
    await assertAccessible(page, 'selection full');
    // One removed elsewhere (another tab): the buttons offer to add again.
    await page.evaluate(([key, ids]) => {
      localStorage.setItem(key, JSON.stringify(ids));
      window.dispatchEvent(new StorageEvent('storage', { key, newValue: JSON.stringify(ids), storageArea: localStorage }));
    }, [KEY, own.slice(1)]);
    await page.waitForFunction(() => document.querySelector('#campus-app [data-favori]')?.textContent.includes('Ajouter à ma sélection'));
    assert.equal(await button.getAttribute('aria-disabled'), null);
    assertNoProblems(page);
  });

  test('a huge link (10,000 ids, 100 KB) is read up to the limit, quickly', async () => {
    const page = await app.newPage();
    const ids = [A.id, B.id, C.id, ...Array.from({ length: 9_997 }, (_, i) => `inconnu-${i}`)];
    // So long a list travels in the fragment, as the app writes it (no
    // server takes a 100 KB request line).
    const query = `ma-selection/#ids=${ids.join(',')}`;
    assert.ok(query.length > 100_000, `${query.length} characters`);
    await openWith(page, '', null);
    const started = Date.now();
    await page.goto(app.url + query);
    await ready(page);
    await page.waitForSelector('#selection-lien-incomplet');
    const elapsed = Date.now() - started;
    assert.equal((await page.textContent('main h1')).trim(), 'Sélection partagée\u00a0: 3 formations');
    const warning = await page.textContent('#selection-lien-incomplet');
    assert.match(warning, /497 formations de ce lien n'existent plus/);
    assert.match(warning, /plus de 500\u00a0formations\u00a0: seules les 500\u00a0premières sont prises en compte/);
    assert.ok(elapsed < 5_000, `shown in ${elapsed} ms`);

    // One 100 KB segment: unreadable as an id, not decoded.
    await page.goto(app.url + `ma-selection/#ids=${'%41'.repeat(34_000)}`);
    await ready(page);
    assert.match(await page.textContent('#selection-lien-incomplet'), /1 élément illisible/);
    await assertAccessible(page, 'huge shared link');
    assertNoProblems(page);
  });
});

describe('undo', () => {
  test('after emptying and after removing one course, keyboard only, focus kept', async () => {
    const page = await openWith(await app.newPage(), 'ma-selection/', [A.id, B.id, C.id]);
    await tabTo(page, () => document.activeElement?.id === 'selection-vider');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#selection-annonce >> text=Votre sélection a été vidée\u00a0: 3 formations retirées.');
    assert.equal(await page.getAttribute('#selection-annonce', 'role'), 'status');
    await page.waitForFunction(() => document.activeElement?.id === 'selection-annuler');
    assert.deepEqual(await stored(page), []);
    assert.equal(await badge(page).count(), 0);
    assert.match(await page.textContent('main'), /Votre sélection est vide/);
    await assertAccessible(page, 'emptied, with undo');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#selection-annonce >> text=Votre sélection a été rétablie.');
    assert.deepEqual(await stored(page), [A.id, B.id, C.id], 'restored in its order');
    assert.deepEqual(await titles(page), [A.title, B.title, C.title]);
    await page.waitForFunction((t) => document.activeElement?.textContent.trim() === t, A.title);
    assert.equal(await page.locator('#selection-annuler').count(), 0);
    await assertAccessible(page, 'restored');

    // One course: its "Retirer" button goes with its card; focus goes to "Annuler".
    await tabTo(page, (t) => document.activeElement?.getAttribute('title') === `Retirer de ma sélection\u00a0: ${t}`, B.title);
    await page.keyboard.press('Enter');
    await page.waitForSelector(`#selection-annonce >> text=«\u00a0${B.title}\u00a0» a été retirée de votre sélection.`);
    await page.waitForFunction(() => document.activeElement?.id === 'selection-annuler');
    assert.deepEqual(await stored(page), [A.id, C.id]);
    assert.deepEqual(await titles(page), [A.title, C.title]);
    await assertAccessible(page, 'one removed, with undo');
    await page.keyboard.press('Enter');
    await page.waitForFunction((t) => document.activeElement?.textContent.trim() === t, B.title);
    assert.deepEqual(await stored(page), [A.id, B.id, C.id], 'back in its place');
    assert.equal(await activeText(page), B.title);
    assertNoProblems(page);
  });

  test('another tab follows the emptying and the undo, and what it added meanwhile is kept', async () => {
    const page = await openWith(await app.newPage(), 'ma-selection/', [A.id, B.id]);
    const other = await app.newTab(page);
    await other.goto(app.url + '');
    await ready(other);
    await page.click('#selection-vider');
    await other.waitForSelector(`${NAV} .campus-nav-count`, { state: 'detached' });
    // Meanwhile the other tab bookmarks a course.
    await other.goto(app.url + `formation/${encodeURIComponent(D.id)}/`);
    await ready(other);
    await other.click(`button[title="Ajouter à ma sélection\u00a0: ${D.title.replace(/"/g, '\\"')}"]`);
    await page.waitForFunction((sel) => document.querySelector(sel)?.textContent.trim() === '1', `${NAV} .campus-nav-count`);
    await page.click('#selection-annuler');
    await page.waitForSelector('#selection-annonce >> text=Votre sélection a été rétablie.');
    assert.deepEqual(await stored(page), [A.id, B.id, D.id]);
    assert.deepEqual(await titles(page), [A.title, B.title, D.title]);
    await other.waitForFunction((sel) => document.querySelector(sel)?.textContent.trim() === '3', `${NAV} .campus-nav-count`);
    assertNoProblems(page);
    assertNoProblems(other);
  });
});

describe('storage and language', () => {
  test('storage disabled: the selection works in memory and says it cannot be kept', async () => {
    const browser = await launchWithStorage({ mode: 'disabled', bypassCSP: true });
    try {
      const page = await browser.newPage();
      const problems = [];
      page.on('pageerror', (e) => problems.push(e.message));
      page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
      await page.goto(app.url + 'catalogue/?tri=titre');
      await ready(page);
      const buttons = page.locator('.campus-results .fr-card button[aria-pressed]');
      await buttons.nth(0).click();
      await buttons.nth(1).click();
      assert.equal((await badge(page).textContent()).trim(), '2');
      await page.click(NAV);
      await page.waitForSelector('#selection-non-conservee');
      assert.match(await page.textContent('#selection-non-conservee'), /ne peut pas être conservée dans ce navigateur/);
      assert.match(await page.textContent('#selection-non-conservee'), /sera perdue si vous fermez ou rechargez la page/);
      assert.match(await page.textContent('main .fr-text--lead'), /pendant cette visite/);
      assert.equal((await titles(page)).length, 2);
      await assertAccessible(page, 'selection with storage disabled');
      await page.click('#selection-vider');
      await page.click('#selection-annuler');
      await page.waitForSelector('#selection-annonce >> text=Votre sélection a été rétablie.');
      assert.equal((await titles(page)).length, 2);
      assert.deepEqual(problems, []);
    } finally {
      await browser.close();
    }
  });

  test('in English', async () => {
    const page = await app.newPage({ allowConsole: [CLIPBOARD_BLOCKED] });
    await denyClipboard(page);
    await openWith(page, 'ma-selection/', [A.id, B.id], { locale: 'en' });
    assert.equal((await page.textContent('main h1')).trim(), 'My selection');
    assert.equal(await page.getByRole('link', { name: 'My selection, 2 trainings', exact: true }).count(), 1);
    await page.click('#selection-copier');
    await page.waitForSelector('#selection-lien');
    assert.match(await page.textContent('.campus-selection-share'), /did not allow copying automatically/);
    await page.click('#selection-vider');
    await page.waitForSelector('#selection-annonce >> text=Your selection was emptied: 2 trainings removed.');
    assert.equal((await page.textContent('#selection-annuler')).trim(), 'Undo');
    await assertAccessible(page, 'emptied (en)');
    await page.goto(app.url + `ma-selection/?ids=${A.id},inconnu,%ZZ`);
    await ready(page);
    assert.equal((await page.textContent('main h1')).trim(), 'Shared selection: 1 training');
    const warning = await page.textContent('#selection-lien-incomplet');
    assert.match(warning, /1 training in this link is no longer in the catalogue\./);
    assert.match(warning, /1 unreadable item in this link was ignored\./);
    await page.click('#selection-ajouter');
    await page.waitForSelector('#selection-annonce >> text=1 training added to your selection.');
    await assertAccessible(page, 'shared selection (en)');
    assertNoProblems(page);
  });
});
