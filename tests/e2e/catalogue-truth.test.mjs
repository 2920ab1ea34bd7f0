// The catalogue states true facts: the session a card announces is one the
// filters keep (region, format), with its city and format, and the course page
// shows the same sessions; full sessions offer neither registration nor a
// calendar entry; unknown filter values in the URL are dropped with a warning;
// on a phone a button takes the reader from the filters to the results; data
// cannot break the layout (a 100,000-character word, a flood of combining marks).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { assertAccessible, assertNoProblems, follow, startApp, waitForApp, waitForPageFocus } from './support/harness.mjs';
import { catalogue, course, holdCatalogue, serveCatalogue } from './support/fixtures.mjs';
import { continueTo, fillExpertise, fillYou, openApplicationPage } from './support/applicant.mjs';

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

const session = (id, day, city, region, format = 'presentiel', seats = 5) => ({
  id,
  start: `2030-03-${String(day).padStart(2, '0')}T09:30:00+01:00`,
  end: `2030-03-${String(day).padStart(2, '0')}T12:30:00+01:00`,
  format,
  location: { city, region },
  seats_left: seats,
  registration_url: `https://example.gouv.fr/inscription/${id}`,
});

// Alpha: Occitanie on 3 March (full), Occitanie on 10 March, Normandie on 17 March.
const ALPHA = course('alpha', {
  title: 'Alpha des données',
  format: 'hybride',
  sessions: [
    session('s1', 3, 'Toulouse', 'Occitanie', 'presentiel', 0),
    session('s2', 10, 'Montpellier', 'Occitanie', 'distanciel'),
    session('s3', 17, 'Rouen', 'Normandie'),
  ],
});
const BETA = course('beta', { title: 'Beta', domains: ['cybersecurite', 'data'], sessions: [session('t1', 5, 'Caen', 'Normandie')] });
const DATA = catalogue([ALPHA, BETA]);

async function open(path, { viewport, data = DATA, allowConsole } = {}) {
  const page = await app.newPage({ viewport, allowConsole });
  await serveCatalogue(page, data);
  await page.goto(app.url + path);
  await waitForApp(page);
  return page;
}

const card = (page, title) => page.locator('.campus-course-card', { hasText: title });

test('with a region filter, the card announces a session of that region, with its city and format', async () => {
  const page = await open('catalogue/?region=Normandie');
  await card(page, 'Alpha des données').waitFor();
  const alpha = await card(page, 'Alpha des données').textContent();
  assert.match(alpha, /17 mars 2030 · Rouen · En présentiel/);
  assert.doesNotMatch(alpha, /Toulouse|Montpellier|10 mars|3 mars/);
  // Without the filter: the first session with seats (the full 3 March one is skipped).
  const all = await open('catalogue/');
  await card(all, 'Alpha des données').waitFor();
  assert.match(await card(all, 'Alpha des données').textContent(), /10 mars 2030 · Montpellier · /);
  // Every domain of a course is on its card.
  assert.match(await card(all, 'Beta').textContent(), /Cybersécurité, Data/);
  // The course link carries the region; the course page shows the same sessions.
  await page.click('a:has-text("Alpha des données")');
  await page.waitForSelector('#sessions-filtrees');
  const sessions = await page.locator('.campus-session').allTextContents();
  assert.equal(sessions.length, 1);
  assert.match(sessions[0], /Rouen/);
  await assertAccessible(page, 'course page narrowed to a region');
  await page.click('#sessions-filtrees a:has-text("Voir toutes les sessions")');
  await page.waitForFunction(() => document.querySelectorAll('.campus-session').length === 3);
  assertNoProblems(page);
  assertNoProblems(all);
});

test('a full session offers neither registration nor a calendar entry', async () => {
  const page = await open('formation/?id=alpha');
  await page.waitForSelector('.campus-session');
  const full = page.locator('.campus-session', { hasText: 'Toulouse' });
  assert.match(await full.textContent(), /Complet/);
  assert.equal(await full.locator('a:has-text("S\'inscrire"), button:has-text("Ajouter à mon agenda")').count(), 0);
  const open2 = page.locator('.campus-session', { hasText: 'Rouen' });
  assert.equal(await open2.locator('button:has-text("Ajouter à mon agenda")').count(), 1);
  assertNoProblems(page);
});

test('unknown filter values in the URL are dropped: no tag, all courses, a warning listing the valid ids', async () => {
  for (const bad of ['domaine=cyber', 'domaine=Cybers%C3%A9curit%C3%A9', 'region=Atlantide']) {
    const page = await open(`catalogue/?${bad}`);
    await card(page, 'Beta').waitFor();
    assert.equal(await page.locator('.fr-tag').count(), 0, `${bad}: no tag`);
    assert.equal(await page.locator('.campus-course-card').count(), 2, `${bad}: every course`);
    await page.waitForFunction(() => !campusRoute.includes('domaine=') && !campusRoute.includes('region='));
    const warning = page.warnings.find((w) => w.includes('unknown filter value'));
    assert.ok(warning, `${bad}: a console warning`);
    assert.match(warning, bad.startsWith('domaine') ? /data, cybersecurite/ : /Normandie, Occitanie/);
    assertNoProblems(page);
  }
  // A known value still filters.
  const page = await open('catalogue/?domaine=cybersecurite&domaine=nope');
  await page.waitForFunction(() => document.querySelectorAll('.campus-course-card').length === 1);
  assert.equal(await page.locator('.fr-tag').count(), 1);
  assertNoProblems(page);
});

test('on a phone, "Voir les N formations" closes the filters and takes focus to the results', async () => {
  const page = await open('catalogue/', { viewport: { width: 390, height: 844 } });
  await page.click('button[aria-controls="filtres-contenu"]');
  await page.click('#filtre-region-bouton');
  await page.click('label:has-text("Normandie")');
  const button = page.locator('.campus-see-results');
  await button.waitFor();
  assert.match(await button.textContent(), /Voir les 2\u00a0formations/);
  await button.click();
  await page.waitForFunction(() => document.activeElement?.id === 'resultats');
  assert.equal(await page.getAttribute('button[aria-controls="filtres-contenu"]', 'aria-expanded'), 'false');
  const top = await page.evaluate(() => document.getElementById('resultats').getBoundingClientRect().top);
  assert.ok(top >= -1 && top < 844, `results heading in view (top ${top})`);
  await assertAccessible(page, 'catalogue on a phone after "Voir les formations"');
  // Desktop: the button is not shown (filters sit beside the results).
  const wide = await open('catalogue/');
  assert.equal(await wide.locator('.campus-see-results').isVisible(), false);
  assertNoProblems(page);
});

test('a 100,000-character word wraps and a flood of combining marks stays in its card', async () => {
  const word = 'a'.repeat(100_000);
  const marks = 'Z' + '\u0336\u0301\u0300\u0308'.repeat(400) + 'algo';
  const data = catalogue([
    course('long', { title: `Titre ${word}`, summary: word }),
    course('marks', { title: `Données ${marks}`, summary: marks }),
  ]);
  for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
    const page = await open('catalogue/', { viewport, data });
    await page.waitForSelector('.campus-course-card');
    // Each card in view in turn (a card out of view is not laid out), the
    // page's width with it.
    const width = await page.evaluate(async () => {
      let widest = 0;
      for (const li of document.querySelectorAll('.campus-results > li')) {
        li.scrollIntoView();
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        widest = Math.max(widest, document.documentElement.scrollWidth);
      }
      return widest;
    });
    assert.ok(width <= viewport.width, `page ${width} px wide at ${viewport.width} px`);
    // Opening the language menu does not widen the page either.
    if (viewport.width > 1000) {
      await page.click('.fr-translate button');
      assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= viewport.width, 'language menu inside the page');
      await page.click('.fr-translate button');
    }
    const clipped = await page.evaluate(() =>
      [...document.querySelectorAll('.campus-course-card, .campus-course-card .fr-card__title')].every(
        (el) => getComputedStyle(el).overflowY === 'clip',
      ),
    );
    assert.ok(clipped, 'cards and titles clip what overflows them');
    await page.goto(app.url + 'formation/?id=marks');
    await waitForApp(page);
    const h1 = await page.evaluate(() => {
      const r = document.querySelector('main h1').getBoundingClientRect();
      const header = document.querySelector('header').getBoundingClientRect();
      return { clip: getComputedStyle(document.querySelector('main h1')).overflowY, top: r.top, headerBottom: header.bottom };
    });
    assert.equal(h1.clip, 'clip');
    assert.ok(h1.top >= h1.headerBottom, 'the heading box starts below the header');
    assertNoProblems(page);
  }
});

describe('search finds what agents mean', () => {
  const count = async (page) => {
    await page.waitForSelector('#resultats');
    return Number((await page.textContent('#resultats')).replace(/\s/g, '').match(/\d+/)?.[0] ?? 0);
  };

  test('domain labels, session cities, acronyms (IA is not IaaS) on the bundled catalogue', async () => {
    const bundled = await app.newPage();
    await bundled.goto(app.url + 'catalogue/?q=cybers%C3%A9curit%C3%A9');
    await waitForApp(bundled);
    assert.ok((await count(bundled)) >= 25, 'every course of the domain');
    await bundled.goto(app.url + 'catalogue/?q=lyon');
    await waitForApp(bundled);
    assert.ok((await count(bundled)) >= 1, 'a session city');
    await bundled.goto(app.url + 'catalogue/?q=IA');
    await waitForApp(bundled);
    await bundled.waitForSelector('.campus-course-card');
    const titles = await bundled.locator('.campus-course-card .fr-card__title').allTextContents();
    assert.ok(titles.length > 0);
    assert.ok(!titles.some((t) => t.includes('IaaS')), 'IA does not match IaaS');
    assertNoProblems(bundled);
  });

  test('decomposed accents and zero-width spaces are found; a misspelling proposes the right word', async () => {
    const data = catalogue([
      course('nfd', { title: 'Se\u0301curite\u0301 du poste de travail' }),
      course('zw', { title: 'Cyber\u200bsécurité des collectivités', domains: ['cybersecurite'] }),
      course('autre', { title: 'Tableaux de bord' }),
    ]);
    const page = await open('catalogue/?q=securite', { data });
    await page.waitForSelector('.campus-course-card');
    assert.match(await page.textContent('.campus-results'), /poste de travail/);
    await page.goto(app.url + 'catalogue/?q=cybersecurite');
    await waitForApp(page);
    await page.waitForSelector('.campus-course-card');
    assert.match(await page.textContent('.campus-results'), /collectivités/);
    await page.goto(app.url + 'catalogue/?q=cybrsecurt%C3%A9');
    await waitForApp(page);
    await page.waitForSelector('#vouliez-vous-dire');
    assert.match(await page.textContent('#vouliez-vous-dire'), /Vouliez-vous dire «\u00a0cybersécurité\u00a0»\u00a0\?/);
    await assertAccessible(page, 'no results with a spelling suggestion');
    await page.click('#vouliez-vous-dire a');
    await page.waitForSelector('.campus-course-card');
    assertNoProblems(page);
  });

  test('the home page search box opens the catalogue on the text typed', async () => {
    const page = await open('');
    await page.fill('#recherche-accueil-texte', 'rouen');
    await page.press('#recherche-accueil-texte', 'Enter');
    await page.waitForFunction(() => campusRoute.startsWith('catalogue/?q=rouen'));
    await assertAccessible(page, 'catalogue from the home search');
    await page.waitForSelector('.campus-course-card');
    assertNoProblems(page);
  });

  test('"this may already exist" ranks on any significant word', async () => {
    const page = await app.newPage();
    await openApplicationPage(app, { page });
    await page.click('button:has-text("Commencer ma candidature")');
    await fillYou(page);
    await continueTo(page, 'Votre expertise');
    await fillExpertise(page);
    await continueTo(page, 'Votre proposition');
    await page.click('label[for="f-proposal_kind-idee-programme"]');
    await page.fill('#f-idea_title', 'Accessibilité des PDF');
    await page.waitForSelector('.campus-similar');
    assert.match(await page.textContent('.campus-similar'), /documents bureautiques et PDF accessibles/);
    assertNoProblems(page);
  });
});

describe('exports tell the same facts', () => {
  test('a three-day session: daily hours on the page and one calendar event per day', async () => {
    const data = catalogue([
      course('trois', {
        title: 'Trois jours',
        sessions: [{ ...session('m1', 11, 'Lyon', 'Auvergne-Rhône-Alpes'), end: '2030-03-13T17:00:00+01:00' }],
      }),
    ]);
    const page = await open('formation/?id=trois', { data });
    await page.waitForSelector('.campus-session');
    assert.match(await page.textContent('.campus-session'), /Du lundi 11 au mercredi 13 mars 2030, de 9\u00a0h\u00a030 à 17\u00a0h\u00a000 chaque jour/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button:has-text("Ajouter à mon agenda")')]);
    const ics = await readFile(await download.path(), 'utf8');
    assert.equal(ics.match(/BEGIN:VEVENT/g)?.length, 3);
    assert.match(ics, /DTSTART:20300311T083000Z/);
    assert.match(ics, /DTEND:20300313T160000Z/);
    assert.doesNotMatch(ics, /DTEND:20300311T160000Z[\s\S]*DTSTART:20300311/, 'no event across the nights');
    assertNoProblems(page);
  });

  test('CSV in English: English headers and labels, links to the course and to registration', async () => {
    const page = await app.newPage();
    await page.addInitScript(() => localStorage.setItem('campus.locale', 'en'));
    await serveCatalogue(page, DATA);
    await page.goto(app.url + 'catalogue/?region=Normandie');
    await waitForApp(page);
    await page.waitForSelector('.campus-course-card');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button:has-text("Export the results (CSV)")')]);
    const csv = await readFile(await download.path(), 'utf8');
    const [header, ...rows] = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    assert.match(header, /Title/);
    assert.match(header, /Course page/);
    assert.doesNotMatch(header, /Titre/);
    const alpha = rows.find((r) => r.includes('Alpha des données'));
    assert.ok(alpha.includes('formation/?id=alpha'), alpha);
    assert.ok(alpha.includes('https://example.gouv.fr/inscription/s3'), 'the Normandie session');
    assert.ok(alpha.includes('Rouen'));
    assert.doesNotMatch(alpha, /;decouverte;|tous-agents/, 'labels, not ids');
    assertNoProblems(page);
  });
});

describe('the trainer call comes from the data', () => {
  const withCall = (trainer_call) => catalogue([ALPHA], { trainer_call });

  test('open until its deadline: says so and offers to apply; the home page lists the skills once', async () => {
    const page = await open('devenir-formateur/', {
      data: withCall({ open: true, year: 2031, deadline: '2031-03-31', sought_skills: ['Data', 'Design'] }),
    });
    await page.waitForSelector('#etat-appel:not([aria-busy])');
    assert.equal(
      (await page.textContent('#etat-appel')).trim(),
      "L'appel à formateurs bénévoles 2031 est ouvert jusqu'au 31 mars 2031.",
    );
    assert.ok((await page.locator('main a[href$="candidature/"]').count()) >= 1, 'apply offered');
    // The home page in this document (a new one shows the summary its file
    // carries, written from the build's catalogue).
    await follow(page, './');
    await page.waitForFunction(() => campusRoute === '');
    await page.waitForSelector('.fr-callout');
    const home = await page.textContent('main');
    assert.equal(home.match(/Compétences recherchées/g)?.length, 1, 'the sought skills once');
    assert.doesNotMatch(home, /recherche des formateurs bénévoles en coaching produit/, 'no hard-coded second list');
    assert.match(home, /2031 est ouvert jusqu'au 31 mars 2031/);
    assertNoProblems(page);
  });

  test('past its deadline, or closed: says why, and offers no application', async () => {
    for (const [call, why] of [
      [{ open: true, year: 2020, deadline: '2020-01-31' }, /s'est terminé le 31 janvier 2020\u00a0: les candidatures ne sont plus acceptées/],
      [{ open: false, title: 'Appel à formateurs bénévoles 2030' }, /«\u00a0Appel à formateurs bénévoles 2030\u00a0» est fermé pour le moment/],
    ]) {
      const page = await open('devenir-formateur/', { data: withCall(call) });
      await page.waitForSelector('#etat-appel:not([aria-busy])');
      assert.match(await page.textContent('#etat-appel'), why);
      assert.equal(await page.locator('main a[href$="candidature/"]').count(), 0, 'no application offered');
      await assertAccessible(page, 'closed call');
      await page.goto(app.url + 'candidature/');
      await page.waitForSelector('#appel-ferme');
      assert.match(await page.textContent('#appel-ferme'), why);
      assert.equal(await page.locator('button:has-text("Commencer ma candidature")').count(), 0);
      assertNoProblems(page);
    }
  });

  test('while the catalogue is on its way, the call is neither said open nor closed, and no application starts', async () => {
    const page = await app.newPage();
    const release = await holdCatalogue(page, withCall({ open: true, year: 2020, deadline: '2020-01-31' }));
    // The home page starts from its summary; the call's page is opened from
    // it, in the app, before the catalogue has come (its own file would keep
    // its static content until then).
    await page.goto(app.url);
    await waitForApp(page);
    await follow(page, 'devenir-formateur/');
    await page.waitForSelector('#etat-appel');
    const status = page.locator('#etat-appel');
    assert.equal((await status.textContent()).trim(), "Vérification de l'état de l'appel à formateurs bénévoles…");
    assert.equal(await status.getAttribute('aria-busy'), 'true');
    assert.equal(await status.getAttribute('role'), 'status', 'the answer is announced when it comes');
    assert.equal(await page.locator('main a[href$="candidature/"]').count(), 0, 'no application offered yet');
    await assertAccessible(page, 'call being checked');
    // The application start waits too: no button that the answer would take away.
    await follow(page, 'candidature/');
    await waitForPageFocus(page, 'Candidature des formateurs bénévoles');
    await page.waitForSelector('#depart-en-attente');
    assert.match(await page.textContent('#depart-en-attente'), /Vérification de l'état de l'appel/);
    assert.equal(await page.locator('button:has-text("Commencer ma candidature")').count(), 0);
    await assertAccessible(page, 'application start, call being checked');
    release();
    await page.waitForSelector('#appel-ferme');
    assert.match(await page.textContent('#appel-ferme'), /s'est terminé le 31 janvier 2020/);
    assert.equal(await page.locator('#depart-en-attente, button:has-text("Commencer ma candidature")').count(), 0);
    await follow(page, 'devenir-formateur/');
    await page.waitForSelector('#etat-appel:not([aria-busy])');
    assert.match(await page.textContent('#etat-appel'), /s'est terminé le 31 janvier 2020/);
    assertNoProblems(page);
  });
});
