// Ma sélection to take away: the CSV of the selected courses (hostile titles
// defused), one calendar file of their upcoming sessions (one event per
// day), print without the site's chrome, and the comparison of two to four
// courses side by side — ticked with the keyboard only, its state in the
// address (reloaded in a fresh browser, unknown ids and a fifth course
// explained), usable at 390 px, accessible, in English too.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { assertAccessible, assertNoProblems, startApp, waitForApp } from './support/harness.mjs';
import { catalogue, course } from './support/fixtures.mjs';

const KEY = 'campus.selection';

/** A session of `id` from `start` to `end` (ISO, with offset). */
const session = (id, start, end, extra = {}) => ({
  id,
  start,
  end,
  format: 'presentiel',
  location: { city: 'Lyon', region: 'Auvergne-Rhône-Alpes' },
  seats_left: 4,
  registration_url: 'https://example.gouv.fr/inscription',
  ...extra,
});

// Five courses: a hostile title with a three-day session, a one-day one, a
// full one and a past one; markup as a title; a self-paced course with no
// session; two plain ones.
const H1 = course('h1', {
  title: '=HYPERLINK("http://evil")',
  summary: 'a;b "c"',
  duration_hours: 21,
  sessions: [
    session('h1-past', '2020-01-10T09:00:00+01:00', '2020-01-10T17:00:00+01:00'),
    session('h1-three', '2030-04-01T09:00:00+02:00', '2030-04-03T17:00:00+02:00', { location: { city: 'Nantes', region: 'Pays de la Loire' } }),
    session('h1-full', '2030-05-02T09:00:00+02:00', '2030-05-02T17:00:00+02:00', { seats_left: 0 }),
    session('h1-one', '2030-06-04T09:00:00+02:00', '2030-06-04T12:00:00+02:00', { seats_left: 7 }),
    session('h1-later', '2030-09-04T09:00:00+02:00', '2030-09-04T12:00:00+02:00'),
  ],
});
const H2 = course('h2', { title: '<img src=x onerror="window.__pwned=1">Balises', price: '450 € HT', free: false, level: 'intermediaire' });
const H3 = course('h3', { title: 'À votre rythme', format: 'e-learning', sessions: [] });
const H4 = course('h4', { title: 'Quatrième' });
const H5 = course('h5', { title: 'Cinquième' });
const DOC = catalogue([H1, H2, H3, H4, H5]);
const ALL = ['h1', 'h2', 'h3', 'h4', 'h5'];
// Upcoming and not full: h1 three days + one day + later, h2, h4, h5 one each.
const SESSIONS = 6;
const EVENTS = 8;

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

/** A page in a fresh context (of `viewport`) that is served DOC. */
async function newPage({ viewport } = {}) {
  const page = await app.newPage(viewport ? { viewport } : {});
  await page.route('**/catalogue.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify(DOC) }));
  return page;
}

/** Opens `path` with `ids` bookmarked (and `locale`), the catalogue loaded. */
async function openWith(page, path, ids, { locale } = {}) {
  await page.addInitScript(([key, value, locale]) => {
    if (sessionStorage.getItem('campus.test.seeded')) return;
    sessionStorage.setItem('campus.test.seeded', '1');
    if (value !== null) localStorage.setItem(key, value);
    if (locale) localStorage.setItem('campus.locale', locale);
  }, [KEY, ids === null ? null : JSON.stringify(ids), locale]);
  await page.goto(app.url + path);
  await ready(page);
  return page;
}

async function ready(page) {
  await waitForApp(page);
  await page.waitForFunction(() => !document.querySelector('.campus-loading'));
}

/** The address of `page` under the site root (`ma-selection/?comparer=…`). */
const here = (page) => page.evaluate(() => campusRoute);
const activeId = (page) => page.evaluate(() => document.activeElement?.id ?? '');

/** Presses Tab until the focused element matches `predicate`. */
async function tabTo(page, predicate, arg, max = 120) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(predicate, arg)) return;
  }
  assert.fail(`Tab never reached the element (${predicate})`);
}

/** Tabs to the « Comparer » box of the course titled `title` and presses Space. */
async function tickWithKeyboard(page, title) {
  await tabTo(page, (t) => {
    const e = document.activeElement;
    return e?.type === 'checkbox' && e.closest('li')?.querySelector('.fr-card__title')?.textContent.trim() === t;
  }, title);
  await page.keyboard.press('Space');
}

/** The comparison as text: [corner + column headers, then each row's cells]. */
const comparisonTable = (page) =>
  page.$$eval('.campus-compare table tr', (rows) =>
    rows.map((r) => [...r.children].map((c) => c.innerText.trim().replace(/\s+/g, ' '))));

/** A course's address in the app: its folder, or the generic page when the
 * catalogue is not the one the folders were built for. */
const isCourseHref = (href, id) => href.endsWith(`formation/${id}/`) || href.endsWith(`formation/?id=${id}`);

/** `path` in a fresh browser context (nothing bookmarked, no history). */
async function reopenFresh(path) {
  const page = await newPage();
  await page.goto(app.url + path);
  await ready(page);
  return page;
}

describe('take the selection away', () => {
  test('downloads the selected courses as CSV, hostile titles defused, in selection order', async () => {
    const page = await openWith(await newPage(), 'ma-selection/', ['h2', 'h1', 'h4']);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#selection-csv')]);
    assert.equal(download.suggestedFilename(), 'ma-selection.csv');
    const bytes = await readFile(await download.path());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
    const lines = bytes.toString('utf8').slice(1).split('\r\n').filter(Boolean);
    // The catalogue's 17 columns, then one row per selected course.
    assert.match(lines[0], /^Identifiant;Type;Titre;Résumé;.*;Gratuit;Prix;Page de la formation;/);
    assert.equal(lines[0].split(';').length, 17);
    assert.deepEqual(lines.slice(1).map((l) => l.split(';')[0]), ['h2', 'h1', 'h4']);
    const h1 = lines.find((l) => l.startsWith('h1;'));
    assert.ok(h1.includes(`"'=HYPERLINK(""http://evil"")"`), h1);
    assert.ok(h1.includes(`"a;b ""c"""`), h1);
    // Its announced session: the next one with seats (not the past one).
    assert.ok(h1.includes('2030-04-01 09:00'), h1);
    assert.ok(lines.find((l) => l.startsWith('h2;')).includes(';450 € HT;'));
    assertNoProblems(page);
  });

  test('adds every upcoming session to one calendar file, says how many, and explains when there is none', async () => {
    const page = await openWith(await newPage(), 'ma-selection/', ALL);
    assert.equal(
      (await page.textContent('#selection-agenda-aide')).trim(),
      `${SESSIONS}\u00a0sessions à venir de 5 formations, en un seul fichier (sans les sessions complètes).`,
    );
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#selection-agenda')]);
    assert.equal(download.suggestedFilename(), 'ma-selection.ics');
    const ics = (await readFile(await download.path(), 'utf8')).replace(/\r\n /g, '');
    assert.ok(ics.startsWith('BEGIN:VCALENDAR\r\n') && ics.trimEnd().endsWith('END:VCALENDAR'));
    const events = ics.split('BEGIN:VEVENT').slice(1);
    assert.equal(events.length, EVENTS, 'one event per day of each upcoming open session');
    const field = (e, name) => e.match(new RegExp(`^${name}:(.*)$`, 'm'))?.[1];
    const uids = events.map((e) => field(e, 'UID'));
    assert.equal(new Set(uids).size, EVENTS, 'distinct UIDs');
    assert.ok(uids.every((u) => !u.startsWith('h1-past') && !u.startsWith('h1-full')), uids.join(' '));
    assert.deepEqual(
      events.map((e) => field(e, 'SUMMARY')).filter((s) => s.includes('jour')),
      ['=HYPERLINK("http://evil") (jour 1/3)', '=HYPERLINK("http://evil") (jour 2/3)', '=HYPERLINK("http://evil") (jour 3/3)'],
    );
    // Each event links to its course's page.
    const linked = events.map((e) => [field(e, 'SUMMARY'), field(e, 'URL')]);
    assert.ok(linked.every(([summary, url]) => isCourseHref(url, summary.includes('HYPERLINK') ? 'h1' : ['h2', 'h4', 'h5'].find((id) => isCourseHref(url, id)))), linked.join(' '));
    assert.ok(events.every((e) => field(e, 'DTSTART') >= '20300101'), 'only upcoming sessions');

    // A selection without upcoming session: the button is disabled and says why.
    const none = await openWith(await newPage(), 'ma-selection/', ['h3']);
    assert.equal(await none.isDisabled('#selection-agenda'), true);
    assert.equal(
      (await none.textContent('#selection-agenda-aide')).trim(),
      'Aucune session à venir dans votre sélection\u00a0: rien à ajouter à un agenda.',
    );
    assert.equal(await none.getAttribute('#selection-agenda', 'aria-describedby'), 'selection-agenda-aide');
    assertNoProblems(page);
    assertNoProblems(none);
  });

  test('prints the list without header, navigation, footer or buttons', async () => {
    const page = await newPage();
    await page.addInitScript(() => {
      window.__printed = 0;
      window.print = () => { window.__printed += 1; };
    });
    await openWith(page, 'ma-selection/?comparer=h1,h2', ALL);
    await page.click('#selection-imprimer');
    assert.equal(await page.evaluate(() => window.__printed), 1, 'the print dialog was asked for');
    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['header.fr-header', '.fr-footer', '#navigation-principale', '#selection-csv', '#selection-imprimer',
      '#selection-copier', '#selection-vider', '#selection-partage-aide', '.campus-compare-box', '#comparaison-aide', '#comparaison-effacer']) {
      assert.equal(await page.locator(hidden).first().isVisible(), false, `${hidden} is not printed`);
    }
    assert.equal(await page.locator('.campus-results .fr-card__title').count(), 5);
    assert.equal(await page.locator('.campus-results .fr-card__title').last().isVisible(), true, 'every card is printed');
    assert.equal(await page.locator('.campus-compare table').isVisible(), true, 'the comparison is printed');
    await page.emulateMedia({ media: 'screen' });
    assert.equal(await page.locator('#selection-imprimer').isVisible(), true);
    assertNoProblems(page);
  });
});

describe('compare two to four courses', () => {
  test('ticked with the keyboard only: focus on the comparison, a fifth explained, every address reloads the same', async () => {
    const page = await openWith(await newPage(), 'ma-selection/', ALL);
    assert.equal(await page.locator('.campus-compare').count(), 0);
    await tickWithKeyboard(page, H1.title);
    assert.equal(await here(page), 'ma-selection/?comparer=h1');
    assert.equal((await page.textContent('#comparaison-aide')).trim(), 'Cochez au moins une autre formation pour comparer.');
    assert.equal(await page.locator('.campus-compare').count(), 0, 'one course is no comparison');

    await tickWithKeyboard(page, H2.title);
    await page.waitForSelector('.campus-compare table');
    assert.equal(await here(page), 'ma-selection/?comparer=h1,h2');
    await page.waitForFunction(() => document.activeElement?.id === 'comparaison-titre');
    assert.equal((await page.textContent('#comparaison-titre')).trim(), 'Comparaison de 2 formations');
    assert.equal((await page.textContent('#comparaison-annonce')).trim(), 'Comparaison de 2 formations affichée.');
    assert.equal(await page.getAttribute('#comparaison-annonce', 'role'), 'status');
    // A real table: caption, column and row headers.
    assert.match(await page.textContent('.campus-compare caption'), /^Durée, format, niveau, prix, public et prochaines sessions/);
    assert.equal(await page.locator('.campus-compare thead th[scope="col"]').count(), 3);
    assert.equal(await page.locator('.campus-compare tbody th[scope="row"]').count(), 7);
    const table = await comparisonTable(page);
    assert.deepEqual(table[0], ['Formation', H1.title, H2.title]);
    assert.equal(await page.evaluate(() => window.__pwned), undefined, 'markup in data is text');
    assert.equal(await page.locator('.campus-compare img').count(), 0);
    assert.deepEqual(table.slice(1).map((r) => r[0]),
      ['Durée', 'Format', 'Niveau', 'Prix', 'Public', 'Prochaines sessions', 'Fiche de la formation']);
    assert.deepEqual(table[1].slice(1), ['21 h', '3 h']);
    assert.deepEqual(table[3].slice(1), ['Découverte', 'Intermédiaire']);
    assert.deepEqual(table[4].slice(1), ['Gratuit pour les agents publics', '450 € HT']);
    // Up to three upcoming sessions each, with places and seats (the full one said so).
    const h1Sessions = await page.$$eval('.campus-compare tbody tr:nth-child(6) td:nth-of-type(1) li', (li) => li.map((l) => l.textContent));
    assert.equal(h1Sessions.length, 3);
    assert.match(h1Sessions[0], /^Du lundi 1er au mercredi 3 avril 2030.* · En présentiel · Nantes · 4 places restantes$/);
    assert.match(h1Sessions[1], /Complet$/);
    assert.match(h1Sessions[2], /7 places restantes$/);
    assert.match(table[6][1], /et 1 autre session$/);
    const links = await page.$$eval('.campus-compare tbody tr:last-child a', (as) => as.map((a) => [a.getAttribute('href'), a.textContent.trim()]));
    assert.deepEqual(links.map(([, text]) => text), [`Voir la fiche ${H1.title}`, `Voir la fiche ${H2.title}`]);
    assert.ok(isCourseHref(links[0][0], 'h1') && isCourseHref(links[1][0], 'h2'), links.join(' '));
    await assertAccessible(page, 'the comparison of two courses');
    const two = await here(page);

    await tickWithKeyboard(page, H3.title);
    await tickWithKeyboard(page, H4.title);
    await page.waitForFunction(() => document.querySelectorAll('.campus-compare thead th').length === 5);
    assert.equal(await here(page), 'ma-selection/?comparer=h1,h2,h3,h4');
    const four = await here(page);
    // A fifth: refused and said, nothing changes.
    await tickWithKeyboard(page, H5.title);
    await page.waitForSelector('#comparaison-pleine');
    assert.equal(
      (await page.textContent('#comparaison-pleine')).trim(),
      'Vous comparez déjà 4\u00a0formations, le maximum\u00a0: décochez-en une pour en comparer une autre.',
    );
    assert.equal(await page.evaluate(() => document.activeElement.checked), false, 'the fifth box stays unticked');
    assert.equal(await here(page), four);
    // Unticking one with the keyboard: three compared.
    await page.keyboard.down('Shift');
    await tabTo(page, () => document.activeElement?.type === 'checkbox' && document.activeElement.checked);
    await page.keyboard.up('Shift');
    await page.keyboard.press('Space');
    await page.waitForFunction(() => document.querySelectorAll('.campus-compare thead th').length === 4);
    assert.equal(await here(page), 'ma-selection/?comparer=h1,h2,h3');
    const three = await here(page);

    // Each address, in a fresh browser with nothing bookmarked, shows the same comparison.
    for (const [path, columns] of [[two, 2], [four, 4], [three, 3]]) {
      const fresh = await reopenFresh(path);
      await fresh.waitForSelector('.campus-compare table');
      const freshTable = await comparisonTable(fresh);
      assert.equal(freshTable[0].length, columns + 1, path);
      assert.deepEqual(freshTable, await openSame(path), path);
      assertNoProblems(fresh);
      await fresh.close();
    }
    // Clearing the comparison empties the address.
    await page.click('#comparaison-effacer');
    assert.equal(await here(page), 'ma-selection/');
    assert.equal(await page.locator('.campus-compare').count(), 0);
    assertNoProblems(page);
  });

  test('an address with unknown ids or more than four courses says what it left out', async () => {
    const page = await openWith(await newPage(), 'ma-selection/?comparer=h1,inconnu,h2,%ZZ,h3,h4,h5', []);
    await page.waitForSelector('.campus-compare table');
    const table = await comparisonTable(page);
    assert.deepEqual(table[0], ['Formation', H1.title, H2.title, H3.title, H4.title]);
    assert.deepEqual(
      await page.$$eval('#comparaison-adresse p', (ps) => ps.map((p) => p.textContent.trim())),
      [
        '2 formations de l\'adresse ne sont pas dans le catalogue\u00a0: elles ne sont pas comparées.',
        'Une comparaison porte sur 4\u00a0formations au plus\u00a0: seules les 4\u00a0premières de l\'adresse sont comparées.',
      ],
    );
    // Opened with the comparison, the page keeps its own focus rules.
    assert.notEqual(await activeId(page), 'comparaison-titre');
    assertNoProblems(page);
  });

  test('at 390 px the comparison scrolls inside its table, row headers in view, the page never wider', async () => {
    const page = await openWith(await newPage({ viewport: { width: 390, height: 844 } }), 'ma-selection/?comparer=h1,h2,h3,h4', ALL);
    await page.waitForSelector('.campus-compare table');
    const layout = await page.evaluate(() => {
      const container = document.querySelector('.campus-compare .fr-table__container');
      const rowHeader = document.querySelector('.campus-compare tbody th');
      const before = rowHeader.getBoundingClientRect().left;
      container.scrollLeft = 400;
      return {
        page: Math.max(document.documentElement.scrollWidth, container.getBoundingClientRect().right),
        scrolls: container.scrollWidth > container.clientWidth,
        scrolled: container.scrollLeft,
        stays: Math.abs(rowHeader.getBoundingClientRect().left - before) < 1,
        sticky: getComputedStyle(rowHeader).position,
      };
    });
    assert.ok(layout.page <= 390, `the page is ${layout.page} px wide`);
    assert.ok(layout.scrolls && layout.scrolled > 0, 'the table scrolls sideways');
    assert.equal(layout.sticky, 'sticky');
    assert.ok(layout.stays, 'the row headers stay in view');
    await assertAccessible(page, 'the comparison of four courses at 390 px');
    assertNoProblems(page);
  });

  test('in English', async () => {
    const page = await openWith(await newPage(), 'ma-selection/', ALL, { locale: 'en' });
    assert.equal((await page.textContent('#selection-csv')).trim(), 'Download (CSV)');
    assert.equal((await page.textContent('#selection-agenda')).trim(), 'Add the sessions to my calendar (.ics)');
    assert.equal((await page.textContent('#selection-imprimer')).trim(), 'Print');
    assert.equal((await page.textContent('#selection-agenda-aide')).trim(),
      `${SESSIONS} upcoming sessions of 5 trainings, in one file (full sessions left out).`);
    await tickWithKeyboard(page, H4.title);
    await tickWithKeyboard(page, H1.title);
    await page.waitForSelector('.campus-compare table');
    assert.equal(await here(page), 'ma-selection/?comparer=h4,h1');
    assert.equal((await page.textContent('#comparaison-titre')).trim(), 'Comparing 2 trainings');
    const table = await comparisonTable(page);
    assert.deepEqual(table.slice(1).map((r) => r[0]),
      ['Duration', 'Format', 'Level', 'Price', 'Audience', 'Next sessions', 'Course page']);
    assert.match(table[6][2], /^Monday 1 to Wednesday 3 April 2030/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#selection-csv')]);
    const csv = (await readFile(await download.path(), 'utf8')).slice(1);
    assert.match(csv.split('\r\n')[0], /^Id;Type;Title;/);
    assert.equal(await page.getByRole('checkbox', { name: `Compare “${H2.title}”` }).count(), 1);
    await assertAccessible(page, 'the comparison in English');
    assertNoProblems(page);
  });
});

/** The comparison's table read from the address in a page whose selection has every course. */
async function openSame(path) {
  const page = await openWith(await newPage(), path, ALL);
  await page.waitForSelector('.campus-compare table');
  const table = await comparisonTable(page);
  await page.close();
  return table;
}
