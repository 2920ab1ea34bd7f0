// The catalogue explorer as an agent uses it: home, search as you type, filters,
// tags, sort, pages, deep links under a sub-path, course pages, sessions,
// bookmarks, CSV and iCalendar downloads, and hostile or broken catalogues.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { assertAccessible, assertFocused, assertNoProblems, startApp, waitForApp, waitForPageFocus } from './support/harness.mjs';
import { bundledCatalogue, catalogue, course, frenchSpacing, serveCatalogue } from './support/fixtures.mjs';

const DATA = bundledCatalogue();
const NOW = Date.now();
const fold = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/œ/g, 'oe').toLowerCase();
const isUpcoming = (s) => Date.parse(s.start) >= NOW;
const byId = new Map(DATA.courses.map((c) => [c.id, c]));

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

/** Opens a page and waits until the catalogue is loaded (or failed). */
async function open(hash, options) {
  const page = await app.newPage(options);
  await page.goto(app.url + hash);
  await waitForApp(page);
  await page.waitForFunction(() => !document.querySelector('.campus-loading'));
  return page;
}

const resultTitles = (page) =>
  page.$$eval('.campus-results .fr-card__title a', (as) => as.map((a) => a.textContent.trim()));
const heading = (page) => page.textContent('#resultats').then((t) => t.trim());
const hashParams = (page) => new URLSearchParams(new URL(page.url()).search.slice(1) ?? '');

describe('home', () => {
  test('shows key figures, every domain with its course count, upcoming sessions and the call', async () => {
    const page = await open('');
    const figures = await page.$$eval('.campus-figures li', (lis) => lis.length);
    assert.equal(figures, (DATA.figures ?? []).length);
    const domains = await page.$$eval('.campus-domains .fr-tile', (tiles) =>
      tiles.map((t) => ({
        label: t.querySelector('.fr-tile__title').textContent.trim(),
        count: t.querySelector('.fr-tile__detail').textContent.trim(),
        href: t.querySelector('a').getAttribute('href'),
      })),
    );
    assert.equal(domains.length, DATA.domains.length);
    for (const [i, d] of DATA.domains.entries()) {
      const n = DATA.courses.filter((c) => c.domains.includes(d.id)).length;
      assert.equal(domains[i].label, d.label);
      assert.match(domains[i].count, new RegExp(`^${n} formations?$`));
      assert.equal(domains[i].href, `catalogue/?domaine=${encodeURIComponent(d.id)}`);
    }
    const sessions = await page.$$eval('.campus-upcoming li', (lis) => lis.length);
    const upcoming = DATA.courses.flatMap((c) => c.sessions.filter(isUpcoming));
    assert.equal(sessions, Math.min(5, upcoming.length));
    if (DATA.trainer_call) {
      assert.match(await page.textContent('main'), /appel à formateurs bénévoles( \d{4})? (est ouvert|est fermé|s'est terminé)/);
    }
    await assertAccessible(page, 'home with catalogue');
    assertNoProblems(page);
  });
});

describe('search as you type', () => {
  test('typing letter by letter narrows results, ignores accents, highlights and announces', async () => {
    const page = await open('catalogue/');
    const total = DATA.courses.length;
    assert.match(await heading(page), new RegExp(`^${total} formations`));
    await page.click('#recherche-texte');
    for (const ch of 'securite') {
      await page.keyboard.type(ch);
    }
    await page.waitForFunction(() => document.querySelector('#resultats').textContent.includes('securite'));
    // Word-prefix semantics: "securite" matches "sécurité", "sécuriser"…
    const words = (t) => fold(t).split(/[^a-z0-9]+/);
    const hasWord = (t) => words(t).some((w) => w.startsWith('securit'));
    const expected = DATA.courses.filter((c) =>
      [c.title, c.summary, c.description, c.provider, ...c.objectives].some(hasWord),
    ).length;
    assert.ok(expected > 0, 'the sample catalogue speaks of sécurité');
    const count = Number((await heading(page)).match(/^(\d+)/)[1]);
    assert.ok(count >= expected, `${count} results, at least ${expected} have a word starting with "securit"`);
    // Title matches first.
    const titles = await resultTitles(page);
    if (DATA.courses.some((c) => hasWord(c.title))) assert.ok(hasWord(titles[0]), titles[0]);
    // Matched words are highlighted in <mark>, as text.
    const marks = await page.$$eval('.campus-results mark', (ms) => ms.map((m) => m.textContent));
    assert.ok(marks.some((m) => /sécurité/i.test(m)), `marks: ${marks.slice(0, 5)}`);
    // The count is in a live region for screen readers.
    assert.match(await page.textContent('[role="status"]'), /formations? pour «\ssecurite\s»/);
    // The URL holds the search; typing replaced the history entry instead of adding 8.
    assert.equal(hashParams(page).get('q'), 'securite');
    await assertAccessible(page, 'search results');
    assertNoProblems(page);
  });

  test('one typo is tolerated on longer words, and prefixes match', async () => {
    const page = await open('catalogue/?q=securiet');
    const typo = await heading(page);
    assert.doesNotMatch(typo, /^0 formation/);
    await page.goto(app.url + 'catalogue/?q=cyber');
    await page.waitForFunction(() => document.querySelector('#resultats')?.textContent.includes('cyber'));
    assert.doesNotMatch(await heading(page), /^0 formation/);
    assertNoProblems(page);
  });

  test('formats are found by the words agents type, places only through sessions to come, « AI » as IA', async () => {
    const count = async (page, q) => {
      await page.fill('#recherche-texte', q);
      await page.waitForFunction((q) => campusRoute.includes('q=' + encodeURIComponent(q).replace(/%20/g, '+')) || campusRoute.includes('q=' + encodeURIComponent(q)), q);
      await page.waitForSelector('#resultats');
      const text = await heading(page);
      return text.startsWith('Aucune') ? 0 : Number(text.match(/^(\d[\d\u202f]*)/)[1].replace(/\u202f/g, ''));
    };
    const page = await open('catalogue/');
    const elearning = DATA.courses.filter((c) => c.format === 'e-learning').length;
    assert.ok(elearning > 0);
    assert.ok((await count(page, 'e-learning')) >= elearning, 'every e-learning course answers « e-learning »');
    assert.ok((await count(page, 'présentiel')) > 0);
    assert.ok((await count(page, 'en ligne')) >= elearning);
    assert.ok((await count(page, 'AI')) > 0, '« AI » finds the IA courses');
    // Lyon: no course whose Lyon sessions are all past (and whose texts do not say Lyon).
    await count(page, 'Lyon');
    const ids = await page.$$eval('#campus-app .campus-results .fr-card__title a', (as) => as.map((a) => decodeURIComponent(a.getAttribute('href').replace(/^formation\//, '').replace(/\/.*$/, ''))));
    for (const id of ids) {
      const c = byId.get(id);
      const inText = /lyon/i.test([c.title, c.summary, c.description, ...(c.objectives ?? [])].join(' '));
      assert.ok(inText || c.sessions.some((x) => isUpcoming(x) && /lyon/i.test(x.location?.city ?? '')), `${id} answers « Lyon » only through a past session`);
    }
    assertNoProblems(page);
  });

  test('no results suggests wider searches with their counts, which hold when followed', async () => {
    const page = await open('catalogue/?q=zzzzzz');
    assert.match(await page.textContent('.campus-no-results'), /Aucune formation ne correspond/);
    // A way forward beyond the catalogue: a tailor-made request, the campus team.
    assert.equal(await page.getAttribute('.campus-no-results a:has-text("Demander une formation sur mesure")', 'href'), 'sur-mesure/');
    assert.equal(await page.getAttribute('.campus-no-results a:has-text("Écrire à l\'équipe du campus")', 'href'), 'mailto:campus@numerique.gouv.fr');
    await assertAccessible(page, 'no results, with a way forward');
    const link = page.locator('.campus-no-results a').first();
    const text = await page.locator('.campus-no-results li').first().textContent();
    const announced = Number(text.match(/\((\d[\d\u202f]*) formations?\)/)[1].replace(/\u202f/g, ''));
    await link.click();
    await page.waitForFunction(() => !document.querySelector('.campus-no-results'));
    assert.match(await heading(page), new RegExp(`^${announced} formations`));

    // Filters that exclude each other: dropping one is proposed with its count.
    await page.goto(app.url + 'catalogue/?type=sur-mesure&format=e-learning&niveau=decouverte&duree=moins-3h');
    await waitForApp(page);
    await page.waitForSelector('.campus-no-results, .campus-results');
    if (await page.$('.campus-no-results')) {
      assert.match(await page.textContent('.campus-no-results'), /sans le filtre «\s/);
      await assertAccessible(page, 'no results with suggestions');
    }
    assertNoProblems(page);
  });
});

describe('filters, tags, sort and pages', () => {
  test('a domain filter updates the URL, the counts, the tags; tags remove it; clear all', async () => {
    const page = await open('catalogue/');
    const domain = DATA.domains[2];
    const n = DATA.courses.filter((c) => c.domains.includes(domain.id)).length;
    const boxId = `filtre-domaine-${encodeURIComponent(domain.id).replace(/%/g, '_')}`;
    // Filter groups are folded, their options built when opened.
    assert.equal(await page.locator(`#${boxId}`).count(), 0, 'a folded group has no boxes');
    await page.click('#filtre-domaine-bouton');
    assert.equal(await page.getAttribute('#filtre-domaine-bouton', 'aria-expanded'), 'true');
    const label = page.locator(`label[for="${boxId}"]`);
    assert.match(await label.textContent(), new RegExp(`\\(${n}\\)`));
    // DSFR hides the native box: a person clicks the label.
    await label.click();
    assert.equal(await page.isChecked(`#${boxId}`), true);
    await page.waitForFunction((id) => campusRoute.includes(`domaine=${id}`), domain.id);
    assert.match(await heading(page), new RegExp(`^${n} formations?`));
    // Focus stays on the checkbox (its DOM is stable).
    assert.equal(await page.evaluate(() => document.activeElement.type), 'checkbox');
    // The other domains still show their own counts (a facet ignores its own selection).
    const other = DATA.domains[3];
    const otherCount = DATA.courses.filter((c) => c.domains.includes(other.id)).length;
    const otherLabel = await page.textContent(`label[for="filtre-domaine-${encodeURIComponent(other.id).replace(/%/g, '_')}"]`);
    assert.match(otherLabel, new RegExp(`\\(${otherCount}\\)`));

    // Add a kind: results narrow to both. The group says how many of its values are in force.
    await page.click('#filtre-type-bouton');
    await page.click('label[for="filtre-type-module"]');
    await page.waitForFunction(() => document.querySelector('#filtre-type-bouton')?.textContent.includes('(1)'));
    await page.waitForFunction(() => campusRoute.includes('type=module'));
    const both = DATA.courses.filter((c) => c.domains.includes(domain.id) && c.kind === 'module').length;
    assert.match(await heading(page), new RegExp(`^${both} formations?`));
    assert.equal(await page.locator('.campus-active-filters .fr-tag').count(), 2);

    // Remove the domain by its tag.
    await page.click(`.campus-active-filters .fr-tag:has-text("${domain.label}")`);
    await page.waitForFunction((id) => !campusRoute.includes(`domaine=${id}`), domain.id);
    const modules = DATA.courses.filter((c) => c.kind === 'module').length;
    assert.match(await heading(page), new RegExp(`^${modules} formations`));
    await assertFocused(page, 'resultats');

    await page.click('.campus-active-filters button:has-text("Tout effacer")');
    await page.waitForFunction(() => campusRoute === 'catalogue/');
    assert.equal(await page.locator('.campus-active-filters').count(), 0);
    await assertAccessible(page, 'filters');
    assertNoProblems(page);
  });

  test('every filter key from a deep link shows its tag and ticked box; each tag removes its value alone; unknown keys are ignored', async () => {
    const region = DATA.courses.flatMap((c) => c.sessions.filter(isUpcoming)).map((s) => s.location?.region).find(Boolean);
    const domain = DATA.domains[1];
    // [URL key, value, French tag, English tag]: one value of every filter, in URL order.
    const filters = [
      ['domaine', domain.id, domain.label, domain.label],
      ['type', 'module', 'Module', 'Module'],
      ['format', 'presentiel', 'En présentiel', 'In person'],
      ['niveau', 'expert', 'Expert', 'Expert'],
      ['public', 'managers', 'Managers', 'Managers'],
      ['duree', '3h-7h', '3 à 7 heures', '3 to 7 hours'],
      ['gratuit', '1', 'Gratuites uniquement', 'Free only'],
      ['sessions', '1', 'Avec une session à venir', 'With an upcoming session'],
      ['region', region, region, region],
    ];
    const pairs = (list) => list.map(([k, v]) => `${k}=${v}`).join('&');
    // Given in reverse order, with unknown keys around: the app's URLs use its own order.
    const given = [...filters].reverse().map(([k, v]) => `${k}=${encodeURIComponent(v)}`);
    const page = await open(`catalogue/?inconnu=1&${given.join('&')}&domaine2=data&TYPE=module`);
    const tags = () => page.$$eval('.campus-active-filters .fr-tag', (ts) => ts.map((t) => t.textContent.trim()));
    await page.waitForSelector('.campus-active-filters');
    assert.deepEqual(await tags(), filters.map((f) => f[2]), 'one tag per value, in URL order; none for unknown keys');
    for (const [k, v] of filters) {
      assert.equal(await page.isChecked(`#filtre-${k}-${encodeURIComponent(v).replace(/%/g, '_')}`), true, `${k}=${v} ticked`);
    }
    assert.match(await page.textContent('.campus-filters button[aria-controls="filtres-contenu"]'), /\(9\)/);
    await assertAccessible(page, 'every filter active');

    // Remove the tags one by one, from the middle out: each drops its own value only.
    let left = [...filters];
    for (const i of [4, 0, 6, 2, 4, 0, 1, 1, 0]) {
      const [, , label] = left[i];
      const exactly = new RegExp('^' + label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '$');
      await page.locator('.campus-active-filters .fr-tag', { hasText: exactly }).click();
      left = left.filter((_, j) => j !== i);
      await page.waitForFunction(
        (want) => [...new URLSearchParams(location.search.slice(1) ?? '')].map(([k, v]) => `${k}=${v}`).join('&') === want,
        pairs(left),
      );
      assert.deepEqual(await tags(), left.map((f) => f[2]));
      await page.waitForFunction(() => document.activeElement?.id === 'resultats');
    }
    assert.equal(await page.evaluate(() => campusRoute), 'catalogue/', 'unknown keys are not carried over');
    assert.equal(await page.locator('.campus-active-filters').count(), 0);

    // The same tags in English.
    await page.goto(app.url + `catalogue/?${given.join('&')}`);
    await waitForApp(page);
    await page.click('header .fr-header__tools .fr-translate__btn');
    await page.click('header .fr-header__tools .fr-translate__language[lang="en"]');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.waitForSelector('.campus-active-filters');
    assert.deepEqual(await tags(), filters.map((f) => f[3]));
    assertNoProblems(page);
  });

  test('keyboard only: Enter unfolds a group, Space toggles a filter, focus stays on it and the group stays open', async () => {
    const page = await open('catalogue/');
    await page.focus('#filtre-type-bouton');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#filtre-type-parcours');
    assert.equal(await page.getAttribute('#filtre-type-bouton', 'aria-expanded'), 'true');
    await page.focus('#filtre-type-parcours');
    await page.keyboard.press('Space');
    await page.waitForFunction(() => campusRoute.includes('type=parcours'));
    assert.equal(await page.evaluate(() => document.activeElement.id), 'filtre-type-parcours');
    assert.equal(await page.isChecked('#filtre-type-parcours'), true);
    await page.keyboard.press('Space');
    await page.waitForFunction(() => !campusRoute.includes('type=parcours'));
    // Its last value unticked, the group stays open under the focus.
    assert.equal(await page.evaluate(() => document.activeElement.id), 'filtre-type-parcours');
    assert.equal(await page.getAttribute('#filtre-type-bouton', 'aria-expanded'), 'true');
    await page.focus('#filtre-type-bouton');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !document.querySelector('#filtre-type-parcours'));
    assert.equal(await page.getAttribute('#filtre-type-bouton', 'aria-expanded'), 'false');
    await assertAccessible(page, 'filter groups folded again');
    assertNoProblems(page);
  });

  test('sort by title and by duration', async () => {
    const page = await open('catalogue/?tri=titre');
    const titles = await resultTitles(page);
    const sorted = [...titles].sort((a, b) => fold(a).localeCompare(fold(b), 'fr'));
    assert.deepEqual(titles.map(fold), sorted.map(fold));
    await page.selectOption('#tri', 'duree');
    await page.waitForFunction(() => campusRoute.includes('tri=duree'));
    const shortest = Math.min(...DATA.courses.map((c) => c.duration_hours));
    const first = byId.get(decodeURIComponent((await page.getAttribute('.campus-results .fr-card__title a', 'href')).split('/').filter(Boolean).pop()));
    assert.equal(first.duration_hours, shortest);
    assertNoProblems(page);
  });

  test('pages: links, focus on the results heading, Back and Forward, reload, deep link in a new tab', async () => {
    const page = await open('catalogue/?type=module');
    const firstPage = await resultTitles(page);
    assert.equal(firstPage.length, 20);
    await page.click('.fr-pagination a:has-text("Page suivante")');
    await page.waitForFunction(() => campusRoute.includes('page=2'));
    await page.waitForFunction(() => document.activeElement?.id === 'resultats');
    const secondPage = await resultTitles(page);
    assert.notDeepEqual(secondPage, firstPage);
    assert.match(await heading(page), /Page 2 sur/);

    await page.goBack();
    await page.waitForFunction(() => !campusRoute.includes('page=2'));
    assert.deepEqual(await resultTitles(page), firstPage);
    await page.goForward();
    await page.waitForFunction(() => campusRoute.includes('page=2'));
    assert.deepEqual(await resultTitles(page), secondPage);

    // Reload on the plain static server under the sub-path: same view.
    await page.reload();
    await waitForApp(page);
    await page.waitForSelector('.campus-results');
    assert.deepEqual(await resultTitles(page), secondPage);
    assert.equal(await page.isChecked('#filtre-type-module'), true);

    // The same URL in a fresh tab (no shared state): same view.
    const other = await app.newPage();
    await other.goto(page.url());
    await waitForApp(other);
    await other.waitForSelector('.campus-results');
    assert.deepEqual(await resultTitles(other), secondPage);
    assertNoProblems(page);
    assertNoProblems(other);
  });

  test('unknown or malformed URL parameters are ignored, never an error page', async () => {
    const page = await open('catalogue/?type=webinaire&page=abc&tri=hasard&%ZZ=1&domaine=inconnu&gratuit=peut-etre');
    assert.equal((await page.textContent('main h1')).trim(), 'Catalogue des formations');
    assert.match(await heading(page), new RegExp(`^${DATA.courses.length} formations`));
    await page.goto(app.url + 'catalogue/?page=9999');
    await waitForApp(page);
    await page.waitForSelector('.campus-results');
    assert.ok((await resultTitles(page)).length > 0, 'an out-of-range page shows the last page');
    assertNoProblems(page);
  });
});

describe('course pages', () => {
  const parcours = DATA.courses.find((c) => c.kind === 'parcours' && c.modules?.length >= 2);
  const withSessions = DATA.courses.find((c) => c.sessions.some((s) => isUpcoming(s) && s.registration_url && s.seats_left !== 0));

  test('a parcours lists its modules in order; a module lists its parcours', async () => {
    const page = await open(`formation/${parcours.id}/`);
    assert.equal((await page.textContent('main h1')).trim(), frenchSpacing(parcours.title));
    assert.equal(await page.title(), `${parcours.title} - Campus du numérique public`);
    const listed = await page.$$eval('main ol:not(.fr-breadcrumb__list) li a', (as) => as.map((a) => a.getAttribute('href')));
    assert.deepEqual(listed, parcours.modules.map((m) => `formation/${m}/`));
    for (const p of parcours.description.split('\n\n')) {
      assert.ok((await page.textContent('main')).includes(p.trim().slice(0, 60)));
    }
    await assertAccessible(page, 'parcours page');
    await page.click(`main ol:not(.fr-breadcrumb__list) li a >> nth=0`);
    await page.waitForFunction((id) => campusRoute === `formation/${id}/`, parcours.modules[0]);
    await waitForPageFocus(page);
    assert.ok((await page.textContent('main')).includes('Ce module fait partie des parcours'));
    assert.ok(await page.$(`main a[href="formation/${parcours.id}/"]`));
    assertNoProblems(page);
  });

  test('upcoming sessions show seats, a registration link and an .ics download', async () => {
    const page = await open(`formation/${withSessions.id}/`);
    const upcoming = withSessions.sessions.filter(isUpcoming);
    assert.equal(await page.locator('.campus-session').count(), upcoming.length);
    const register = page.locator('.campus-session a:has-text("S\'inscrire")').first();
    assert.match(await register.getAttribute('href'), /^https:\/\//);
    assert.equal(await register.getAttribute('target'), '_blank');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('.campus-session button:has-text("Ajouter à mon agenda")').first().click(),
    ]);
    // Named after the course and the session's day, not the session's id.
    const first = [...upcoming].sort((a, b) => Date.parse(a.start) - Date.parse(b.start))[0];
    assert.equal(download.suggestedFilename(), `${withSessions.id}-${first.start.slice(0, 10)}.ics`);
    const ics = await readFile(await download.path(), 'utf8');
    assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
    assert.match(ics, /BEGIN:VEVENT\r\n/);
    const utc = new Date(first.start).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
    assert.ok(ics.includes(`DTSTART:${utc}`), `DTSTART:${utc} in\n${ics}`);
    await assertAccessible(page, 'course with sessions');
    assertNoProblems(page);
  });

  test('a catalogue built for the test: a past Lyon session never answers « Lyon »; the card announces the Lyon session', async () => {
    const at = (day, city, region) => ({
      id: `s-${city}-${day}`,
      start: `${day}T09:30:00+01:00`,
      end: `${day}T17:00:00+01:00`,
      format: 'presentiel',
      location: { city, region },
      seats_left: 5,
      registration_url: 'https://example.gouv.fr/inscription',
    });
    const data = catalogue([
      // Lyon only in the past; Orléans to come.
      course('passe', { title: 'Product owner dans le service public', sessions: [at('2024-03-12', 'Lyon', 'Auvergne-Rhône-Alpes'), at('2031-01-11', 'Orléans', 'Centre-Val de Loire')] }),
      // Paris first, Lyon later: the card says Lyon when Lyon is searched.
      course('lyon', { title: 'Contribuer à un logiciel libre', sessions: [at('2030-05-04', 'Paris', 'Île-de-France'), at('2030-09-14', 'Lyon', 'Auvergne-Rhône-Alpes')] }),
      // Full in Lyon: found, and the card says so.
      course('complet', { title: 'Gestion de crise', sessions: [{ ...at('2030-06-01', 'Lyon', 'Auvergne-Rhône-Alpes'), seats_left: 0 }] }),
      // Taught in English.
      // Taught in English (its id and texts never say « anglais »).
      course('ospo', { title: 'Open source program office', languages: ['en'], sessions: [] }),
    ]);
    const page = await app.newPage();
    await serveCatalogue(page, data);
    await page.goto(app.url + 'catalogue/?q=Lyon');
    await waitForApp(page);
    await page.waitForSelector('#campus-app .campus-course-card');
    const titles = await resultTitles(page);
    assert.ok(!titles.includes('Product owner dans le service public'), `a past Lyon session answers nothing: ${titles}`);
    assert.ok(titles.includes('Contribuer à un logiciel libre'), `${titles}`);
    const card = page.locator('#campus-app .campus-course-card', { hasText: 'Contribuer à un logiciel libre' });
    assert.match(await card.textContent(), /Lyon/, 'the card announces the session in the place searched');
    assert.doesNotMatch(await card.textContent(), /Paris/);
    // The course taught in English is found by the word, in French and English.
    for (const word of ['anglais', 'english']) {
      await page.goto(app.url + `catalogue/?q=${word}`);
      await page.waitForSelector('#campus-app #resultats');
      assert.match(await heading(page), /^1 formation/, word);
      assert.deepEqual(await resultTitles(page), ['Open source program office'], word);
    }
    assertNoProblems(page);
  });

  test('a remote session says « À distance » once, on its card and on its page', async () => {
    const remote = DATA.courses.find((c) => c.kind !== 'sur-mesure' && c.sessions.some((x) => isUpcoming(x) && x.format === 'distanciel' && !x.place));
    assert.ok(remote, 'the bundled catalogue has a remote session without a place');
    // Filtered on the format, each card announces a remote session.
    const page = await open('catalogue/?format=distanciel');
    const texts = async (selector) => (await page.locator(selector).allTextContents()).join('\n');
    await page.waitForSelector('#campus-app .campus-course-card');
    const cards = await texts('#campus-app .campus-course-card');
    assert.match(cards, /Prochaine session\s:\s[^\n]*· À distance/);
    assert.doesNotMatch(cards, /distance · À distance/);
    await page.goto(app.url + `formation/${remote.id}/`);
    await waitForApp(page);
    const sessions = await texts('#campus-app .campus-session');
    assert.match(sessions, /À distance/);
    assert.doesNotMatch(sessions, /distance · À distance/);
    assertNoProblems(page);
  });

  test('the tab title says what was searched and which page, as typed', async () => {
    const page = await open('catalogue/');
    assert.match(await page.title(), /^Catalogue des formations\b/);
    await page.fill('#recherche-texte', 'cyber');
    await page.waitForFunction(() => document.title.startsWith('«\u00a0cyber\u00a0» – Catalogue des formations'));
    await page.goto(app.url + 'catalogue/?q=donn%C3%A9es&page=2');
    await waitForApp(page);
    await page.waitForFunction(() => document.title.startsWith('«\u00a0données\u00a0» – Catalogue des formations – Page 2'));
    assertNoProblems(page);
  });

  test('an unknown course id says so, with a way back', async () => {
    const page = await open('formation/?id=cette-formation-n-existe-pas');
    assert.equal((await page.textContent('main h1')).trim(), 'Formation introuvable');
    assert.ok(await page.$('main a[href="catalogue/"]'));
    await assertAccessible(page, 'unknown course');
    assertNoProblems(page);
  });
});

describe('Ma sélection', () => {
  test('bookmarks persist across reloads and can be removed', async () => {
    const page = await open('catalogue/?tri=titre');
    const title = (await resultTitles(page))[0];
    await page.locator('.campus-results .fr-card').first().locator('button[aria-pressed]').click();
    assert.equal(await page.locator('.campus-results .fr-card').first().locator('button[aria-pressed]').getAttribute('aria-pressed'), 'true');
    await page.click('#navigation-principale a:has-text("Ma sélection")');
    await page.waitForFunction(() => campusRoute === 'ma-selection/');
    await page.reload();
    await waitForApp(page);
    await page.waitForSelector('.campus-results');
    assert.deepEqual(await resultTitles(page), [title]);
    await assertAccessible(page, 'selection');
    await page.click('button:has-text("Vider ma sélection")');
    await page.waitForSelector('text=Votre sélection est vide');
    assertNoProblems(page);
  });
});

describe('CSV export', () => {
  test('opens cleanly in a French spreadsheet and defuses formulas', async () => {
    const page = await app.newPage();
    await serveCatalogue(
      page,
      catalogue([
        course('m-formule', { title: '=HYPERLINK("http://evil")', provider: '+33 1 23 45', summary: 'a;b "c"' }),
        course('m-normal', { title: 'Sécurité des données' }),
      ]),
    );
    await page.goto(app.url + 'catalogue/?tri=titre');
    await waitForApp(page);
    await page.waitForSelector('.campus-results');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button:has-text("Exporter les résultats")')]);
    assert.equal(download.suggestedFilename(), 'campus-formations.csv');
    const bytes = await readFile(await download.path());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    assert.match(lines[0], /^Identifiant;Type;Titre;Résumé;.*;Gratuit;Prix;Page de la formation;/);
    const formula = lines.find((l) => l.startsWith('m-formule'));
    assert.ok(formula.includes(`"'=HYPERLINK(""http://evil"")"`), formula);
    assert.ok(formula.includes(`;'+33 1 23 45;`), formula);
    assert.ok(formula.includes(`"a;b ""c"""`), formula);
    assert.ok(lines.some((l) => l.includes('Sécurité des données')));
    assertNoProblems(page);
  });
});

describe('broken and hostile catalogues', () => {
  test('not JSON: a clear error and a retry button that recovers', async () => {
    const page = await app.newPage({ allowConsole: [/Failed to load resource/] });
    let broken = true;
    await page.route('**/catalogue.json', (route) =>
      broken
        ? route.fulfill({ status: 200, contentType: 'application/json', body: '{"version": 1, "courses": [' })
        : route.continue(),
    );
    await page.goto(app.url + 'catalogue/');
    await waitForApp(page);
    await page.waitForSelector('.fr-alert--error');
    assert.match(await page.textContent('.fr-alert--error'), /Le catalogue n'a pas pu être chargé/);
    assert.match(await page.textContent('.fr-alert--error'), /invalide/);
    await assertAccessible(page, 'catalogue error');
    broken = false;
    await page.click('.fr-alert--error button:has-text("Réessayer")');
    await page.waitForSelector('.campus-results');
    assertNoProblems(page);
  });

  test('wrong version and network failure are explained', async () => {
    const page = await app.newPage();
    await serveCatalogue(page, { version: 2, courses: [] });
    await page.goto(app.url + 'catalogue/');
    await waitForApp(page);
    await page.waitForSelector('.fr-alert--error');
    assert.match(await page.textContent('.fr-alert--error'), /version 2 is not supported/);

    const offline = await app.newPage({ allowConsole: [/Failed to load resource/] });
    await offline.route('**/catalogue.json', (route) => route.abort('internetdisconnected'));
    await offline.goto(app.url + 'catalogue/');
    await waitForApp(offline);
    await offline.waitForSelector('.fr-alert--error');
    assert.match(await offline.textContent('.fr-alert--error'), /Vérifiez votre connexion/);
    assertNoProblems(page);
    assertNoProblems(offline);
  });

  test('invalid entries are skipped and counted; the rest shows', async () => {
    const page = await app.newPage();
    await serveCatalogue(
      page,
      catalogue([
        course('ok-1'),
        course('bad-type', { duration_hours: 'deux heures' }),
        course('bad-domain', { domains: ['inconnu'] }),
        course('p-dangling', { kind: 'parcours', modules: ['absent'] }),
        course('ok-2'),
      ]),
    );
    await page.goto(app.url + 'catalogue/');
    await waitForApp(page);
    await page.waitForSelector('.campus-results');
    assert.match(await heading(page), /^2 formations/);
    assert.match(await page.textContent('.campus-skipped'), /3 formations du catalogue ne sont pas affichées/);
    assert.ok(page.warnings.some((w) => w.includes('bad-domain') && w.includes('unknown domain')));
    assertNoProblems(page);
  });

  test('script and onerror payloads in every text field show as text and never run', async () => {
    const xss = (field) => `<script>window.__xss="${field}"</script><img src=x onerror="window.__xss='${field}'">${field}`;
    const evil = course('evil', {
      title: xss('title'),
      summary: xss('summary'),
      description: `${xss('description')}\n\n${xss('paragraph')}`,
      provider: xss('provider'),
      objectives: [xss('objective')],
      prerequisites: [xss('prerequisite')],
      url: 'javascript:window.__xss="url"',
      sessions: [
        {
          id: 's-evil',
          start: '2030-03-12T09:30:00+01:00',
          end: '2030-03-12T12:30:00+01:00',
          format: 'presentiel',
          location: { city: xss('city'), region: xss('region') },
          seats_left: 3,
          registration_url: 'JaVaScRiPt:window.__xss="registration"',
        },
      ],
    });
    const page = await app.newPage();
    await serveCatalogue(
      page,
      catalogue([evil], {
        domains: [{ id: 'data', label: xss('domain'), description: xss('domain description') }],
        figures: [{ value: xss('figure'), label: xss('figure label') }],
        trainer_call: { open: true, sought_skills: [xss('skill')] },
      }),
    );
    for (const hash of ['', 'catalogue/?q=title', 'formation/?id=evil']) {
      await page.goto(app.url + hash);
      await waitForApp(page);
      await page.waitForFunction(() => !document.querySelector('.campus-loading'));
      await page.waitForTimeout(50);
      assert.equal(await page.evaluate(() => window.__xss), undefined, `nothing ran on ${hash}`);
      assert.equal(await page.locator('main img, main script').count(), 0, `no element injected on ${hash}`);
      assert.equal(await page.locator('a[href^="javascript:" i]').count(), 0, `no javascript: link on ${hash}`);
    }
    const text = await page.textContent('main');
    for (const field of ['title', 'description', 'paragraph', 'provider', 'objective', 'prerequisite', 'city', 'region']) {
      assert.ok(text.includes(`<script>window.__xss="${field}"</script>`), `${field} shows as text`);
    }
    assert.equal(await page.locator('a:has-text("S\'inscrire")').count(), 0, 'no registration link for a javascript: URL');
    assert.equal(await page.locator('a:has-text("En savoir plus")').count(), 0);
    assertNoProblems(page);
  });
});

describe('English', () => {
  test('filters, counts and course pages are translated', async () => {
    const page = await open('catalogue/');
    await page.click('header .fr-header__tools .fr-translate__btn');
    await page.click('header .fr-header__tools .fr-translate__language[lang="en"]');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.match(await heading(page), /^\d[\d,]* trainings/);
    assert.match(await page.textContent('.campus-filters'), /Type of training/);
    await page.click('#filtre-type-bouton');
    assert.match(await page.textContent('.campus-filters'), /Learning path/);
    await assertAccessible(page, 'catalogue in English');
    assertNoProblems(page);
  });
});

describe('small screens', () => {
  test('filters fold behind a button, results come first', async () => {
    const page = await open('catalogue/', { viewport: { width: 390, height: 844 } });
    assert.equal(await page.isVisible('label[for="filtre-type-module"]'), false);
    const toggle = page.locator('.campus-filters button[aria-controls="filtres-contenu"]');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    await page.click('#filtre-type-bouton');
    await page.click('label[for="filtre-type-module"]');
    await page.waitForFunction(() => campusRoute.includes('type=module'));
    assert.match(await toggle.textContent(), /Masquer les filtres \(1\)/);
    await assertAccessible(page, 'filters open on a phone');
    assertNoProblems(page);
  });
});
