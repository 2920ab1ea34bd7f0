// The sur-mesure request: a manager asks the campus for a tailor-made programme.
// The form is data on the same step engine as the trainer application, so these
// tests check that engine's promises again for a second form: its own steps and
// words, its own draft (never mixed with a trainer's), its own schema, the same
// receiver contract, the same fallbacks, hostile links and values, keyboard,
// phone and English. axe-core on every step.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { schemaValidator } from './support/schemas.mjs';
import { assertAccessible, assertFocused, assertNoProblems, follow, startApp, waitForApp, waitForPageFocus } from './support/harness.mjs';
import { startReceiver } from './support/receiver.mjs';
import { holdCatalogue } from './support/fixtures.mjs';
import { continueTo, fillNeed, fillRequester, fillYou, openApplicationPage, pick, stepTitle } from './support/applicant.mjs';

const validateRequest = schemaValidator('request.schema.json');

const COURSE = 'sur-mesure-cyber-exercice-comex';
const COURSE_TITLE = "Exercice de crise cyber pour le comité exécutif d'un ministère";

let app;
let receiver;
before(async () => {
  app = await startApp();
  receiver = await startReceiver();
});
after(async () => {
  await app?.close();
  await receiver?.close();
});

/** A page on the request's start page (`route`), config pointing at `endpoint`. */
const openRequest = ({ endpoint = receiver.url, route = 'sur-mesure/', ...rest } = {}) =>
  openApplicationPage(app, { endpoint: null, config: { requests_endpoint: endpoint }, route, ...rest });

async function toReview(page, { axe = false } = {}) {
  await page.click('button:has-text("Commencer ma demande")');
  await page.waitForSelector('#f-requester_first_name');
  if (axe) await assertAccessible(page, 'request step 1');
  await fillRequester(page);
  await continueTo(page, 'Votre besoin');
  if (axe) await assertAccessible(page, 'request step 2');
  await fillNeed(page);
  await continueTo(page, 'Vérifiez votre demande');
}

test('from a sur-mesure course to the confirmation: own steps, the course named, one payload matching its schema', async () => {
  receiver.state.mode = 'ok';
  const before = receiver.state.stored.size;
  const page = await openRequest({ route: `sur-mesure/?formation=${COURSE}` });
  assert.equal(await stepTitle(page), 'Demander une formation sur mesure');
  assert.match(await page.title(), /^Demander une formation sur mesure - /);
  // The catalogue's sur-mesure programmes are given as examples.
  await page.locator(`main a[href="formation/${COURSE}/"]`).waitFor();
  await assertAccessible(page, 'request start');
  await toReview(page, { axe: true });
  // The course it came from is named on the review (prefilled, not typed).
  assert.ok((await page.textContent('main')).includes(COURSE_TITLE));
  // Typed markup is shown as text.
  assert.ok((await page.textContent('main')).includes('<b>gras</b>'));
  await assertAccessible(page, 'request review');
  await page.click('button:has-text("Envoyer ma demande")');
  await page.waitForSelector('#erreurs');
  assert.match(await page.textContent('#erreurs'), /Cochez la case/);
  await page.click('label[for="f-request_consent"]');
  await page.click('button:has-text("Envoyer ma demande")');
  await page.waitForSelector('.campus-reference');
  assert.equal(await page.textContent('main h1'), 'Demande envoyée');
  assert.match(await page.textContent('main'), /sous trois semaines/);
  const reference = (await page.textContent('.campus-reference')).trim();
  assert.equal(receiver.state.stored.size, before + 1);
  const payload = [...receiver.state.stored.values()].at(-1);
  assert.ok(validateRequest(payload), JSON.stringify(validateRequest.errors, null, 1));
  assert.equal(payload.reference, reference);
  assert.equal(payload.need.request_course, COURSE_TITLE);
  assert.equal(payload.need.request_team_size, 14);
  assert.equal(payload.requester.requester_phone, null);
  assert.deepEqual(Object.keys(payload).filter((k) => typeof payload[k] === 'object').sort(), ['need', 'requester']);
  await assertAccessible(page, 'request confirmation');
  // Its own storage key: a tombstone there, nothing typed left.
  const stored = await page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));
  assert.deepEqual(Object.keys(JSON.parse(stored['campus.demande'])), ['closed']);
  assert.ok(!JSON.stringify(stored).includes('Dominique'));
  assertNoProblems(page);
});

test('about a course, the request starts once the catalogue has named it: never without it', async () => {
  const page = await app.newPage();
  await page.route('**/config.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify({ catalogue_url: 'catalogue.json', requests_endpoint: receiver.url }) }),
  );
  const release = await holdCatalogue(page);
  await page.goto(`${app.url}sur-mesure/?formation=${COURSE}`);
  // The page's file cannot know the course (its examples come from the
  // catalogue, so it stays until the catalogue is here): its start button is
  // kept from view (index.html's first script, main.css).
  await page.waitForSelector('#campus-static h1');
  await page.waitForTimeout(500);
  assert.equal(await page.isVisible('#campus-static button:has-text("Commencer ma demande")'), false, 'no start that would lose the course');
  await assertAccessible(page, 'request start from its file, course on its way');
  release();
  await waitForApp(page);
  await page.click('button:has-text("Commencer ma demande")');
  await page.waitForSelector('#f-requester_first_name');
  const draft = await page.evaluate(() => localStorage.getItem('campus.demande'));
  assert.ok(draft.includes(COURSE_TITLE), draft);
  // Reached inside the app while the catalogue is on its way: the live
  // page says it waits, and offers no start.
  const inside = await app.newPage();
  await inside.route('**/config.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify({ catalogue_url: 'catalogue.json', requests_endpoint: receiver.url }) }),
  );
  const releaseInside = await holdCatalogue(inside);
  await inside.goto(`${app.url}accessibilite/`);
  await waitForApp(inside);
  await follow(inside, `sur-mesure/?formation=${COURSE}`);
  const waiting = inside.locator('#depart-en-attente');
  assert.equal((await waiting.textContent()).trim(), 'Chargement de la formation concernée…');
  assert.equal(await waiting.getAttribute('role'), 'status');
  assert.equal(await inside.locator('button:has-text("Commencer ma demande")').count(), 0, 'no start that would lose the course');
  await assertAccessible(inside, 'request start, course on its way');
  releaseInside();
  await inside.waitForSelector('button:has-text("Commencer ma demande")');
  assertNoProblems(inside);
  // Without a course, nothing to wait for: the start is there at once.
  const plain = await app.newPage();
  const releasePlain = await holdCatalogue(plain);
  await plain.goto(`${app.url}sur-mesure/`);
  await plain.waitForSelector('#campus-static button:has-text("Commencer ma demande")', { state: 'visible', timeout: 5000 });
  releasePlain();
  await waitForApp(plain);
  await plain.waitForSelector('#campus-app button:has-text("Commencer ma demande")', { timeout: 5000 });
  assert.equal(await plain.locator('#depart-en-attente').count(), 0);
  assertNoProblems(page);
  assertNoProblems(plain);
});

test('a trainer application and a request live side by side, never mixed', async () => {
  const page = await openApplicationPage(app, { endpoint: null, config: { requests_endpoint: null } });
  await page.click('button:has-text("Commencer ma candidature")');
  await page.waitForSelector('#f-first_name');
  await fillYou(page);
  await page.goto(`${app.url}sur-mesure/`);
  await waitForApp(page);
  // No request started yet: the trainer draft does not count as one.
  assert.match(await page.textContent('main'), /Vous n'avez pas encore commencé de demande/);
  await page.click('button:has-text("Commencer ma demande")');
  await page.waitForSelector('#f-requester_first_name');
  assert.equal(await page.inputValue('#f-requester_first_name'), '', 'nothing carried over');
  await page.fill('#f-requester_first_name', 'Alix');
  // A second tab sees both drafts, each under its own key, and follows live.
  const other = await page.context().newPage();
  await other.goto(`${app.url}sur-mesure/demandeur/`);
  await waitForApp(other);
  assert.equal(await other.inputValue('#f-requester_first_name'), 'Alix');
  await page.fill('#f-requester_last_name', 'Moreau');
  await other.waitForFunction(() => document.querySelector('#f-requester_last_name')?.value === 'Moreau');
  await other.goto(`${app.url}candidature/vous/`);
  await waitForApp(other);
  assert.equal(await other.inputValue('#f-first_name'), 'Camille');
  const stored = await page.evaluate(() => [localStorage.getItem('campus.candidature'), localStorage.getItem('campus.demande')]);
  assert.ok(stored[0].includes('Camille') && !stored[0].includes('Alix'));
  assert.ok(stored[1].includes('Alix') && !stored[1].includes('Camille'));
  // A trainer progress file is refused by the request form, by name.
  await page.goto(`${app.url}candidature/`);
  await waitForApp(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('button:has-text("Télécharger ma progression")')]);
  assert.equal(download.suggestedFilename(), 'candidature-campus-progression.json');
  const file = await readFile(await download.path());
  await page.goto(`${app.url}sur-mesure/`);
  await waitForApp(page);
  await page.setInputFiles('#progression', { name: 'p.json', mimeType: 'application/json', buffer: file });
  await page.waitForSelector('#progression-refusee');
  assert.match(await page.textContent('#progression-refusee'), /n'est pas un fichier de progression de demande.*demande-sur-mesure-campus-progression\.json/);
  await assertAccessible(page, 'request start, foreign progress file refused');
  await other.close();
});

test('no endpoint: download the request (valid JSON, its own file name) and the prepared email', async () => {
  const page = await openRequest({ endpoint: null });
  await toReview(page);
  assert.match(await page.textContent('main'), /Ce site n'envoie pas les demandes lui-même/);
  await page.click('label[for="f-request_consent"]');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('button:has-text("Télécharger ma demande")')]);
  assert.match(download.suggestedFilename(), /^demande-sur-mesure-[2-9A-HJKMNP-Z]{8}\.json$/);
  const payload = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.ok(validateRequest(payload), JSON.stringify(validateRequest.errors, null, 1));
  const mail = await page.getAttribute('a:has-text("Préparer le courriel")', 'href');
  assert.match(decodeURIComponent(mail), /^mailto:campus@numerique\.gouv\.fr\?subject=Demande de formation sur mesure [2-9A-HJKMNP-Z]{8}/);
  await assertAccessible(page, 'request review without endpoint');
});

test('a failing receiver keeps the request and says so in its words', async () => {
  receiver.state.mode = 'html';
  const page = await openRequest();
  await toReview(page);
  await page.click('label[for="f-request_consent"]');
  await page.click('button:has-text("Envoyer ma demande")');
  await page.waitForSelector('#echec-envoi');
  const alert = await page.textContent('#echec-envoi');
  assert.match(alert, /Votre demande n'a pas pu être envoyée/);
  assert.match(alert, /rien ne prouve que votre demande a été reçue/);
  await assertFocused(page, 'echec-envoi');
  assert.ok((await page.evaluate(() => localStorage.getItem('campus.demande'))).includes('Dominique'));
  await assertAccessible(page, 'request send failed');
  receiver.state.mode = 'ok';
});

describe('hostile links and values', () => {
  test('an unknown or hostile course in the link prefills nothing; steps of the other form are not pages', async () => {
    for (const id of ['inconnue', '%3Cscript%3Ealert(1)%3C%2Fscript%3E', '%E0%A4%A', '']) {
      const page = await openRequest({ route: `sur-mesure/?formation=${id}` });
      await page.click('button:has-text("Commencer ma demande")');
      await page.waitForSelector('#f-requester_first_name');
      await fillRequester(page);
      await continueTo(page, 'Votre besoin');
      assert.equal(await page.inputValue('#f-request_course'), '', id);
      assertNoProblems(page);
      await page.close();
    }
    // A step of the other form is no page: it has no file (the host answers
    // 404), and the app leaves a link to it to the browser.
    const page = await openRequest();
    const answer = await page.request.get(`${app.url}sur-mesure/expertise/`);
    assert.equal(answer.status(), 404);
    // A later step with no draft goes to the start page, which says why.
    await page.goto(`${app.url}sur-mesure/verification/`);
    await page.waitForFunction(() => campusRoute === 'sur-mesure/');
  });

  test('team size and need: each bad value gets its message, nothing typed is lost', async () => {
    const page = await openRequest();
    await page.click('button:has-text("Commencer ma demande")');
    await page.waitForSelector('#f-requester_first_name');
    await fillRequester(page);
    await continueTo(page, 'Votre besoin');
    await fillNeed(page);
    const cases = [
      ['0', /doit être compris entre 1 et 1000/],
      ['douze', /doit être un nombre entier/],
      ['100000', /doit être compris entre 1 et 1000/],
    ];
    for (const [value, message] of cases) {
      await page.fill('#f-request_team_size', value);
      await page.click('form button[type="submit"]');
      await assertFocused(page, 'erreurs');
      assert.match(await page.textContent('#erreurs'), message, value);
      assert.equal(await page.getAttribute('#f-request_team_size', 'aria-invalid'), 'true');
    }
    await page.fill('#f-request_team_size', '14');
    const long = 'e\u0301'.repeat(2001); // NFD: 4002 code points, 2001 characters as typed
    await page.fill('#f-request_need', long);
    await page.click('form button[type="submit"]');
    await assertFocused(page, 'erreurs');
    assert.match(await page.textContent('#erreurs'), /2000 caractères au maximum/);
    await assertAccessible(page, 'request need errors');
    // Reload: every answer, even refused ones, is still there.
    await page.reload();
    await waitForApp(page);
    await page.waitForSelector('#f-request_need');
    assert.equal((await page.inputValue('#f-request_need')).length, long.length);
    assert.equal(await page.inputValue('#f-request_place'), 'Paris');
  });
});

test('keyboard only, on a 390 px phone, in English', async () => {
  const page = await app.newPage({ locale: 'en-GB', viewport: { width: 390, height: 844 } });
  await page.addInitScript(() => localStorage.setItem('campus.locale', 'en'));
  await page.route('**/config.json', (r) => r.fulfill({ contentType: 'application/json', body: JSON.stringify({ requests_endpoint: receiver.url }) }));
  await page.goto(`${app.url}sur-mesure/`);
  await waitForApp(page);
  assert.equal(await stepTitle(page), 'Request a tailor-made programme');
  await page.focus('button:has-text("Start my request")');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#f-requester_first_name');
  // Focus moves to the step's heading; the heading says where we are.
  await waitForPageFocus(page);
  assert.equal(await stepTitle(page), 'You and your administrationStep 1 of 2');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Dominique');
  assert.equal(await page.inputValue('#f-requester_first_name'), 'Dominique');
  await page.focus('#continuer');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#erreurs');
  assert.match(await page.textContent('#erreurs'), /Enter last name/);
  assert.match(await page.textContent('#erreurs'), /Select administration/);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `no horizontal scroll (${width})`);
  await assertAccessible(page, 'request step 1, English phone, errors');
});
