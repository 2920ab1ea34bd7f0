// The volunteer trainer application as an applicant goes through it: every step,
// the three proposal branches, validation and the error summary, a draft kept
// across reloads, a real receiver that fails then succeeds, no endpoint, and the
// whole flow with the keyboard only. axe-core on every step.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { schemaValidator } from './support/schemas.mjs';
import { assertAccessible, assertFocused, assertNoProblems, startApp, waitForApp } from './support/harness.mjs';
import { startReceiver } from './support/receiver.mjs';
import {
  assertOnlyTombstone, completeUpToReview, continueTo, fillAvailability, fillExpertise, fillProposal, fillYou,
  openApplicationPage, pick, stepTitle,
} from './support/applicant.mjs';

const validatePayload = schemaValidator('application.schema.json');

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

/** A page whose config.json points at the receiver (or at no server). */
const openApplication = ({ endpoint = receiver.url, allowConsole = [] } = {}) =>
  openApplicationPage(app, { endpoint, allowConsole });

describe('the three proposals, to confirmation, one payload each, matching the schema', () => {
  for (const kind of ['formation-existante', 'idee-programme', 'aide-construction']) {
    test(kind, async () => {
      receiver.state.mode = 'ok';
      const before = receiver.state.stored.size;
      const page = await openApplication();
      await completeUpToReview(page, kind, { axe: true });
      await assertAccessible(page, `review (${kind})`);
      // Answers are shown as text, skipped optional ones as "Non renseigné".
      assert.ok((await page.textContent('main')).includes('<script>alert(1)</script>'));
      assert.match(await page.textContent('main'), /Non renseigné/);
      await page.click('label[for="f-consent"]');
      await page.click('button:has-text("Envoyer ma candidature")');
      await page.waitForSelector('.campus-reference');
      const reference = (await page.textContent('.campus-reference')).trim();
      assert.match(reference, /^[2-9A-HJKMNP-Z]{8}$/);
      assert.equal(receiver.state.stored.size, before + 1);
      const payload = [...receiver.state.stored.values()].at(-1);
      assert.ok(validatePayload(payload), JSON.stringify(validatePayload.errors, null, 1));
      assert.equal(payload.reference, reference);
      assert.equal(payload.proposal.proposal_kind, kind);
      const other = Object.keys(payload.proposal).filter((k) => k !== 'proposal_kind');
      const prefix = { 'formation-existante': 'existing_', 'idee-programme': 'idea_', 'aide-construction': 'help_' }[kind];
      assert.ok(other.every((k) => k.startsWith(prefix)), `only the chosen branch: ${other}`);
      await assertAccessible(page, `confirmation (${kind})`);
      // The draft is gone: only a tombstone with the reference remains, nothing personal.
      await assertOnlyTombstone(page, 'sent', reference);
      assertNoProblems(page);
    });
  }
});

test('an invalid step cannot be passed: error summary focused, title prefixed, fields linked', async () => {
  const page = await openApplication();
  await page.click('button:has-text("Commencer ma candidature")');
  await page.waitForSelector('#f-first_name');
  await page.fill('#f-email', 'pas-une-adresse');
  await page.click('form button[type="submit"]');
  await page.waitForSelector('#erreurs');
  await assertFocused(page, 'erreurs');
  assert.match(await page.title(), /^Erreur\s: Vous - /);
  assert.equal(await stepTitle(page), 'VousÉtape 1 sur 4'.replace('Étape', 'Étape'));
  assert.match(await page.textContent('#erreurs'), /Saisissez une adresse électronique/);
  assert.equal(await page.getAttribute('#f-email', 'aria-describedby'), 'f-email-error');
  // No browser validation bubble: the form has novalidate.
  assert.equal(await page.getAttribute('main form', 'novalidate'), '');
  await assertAccessible(page, 'step with errors');
  // The summary links move focus to the field.
  await page.click('#erreurs a:has-text("Prénom")');
  await assertFocused(page, 'f-first_name');
  // …and the field keeps its place in the Tab order.
  assert.equal(await page.getAttribute('#f-first_name', 'tabindex'), null);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'f-last_name');
  assert.ok(page.url().endsWith('candidature/vous/'));
  assertNoProblems(page);
});

test('the draft survives a reload at every step and Back shows the step as it was', async () => {
  const page = await openApplication();
  await page.click('button:has-text("Commencer ma candidature")');
  await page.waitForSelector('#f-first_name');
  await fillYou(page);
  await page.reload();
  await waitForApp(page);
  assert.equal(await page.inputValue('#f-first_name'), 'Camille');
  assert.equal(await page.inputValue('#f-region'), 'bretagne');
  await continueTo(page, 'Votre expertise');
  await fillExpertise(page);
  await page.reload();
  await waitForApp(page);
  assert.equal(await page.inputValue('#f-years_experience'), '8');
  assert.equal(await page.isChecked('#f-domains-intelligence-artificielle'), true);
  await continueTo(page, 'Votre proposition');
  await fillProposal(page, 'idee-programme');
  await page.reload();
  await waitForApp(page);
  assert.equal(await page.inputValue('#f-idea_title'), 'La data pour les managers');
  await continueTo(page, 'Vos disponibilités');
  await fillAvailability(page);
  await page.reload();
  await waitForApp(page);
  assert.equal(await page.inputValue('#f-days_per_year'), '4');
  assert.equal(await page.isChecked('#f-periods-t2'), true);
  await continueTo(page, 'Vérifiez votre candidature');
  await page.reload();
  await waitForApp(page);
  await page.waitForFunction(() => document.querySelector('main h1')?.textContent.includes('Vérifiez'));
  assert.ok((await page.textContent('main')).includes('La data pour les managers'));
  // Browser Back: the previous step as it was last seen.
  await page.goBack();
  await page.waitForFunction(() => campusRoute === 'candidature/disponibilites/');
  assert.equal(await page.inputValue('#f-days_per_year'), '4');
  // The Back link, too, step after step.
  await page.click('main a:has-text("Retour")');
  await page.waitForFunction(() => campusRoute === 'candidature/proposition/');
  assert.equal(await page.inputValue('#f-idea_title'), 'La data pour les managers');
  await page.click('main a:has-text("Retour")');
  await page.waitForFunction(() => campusRoute === 'candidature/expertise/');
  assert.equal(await page.inputValue('#f-bio'), 'Dix ans de projets numériques <script>alert(1)</script> au service des usagers.');
  await page.click('main a:has-text("Retour")');
  await page.waitForFunction(() => campusRoute === 'candidature/vous/');
  assert.equal(await page.inputValue('#f-job_title'), 'Cheffe de produit');
  // Starting again offers to resume, never a second draft.
  await page.goto(app.url + 'candidature/');
  await waitForApp(page);
  await page.waitForSelector('a:has-text("Reprendre ma candidature")');
  assert.equal(await page.locator('button:has-text("Commencer ma candidature")').count(), 0);
  await page.click('a:has-text("Reprendre ma candidature")');
  await page.waitForFunction(() => campusRoute.startsWith('candidature/'));
  assertNoProblems(page);
});

test('a change link on the review page returns to the review page after the edit', async () => {
  const page = await openApplication();
  await completeUpToReview(page, 'aide-construction');
  await page.click('a:has-text("Modifier") >> nth=1');
  await page.waitForFunction(() => campusRoute.includes('retour=verification'));
  await assertFocused(page, 'f-last_name');
  await page.fill('#f-last_name', 'Martin-Durand');
  await continueTo(page, 'Vérifiez votre candidature');
  assert.ok((await page.textContent('main')).includes('Martin-Durand'));
  assertNoProblems(page);
});

test('the server fails with 500, then times out, then succeeds: one stored application', async () => {
  const page = await openApplication({ allowConsole: [/Failed to load resource/, /net::ERR/] });
  await completeUpToReview(page, 'idee-programme');
  await page.click('label[for="f-consent"]');
  const before = receiver.state.stored.size;
  const sentBefore = receiver.state.requests.length;

  receiver.state.mode = '500';
  await page.click('button:has-text("Envoyer ma candidature")');
  await page.waitForSelector('#echec-envoi');
  assert.match(await page.textContent('#echec-envoi'), /HTTP 500/);
  await assertFocused(page, 'echec-envoi');

  receiver.state.mode = 'timeout';
  await page.click('button:has-text("Réessayer l\'envoi")');
  await page.waitForFunction(() => document.querySelector('#echec-envoi') && !document.querySelector('button[disabled]'), null, { timeout: 20_000 });
  assert.match(await page.textContent('#echec-envoi'), /Le serveur n'a pas répondu/);
  // Nothing lost.
  assert.ok(await page.evaluate(() => localStorage.getItem('campus.candidature')));

  receiver.state.mode = 'ok';
  await page.click('button:has-text("Réessayer l\'envoi")');
  await page.waitForSelector('.campus-reference');
  const attempts = receiver.state.requests.slice(sentBefore);
  assert.equal(attempts.length, 3);
  assert.equal(new Set(attempts.map((a) => a.key)).size, 1, 'one idempotency key for every retry');
  assert.equal(receiver.state.stored.size, before + 1);
  assertNoProblems(page);
});

test('no endpoint configured: download and a prepared email, clearly explained', async () => {
  const page = await openApplication({ endpoint: null });
  await completeUpToReview(page, 'formation-existante');
  assert.match(await page.textContent('main'), /Ce site n'envoie pas les candidatures lui-même/);
  assert.equal(await page.locator('button:has-text("Envoyer ma candidature")').count(), 0);
  const mail = await page.getAttribute('a:has-text("Préparer le courriel")', 'href');
  assert.match(mail, /^mailto:campus@numerique\.gouv\.fr\?subject=/);
  // Consent is required to download too: the same error as for sending, no file.
  let downloads = 0;
  page.on('download', () => { downloads += 1; });
  await page.click('button:has-text("Télécharger ma candidature")');
  await page.waitForSelector('#erreurs a[href="#f-consent"]');
  assert.match(await page.textContent('#erreurs'), /Cochez la case/);
  assert.equal(await page.getAttribute('#f-consent', 'aria-describedby'), 'f-consent-messages');
  await assertAccessible(page, 'review without endpoint, consent missing');
  assert.equal(downloads, 0);
  await page.click('label[for="f-consent"]');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('button:has-text("Télécharger ma candidature")')]);
  const payload = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.ok(validatePayload(payload), JSON.stringify(validatePayload.errors, null, 1));
  assert.equal(payload.consent, true);
  await assertAccessible(page, 'review without endpoint');
  assertNoProblems(page);
});

test('a progress file moves the draft to another browser; a tampered one is refused', async () => {
  const page = await openApplication();
  await page.click('button:has-text("Commencer ma candidature")');
  await page.waitForSelector('#f-first_name');
  await fillYou(page);
  await page.goto(app.url + 'candidature/');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('button:has-text("Télécharger ma progression")')]);
  const file = await readFile(await download.path(), 'utf8');

  const other = await openApplication();
  await other.setInputFiles('#progression', { name: 'p.json', mimeType: 'application/json', buffer: Buffer.from(file.replace('Camille', 'Mallory')) });
  await other.waitForSelector('#progression-refusee:has-text("endommagé ou a été modifié")');
  await other.setInputFiles('#progression', { name: 'p.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await other.waitForSelector('#f-first_name');
  assert.equal(await other.inputValue('#f-first_name'), 'Camille');
  assertNoProblems(page);
  assertNoProblems(other);
});

test('the applicant can discard the draft explicitly', async () => {
  const page = await openApplication();
  await page.click('button:has-text("Commencer ma candidature")');
  await page.waitForSelector('#f-first_name');
  await page.fill('#f-first_name', 'Camille');
  await page.goto(app.url + 'candidature/');
  await page.click('button:has-text("Supprimer ce brouillon")');
  await page.click('#confirmer-suppression button:has-text("Supprimer ce brouillon")');
  await page.waitForSelector('button:has-text("Commencer ma candidature")');
  await assertOnlyTombstone(page, 'discarded');
  assertNoProblems(page);
});

test('keyboard only: the whole flow, from start to confirmation', async () => {
  receiver.state.mode = 'ok';
  const page = await openApplication();
  const press = (k, n = 1) => (async () => { for (let i = 0; i < n; i++) await page.keyboard.press(k); })();
  const focusOn = async (id) => {
    for (let i = 0; i < 200; i++) {
      if ((await page.evaluate(() => document.activeElement?.id)) === id) return;
      await page.keyboard.press('Tab');
    }
    assert.fail(`Tab never reached #${id}`);
  };
  const type = async (id, text) => { await focusOn(id); await page.keyboard.type(text); };
  const choose = async (id) => { await focusOn(id); await page.keyboard.press('Space'); };
  // In a radio group only one radio is in the Tab order: arrows move and select.
  const radio = async (firstId, downs) => {
    await focusOn(firstId);
    if (downs === 0) await page.keyboard.press('Space');
    for (let i = 0; i < downs; i++) await page.keyboard.press('ArrowDown');
  };
  // A closed select: arrow keys move through the options.
  const select = async (id, downs) => {
    await focusOn(id);
    for (let i = 0; i < downs; i++) await page.keyboard.press('ArrowDown');
  };
  await page.focus('button:has-text("Commencer ma candidature")');
  await press('Enter');
  await page.waitForSelector('#f-first_name');
  await type('f-first_name', 'Dominique');
  await type('f-last_name', 'Leroy');
  await type('f-email', 'dominique.leroy@culture.gouv.fr');
  await select('f-administration', 3);
  await type('f-department', 'Service du numérique');
  await type('f-job_title', 'Designer');
  await select('f-region', 9);
  await radio('f-status-titulaire', 1);
  await focusOn('continuer');
  await press('Enter');
  await page.waitForSelector('#f-years_experience, #erreurs');
  assert.equal(await page.$('#erreurs'), null, `step 1: ${await page.textContent('#erreurs').catch(() => '')}`);
  await choose('f-domains-design-accessibilite');
  await choose('f-skills-design');
  await type('f-years_experience', '5');
  await radio('f-teaching_experience-aucune', 2);
  await type('f-bio', 'Designer de services publics.');
  await type('f-motivation', 'Transmettre.');
  await focusOn('continuer');
  await press('Enter');
  await page.waitForSelector('#f-proposal_kind-aide-construction');
  await radio('f-proposal_kind-formation-existante', 2);
  await type('f-help_topic', 'Atelier de design');
  await type('f-help_needed', 'Un regard pédagogique.');
  await type('f-help_when', 'Automne 2027');
  await focusOn('continuer');
  await press('Enter');
  await page.waitForSelector('#f-days_per_year');
  await type('f-days_per_year', '3');
  await choose('f-formats_accepted-distanciel');
  await choose('f-regions_available-normandie');
  await choose('f-periods-t4');
  await radio('f-manager_informed-oui', 0);
  await focusOn('continuer');
  await press('Enter');
  await page.waitForSelector('#f-consent');
  await choose('f-consent');
  await focusOn('envoyer');
  await press('Enter');
  await page.waitForSelector('.campus-reference');
  const payload = [...receiver.state.stored.values()].at(-1);
  assert.equal(payload.applicant.first_name, 'Dominique');
  assert.equal(payload.applicant.administration, 'culture');
  assert.equal(payload.applicant.region, 'normandie');
  assertNoProblems(page);
});

test('validation messages and steps in English', async () => {
  const page = await openApplication();
  await page.evaluate(() => localStorage.setItem('campus.locale', 'en'));
  await page.reload();
  await waitForApp(page);
  await page.click('button:has-text("Start my application")');
  await page.waitForSelector('#f-first_name');
  await page.click('form button[type="submit"]');
  await page.waitForSelector('#erreurs');
  assert.match(await page.title(), /^Error: About you - /);
  assert.match(await page.textContent('#erreurs'), /There is a problem/);
  assert.match(await page.textContent('#erreurs'), /Enter first name/);
  assert.match(await page.textContent('label[for="f-phone"]'), /Phone \(optional\)/);
  await assertAccessible(page, 'errors in English');
  assertNoProblems(page);
});

test('the call for trainers presents gains, sought skills from the data and the criteria', async () => {
  const page = await openApplication();
  await page.goto(app.url + 'devenir-formateur/');
  // (The page's file has the list too, until the app takes its place.)
  await waitForApp(page);
  await page.waitForSelector('#campus-app .campus-skills li');
  const catalogue = JSON.parse(await readFile(new URL('../../public/catalogue.json', import.meta.url), 'utf8'));
  const skills = await page.$$eval('#campus-app .campus-skills li', (lis) => lis.map((l) => l.textContent.trim()));
  assert.deepEqual(skills, catalogue.trainer_call.sought_skills);
  const text = await page.textContent('main');
  for (const expected of ['leadership et de mentorat', 'reconnaissance', 'développement professionnel', 'réseau', 'expertise technique', "expérience de formation", 'transformation numérique de l\'État']) {
    assert.ok(text.includes(expected), expected);
  }
  await assertAccessible(page, 'trainer call');
  await page.click('main .fr-callout a:has-text("Déposer une candidature")');
  await page.waitForFunction(() => campusRoute === 'candidature/');
  assertNoProblems(page);
});
