// Every course page has a next step, as its one primary button: register for
// a session, start the e-learning, write to the training team, or ask for the
// course — never "S'inscrire" on a sur-mesure programme, never a dead end. The
// audience, who may attend and the price are stated near the top. Hostile
// values of the new contract fields (contact, access_url, eligibility, price)
// are dropped with a console warning and never become links.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessible, assertNoProblems, follow, startApp, waitForApp } from './support/harness.mjs';
import { bundledCatalogue, catalogue, course, serveCatalogue } from './support/fixtures.mjs';

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

const BUNDLED = bundledCatalogue();
const NOW = Date.now();
const upcoming = (c) => c.sessions.filter((s) => Date.parse(s.start) >= NOW);
const hasSeats = (s) => s.seats_left !== 0;
const live = (c) => c.kind !== 'sur-mesure' && c.format !== 'e-learning';

/** The first bundled course that `keep` accepts (the sample has each kind). */
function bundled(what, keep) {
  const found = BUNDLED.courses.find(keep);
  assert.ok(found, `the bundled catalogue has ${what} today`);
  return found;
}

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
/** "1er mars 2027", "12 mars 2027": the session's own date, in its offset. */
const frDate = (start) => {
  const [y, m, d] = start.slice(0, 10).split('-').map(Number);
  return `${d === 1 ? '1er' : d} ${MONTHS[m - 1]} ${y}`;
};

/** Primary buttons in the page's main content (secondary and tertiary ones excluded). */
const PRIMARY = 'main .fr-btn:not(.fr-btn--secondary):not(.fr-btn--tertiary):not(.fr-btn--tertiary-no-outline)';

async function openCourse(id, { data, viewport, locale } = {}) {
  const page = await app.newPage({ viewport });
  if (locale) await page.addInitScript((l) => localStorage.setItem('campus.locale', l), locale);
  if (data) await serveCatalogue(page, data);
  // A served catalogue is not the one the pages were written for: its
  // courses open through the generic course page.
  await page.goto(data ? `${app.url}formation/?id=${encodeURIComponent(id)}` : `${app.url}formation/${id}/`);
  await waitForApp(page);
  await page.waitForSelector('.campus-next-step');
  return page;
}

/** The one primary button of the page: asserts there is exactly one. */
async function mainButton(page) {
  const buttons = page.locator(PRIMARY);
  assert.equal(await buttons.count(), 1, `exactly one primary button: ${await buttons.allTextContents()}`);
  return buttons.first();
}

const text = async (locator) => (await locator.textContent()).trim();
const subjectOf = (href) => decodeURIComponent(href.slice(href.indexOf('?subject=') + '?subject='.length));

/** The "Écrire à l'équipe pédagogique" link is a plain mailto: with only a subject naming the course. */
async function assertWriteLink(page, c) {
  const write = page.locator('main .campus-next-step a.fr-btn--secondary[href^="mailto:"]');
  assert.equal(await write.count(), 1, 'one secondary "write to the team" link');
  assert.equal(await text(write), "Écrire à l'équipe pédagogique");
  const href = await write.getAttribute('href');
  assert.ok(href.startsWith(`mailto:${c.contact}?subject=`), href);
  assert.doesNotMatch(href, /[\s&]|%0[AD]/i, 'nothing but the subject, encoded');
  assert.equal(subjectOf(href), `Formation «\u00a0${c.title}\u00a0»`);
}

describe('the bundled catalogue: one next step per kind of course', () => {
  test('a course with an open session: "S\'inscrire à la session du <date> (<ville>)" to its registration page', async () => {
    const c = bundled('a course with an open session', (x) => live(x) && upcoming(x).some((s) => hasSeats(s) && s.registration_url));
    const session = upcoming(c).find((s) => hasSeats(s) && s.registration_url);
    const page = await openCourse(c.id);
    const main = await mainButton(page);
    const place = session.location?.city ?? 'à distance';
    assert.equal(await text(main), `S'inscrire à la session du ${frDate(session.start)} (${place})`);
    assert.equal(await main.getAttribute('href'), session.registration_url);
    assert.equal(await main.getAttribute('target'), '_blank');
    assert.match(await main.getAttribute('title'), /nouvelle fenêtre$/);
    // Per-session registrations stay, as secondary buttons.
    assert.ok((await page.locator('.campus-session a.fr-btn--secondary:has-text("S\'inscrire")').count()) >= 1);
    await assertWriteLink(page, c);
    // Who it is for and the price, near the top (before the presentation).
    const facts = await text(page.locator('.campus-key-facts'));
    assert.match(facts, /Pour qui\u00a0:/);
    assert.match(facts, /Prix\u00a0:/);
    const before = await page.evaluate(() => {
      const facts = document.querySelector('.campus-key-facts');
      const about = [...document.querySelectorAll('main h2')].find((h) => h.textContent === 'Présentation');
      return Boolean(facts.compareDocumentPosition(about) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    assert.ok(before, 'the key facts come before the presentation');
    await assertAccessible(page, 'course with an open session');
    assertNoProblems(page);
  });

  test('an e-learning course: "Commencer la formation en ligne" to its access link', async () => {
    const c = bundled('an e-learning course with an access link', (x) => x.format === 'e-learning' && x.access_url);
    const page = await openCourse(c.id);
    const main = await mainButton(page);
    assert.equal(await text(main), 'Commencer la formation en ligne');
    assert.equal(await main.getAttribute('href'), c.access_url);
    assert.equal(await main.getAttribute('target'), '_blank');
    assert.equal(await page.locator('main a:has-text("S\'inscrire")').count(), 0);
    await assertWriteLink(page, c);
    await assertAccessible(page, 'e-learning course');
    assertNoProblems(page);
  });

  test('an e-learning course without an access link: write to the team', async () => {
    const c = bundled('an e-learning course without an access link', (x) => x.format === 'e-learning' && !x.access_url && x.contact);
    const page = await openCourse(c.id);
    const main = await mainButton(page);
    assert.equal(await text(main), "Écrire à l'équipe pédagogique");
    assert.ok((await main.getAttribute('href')).startsWith(`mailto:${c.contact}?subject=`));
    assert.match(await text(page.locator('.campus-next-step')), /L'accès à cette formation en ligne s'obtient auprès de l'équipe pédagogique/);
    assert.equal(await page.locator('main a[href^="mailto:"]').count(), 1, 'not offered twice');
    await assertAccessible(page, 'e-learning course without an access link');
    assertNoProblems(page);
  });

  test('a sur-mesure programme with an open session is asked for, never registered for', async () => {
    const c = bundled('a sur-mesure programme with an open session', (x) => x.kind === 'sur-mesure' && upcoming(x).some(hasSeats));
    const page = await openCourse(c.id);
    const main = await mainButton(page);
    assert.equal(await text(main), 'Demander cette formation');
    const href = await main.getAttribute('href');
    assert.equal(href, `sur-mesure/?formation=${c.id}`);
    assert.equal(await page.locator('main a:has-text("S\'inscrire")').count(), 0, 'no registration anywhere');
    assert.equal(await page.locator('main button:has-text("Ajouter à mon agenda")').count(), 0, 'no calendar entry');
    const sessions = await page.locator('.campus-session').allTextContents();
    assert.ok(sessions.length >= 1, 'its dated sessions are listed');
    assert.ok(sessions.every((s) => !/place|Complet/.test(s)), `no seats count on a session not open for registration: ${sessions}`);
    assert.equal(await page.locator('.campus-session ul').count(), 0, 'no empty button group');
    const block = await text(page.locator('.campus-next-step'));
    assert.match(block, /Ce programme s'organise sur mesure/);
    assert.match(await text(page.locator('main')), /Programme sur mesure\u00a0: ces dates ne sont pas ouvertes à l'inscription/);
    // Who may ask for it.
    assert.match(await text(page.locator('.campus-key-facts')), new RegExp(`Qui peut participer\u00a0:\\s*${c.eligibility.replace(/[()]/g, '\\$&')}`));
    await assertWriteLink(page, c);
    await assertAccessible(page, 'sur-mesure programme');
    assertNoProblems(page);
  });

  test('a course without a session to come is asked for', async () => {
    const c = bundled('a course without an upcoming session', (x) => live(x) && upcoming(x).length === 0);
    const page = await openCourse(c.id);
    const main = await mainButton(page);
    assert.equal(await text(main), 'Demander cette formation');
    assert.equal(await main.getAttribute('href'), `sur-mesure/?formation=${c.id}`);
    assert.match(await text(page.locator('.campus-next-step')), /Aucune session n'est programmée pour le moment\u00a0: demandez cette formation/);
    await assertAccessible(page, 'course without a session');
    assertNoProblems(page);
  });

  test('a course whose sessions are all full lets an agent ask for a place, and a manager for a team', async () => {
    const c = bundled('a course whose upcoming sessions are all full', (x) => live(x) && upcoming(x).length > 0 && !upcoming(x).some(hasSeats));
    const page = await openCourse(c.id);
    const main = await mainButton(page);
    // One agent wants a place: written to the course's team (else the campus's).
    assert.equal(await text(main), 'Demander une place');
    assert.match(await main.getAttribute('href'), new RegExp(`^mailto:${(c.contact ?? 'campus@numerique.gouv.fr').replace(/[.]/g, '\\.')}\\?subject=`));
    assert.match(await text(page.locator('.campus-next-step')), /Toutes les sessions à venir sont complètes\u00a0: écrivez pour demander une place/);
    // A manager's team: the request form, about this course, as a secondary step.
    const team = page.locator('.campus-next-step a:has-text("Demander une session pour une équipe")');
    assert.equal(await team.getAttribute('href'), `sur-mesure/?formation=${c.id}`);
    assert.equal(await page.locator('main a:has-text("S\'inscrire")').count(), 0);
    await assertAccessible(page, 'course with full sessions');
    assertNoProblems(page);
  });

  test('a paid course states its price; a free one says it is free for public servants', async () => {
    const paid = bundled('a paid course', (x) => !x.free);
    const page = await openCourse(paid.id);
    assert.match(await text(page.locator('.campus-key-facts')), new RegExp(`Prix\u00a0:\\s*${paid.price}`));
    const free = bundled('a free course without a price text', (x) => x.free && !x.price);
    const other = await openCourse(free.id);
    assert.match(await text(other.locator('.campus-key-facts')), /Prix\u00a0:\s*Gratuit pour les agents publics/);
    assertNoProblems(page);
    assertNoProblems(other);
  });
});

describe('a catalogue built for the test', () => {
  const march = (id, day, city, region, seats) => ({
    id,
    start: `2030-03-${String(day).padStart(2, '0')}T09:30:00+01:00`,
    end: `2030-03-${String(day).padStart(2, '0')}T12:30:00+01:00`,
    format: 'presentiel',
    location: { city, region },
    seats_left: seats,
    registration_url: `https://example.gouv.fr/inscription/${id}`,
  });

  const HOSTILE = catalogue([
    course('js', { format: 'e-learning', sessions: [], contact: 'javascript:alert(1)', access_url: 'javascript:alert(1)' }),
    course('crlf', { contact: 'a@b.fr\r\nBcc: x@y', eligibility: 'Agents '.repeat(1430).slice(0, 10_000) }),
    course('types', { free: false, price: 450, eligibility: 42, contact: ['a@b.fr'], access_url: {} }),
    course('good', {
      title: 'Données & IA : « premiers pas »',
      free: false,
      price: '390\u00a0€ par participant',
      eligibility: 'Agents des trois fonctions publiques',
      contact: 'equipe.data@numerique.gouv.fr',
    }),
  ]);

  test('hostile values are dropped with a warning; each page renders with one primary button', async () => {
    const expectations = {
      js: { label: 'Demander cette formation', note: /Le lien d'accès à cette formation en ligne n'est pas publié/ },
      crlf: { label: "S'inscrire à la session du 12 mars 2030 (Lyon)" },
      types: { label: "S'inscrire à la session du 12 mars 2030 (Lyon)", price: 'Payant, tarif non précisé' },
      good: { label: "S'inscrire à la session du 12 mars 2030 (Lyon)", price: '390\u00a0€ par participant' },
    };
    for (const [id, want] of Object.entries(expectations)) {
      const page = await openCourse(id, { data: HOSTILE });
      assert.ok((await text(page.locator('main h1'))).length > 0, `${id}: the page renders`);
      assert.equal(await page.locator('.campus-skipped').count(), 0, `${id}: no course skipped`);
      const main = await mainButton(page);
      assert.equal(await text(main), want.label, id);
      if (want.note) assert.match(await text(page.locator('.campus-next-step')), want.note);
      if (want.price) assert.match(await text(page.locator('.campus-key-facts')), new RegExp(`Prix\u00a0:\\s*${want.price}`));
      assert.equal(await page.locator('a[href^="javascript:" i]').count(), 0, `${id}: no javascript: link`);
      const mailtos = await page.locator('main a[href^="mailto:"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      if (id === 'good') {
        assert.equal(mailtos.length, 1);
        assert.equal(subjectOf(mailtos[0]), 'Formation «\u00a0Données & IA : « premiers pas »\u00a0»');
        assert.doesNotMatch(mailtos[0], /&|\s/, 'the & of the title is encoded');
        assert.match(await text(page.locator('.campus-key-facts')), /Qui peut participer\u00a0:\s*Agents des trois fonctions publiques/);
      } else {
        assert.deepEqual(mailtos, [], `${id}: no mailto for a dropped contact`);
        assert.doesNotMatch(await text(page.locator('.campus-key-facts')), /Qui peut participer/, `${id}: no eligibility shown`);
      }
      await assertAccessible(page, `hostile catalogue, course ${id}`);
      assertNoProblems(page);
      // Every dropped value is named in the console (never echoed).
      const warned = page.warnings.filter((w) => w.includes('field')).join('\n');
      assert.match(warned, /#0 \(js\): field contact ignored: not a plain email address/);
      assert.match(warned, /#0 \(js\): field access_url ignored: not an absolute http\(s\) URL/);
      assert.match(warned, /#1 \(crlf\): field contact ignored: not a plain email address/);
      assert.match(warned, /#1 \(crlf\): field eligibility ignored: longer than 300 characters/);
      for (const field of ['price', 'eligibility', 'contact', 'access_url']) {
        assert.match(warned, new RegExp(`#2 \\(types\\): field ${field} ignored: not a string`));
      }
      assert.doesNotMatch(warned, /good|Bcc|alert/, 'values are not echoed; good values not reported');
      await page.close();
    }
  });

  test('with a region filter whose sessions are full, the next open session elsewhere is offered, and said to be', async () => {
    const data = catalogue([
      course('alpha', {
        title: 'Alpha',
        sessions: [march('occ', 3, 'Toulouse', 'Occitanie', 5), march('nor', 10, 'Rouen', 'Normandie', 0)],
      }),
    ]);
    const page = await app.newPage();
    await serveCatalogue(page, data);
    await page.goto(`${app.url}formation/?id=alpha&region=Normandie`);
    await waitForApp(page);
    await page.waitForSelector('.campus-next-step');
    const main = await mainButton(page);
    assert.equal(await text(main), "S'inscrire à la session du 3 mars 2030 (Toulouse)");
    assert.match(await text(page.locator('.campus-next-step')), /Aucune session correspondant à votre recherche n'a de places disponibles/);
    await page.goto(`${app.url}formation/?id=alpha`);
    await page.waitForFunction(() => !document.querySelector('.campus-next-step')?.textContent.includes('Aucune session correspondant'));
    await assertAccessible(page, 'next open session outside the filters');
    assertNoProblems(page);
  });
});

describe('everywhere', () => {
  test('in English: the next step, who it is for and the price are translated', async () => {
    const sur = bundled('a sur-mesure programme', (x) => x.kind === 'sur-mesure');
    const page = await openCourse(sur.id, { locale: 'en' });
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    const main = await mainButton(page);
    assert.equal(await text(main), 'Request this training');
    assert.equal(await main.getAttribute('href'), `sur-mesure/?formation=${sur.id}`);
    const facts = await text(page.locator('.campus-key-facts'));
    assert.match(facts, /Who it is for:/);
    assert.match(facts, /Price:/);
    assert.doesNotMatch(facts.replace(sur.eligibility, '').replace(sur.price ?? '', ''), /\u00a0/, 'no French spacing in English labels');
    const write = page.locator('main .campus-next-step a.fr-btn--secondary');
    assert.equal(await text(write), 'Write to the training team');
    assert.equal(subjectOf(await write.getAttribute('href')), `Training \u201c${sur.title}\u201d`);
    await assertAccessible(page, 'sur-mesure programme in English');

    const c = bundled('a course with an open session', (x) => live(x) && upcoming(x).some((s) => hasSeats(s) && s.registration_url));
    const s = upcoming(c).find((x) => hasSeats(x) && x.registration_url);
    const en = await openCourse(c.id, { locale: 'en' });
    const [y, m, d] = s.start.slice(0, 10).split('-').map(Number);
    const month = new Date(Date.UTC(y, m - 1, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
    assert.equal(await text(await mainButton(en)), `Register for the ${d} ${month} ${y} session (${s.location?.city ?? 'online'})`);
    assertNoProblems(page);
    assertNoProblems(en);
  });

  test('the language a course is taught in: said in English always, in French when it is not French only', async () => {
    const english = bundled('a course taught in English', (x) => (x.languages ?? []).join() === 'en');
    const french = bundled('a course with no language (French)', (x) => !x.languages);
    const facts = async (id, locale) => {
      const page = await openCourse(id, { locale });
      if (locale) await page.waitForFunction(() => document.documentElement.lang === 'en');
      const t = await text(page.locator('.campus-key-facts'));
      assertNoProblems(page);
      return { page, t };
    };
    const fr = await facts(english.id);
    assert.match(fr.t, /Langue d'enseignement\u00a0:\s*Anglais/);
    await assertAccessible(fr.page, 'course taught in English, French interface');
    assert.doesNotMatch((await facts(french.id)).t, /Langue/, 'a French course says nothing in French');
    assert.match((await facts(english.id, 'en')).t, /Taught in:\s*English/);
    assert.match((await facts(french.id, 'en')).t, /Taught in:\s*French/);
    // The static page, before the app starts, says the same.
    const res = await fetch(`${app.url}formation/${english.id}/`);
    assert.match(await res.text(), /Langue d'enseignement/);
  });

  test('on a 390 px phone the next step fits, comes before the presentation, and is reachable', async () => {
    const c = bundled('a sur-mesure programme', (x) => x.kind === 'sur-mesure');
    const page = await openCourse(c.id, { viewport: { width: 390, height: 844 } });
    const main = await mainButton(page);
    const box = await main.boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= 390, `the button fits (${box.x}+${box.width})`);
    assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 390, 'no horizontal scroll');
    const about = await page.locator('main h2:has-text("Présentation")').boundingBox();
    assert.ok(box.y < about.y, 'the next step comes before the presentation');
    await assertAccessible(page, 'course page on a phone');
    assertNoProblems(page);
  });

  test('keyboard: from the heading, Tab reaches the next step first', async () => {
    const page = await app.newPage();
    await page.goto(`${app.url}catalogue/`);
    await waitForApp(page);
    await page.waitForSelector('.campus-course-card');
    // A route change puts focus on the new page's heading; one Tab later, on the next step.
    const arrive = async (c) => {
      // In the app: a link followed (a new document would keep the browser's focus).
      await follow(page, `formation/${c.id}/`);
      await page.waitForFunction((t) => document.activeElement?.tagName === 'H1' && document.activeElement.textContent === t, c.title);
      await page.keyboard.press('Tab');
      return page.evaluate(() => {
        const el = document.activeElement;
        return { inStep: Boolean(el?.closest('.campus-next-step')), primary: Boolean(el?.matches('.fr-btn:not(.fr-btn--secondary)')), href: el?.getAttribute('href') };
      });
    };
    const c = bundled('a course with an open session', (x) => live(x) && upcoming(x).some((s) => hasSeats(s) && s.registration_url));
    const first = await arrive(c);
    assert.ok(first.inStep && first.primary, `the primary button has focus after one Tab: ${JSON.stringify(first)}`);
    const ask = bundled('a sur-mesure programme', (x) => x.kind === 'sur-mesure');
    const second = await arrive(ask);
    assert.equal(second.href, `sur-mesure/?formation=${ask.id}`);
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => campusRoute === `sur-mesure/?formation=${id}`, ask.id);
    assertNoProblems(page);
  });
});
