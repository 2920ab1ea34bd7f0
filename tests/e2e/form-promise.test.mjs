// The forms' promise — what the applicant reviewed is what is sent, and no word
// typed is lost — against what broke it on the landed build: progress files
// edited with their checksum recomputed, clocks ahead, a browser without
// WebAssembly, invisible and decomposed text, misleading words, a request moved
// from one course to another. Each test reproduces a finding of the issue
// "The forms keep their promise…" and failed on the build before its fix.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { schemaValidator } from './support/schemas.mjs';
import { assertAccessible, assertNoProblems, BASE, startApp, waitForApp } from './support/harness.mjs';
import { createReceiverHandler, makeReceiverState } from './support/receiver.mjs';
import {
  completeUpToReview, continueTo, fillNeed, fillProposal, fillRequester, openApplicationPage, resignProgress,
} from './support/applicant.mjs';

const validateApplication = schemaValidator('application.schema.json');
const validateRequest = schemaValidator('request.schema.json');
const NETWORK_NOISE = [/Failed to load resource/, /ERR_/];

const COURSE_A = 'sur-mesure-cyber-exercice-comex';
const TITLE_A = "Exercice de crise cyber pour le comité exécutif d'un ministère";
const COURSE_B = 'module-agile-fondamentaux';
const TITLE_B = "Les fondamentaux de l'agilité";
const CONTACT_B = 'campus-agilite@numerique.gouv.fr';

let app;
const state = makeReceiverState();
before(async () => {
  app = await startApp({ handlers: { [`${BASE}api/`]: createReceiverHandler(state) } });
});
after(async () => {
  await app?.close();
});

const config = (extra = {}) => ({ endpoint: 'api/candidatures', config: { requests_endpoint: 'api/demandes', ...extra } });
const stored = (page, key = 'campus.candidature') =>
  page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? 'null'), key);

/** Downloads the progress file of the draft in progress (from the start page). */
async function downloadProgress(page, route = 'candidature/') {
  await page.goto(app.url + route);
  await waitForApp(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click('button:has-text("Télécharger ma progression")'),
  ]);
  return JSON.parse(await readFile(await download.path(), 'utf8'));
}

/** Loads `file` (an object) as a progress file on the start page of `page`. */
async function loadProgress(page, file) {
  await page.setInputFiles('#progression', {
    name: 'candidature-campus-progression.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(file)),
  });
}

/**
 * An application reviewed and sent once to a receiver answering 500: its
 * body is frozen in the draft. Returns the page, on the review.
 */
async function sentOnceTo500() {
  state.reset();
  state.mode = '500';
  const page = await openApplicationPage(app, { ...config(), page: await app.newPage({ allowConsole: NETWORK_NOISE }) });
  await completeUpToReview(page, 'idee-programme');
  await page.click('label[for="f-consent"]');
  await page.click('button:has-text("Envoyer ma candidature")');
  await page.waitForSelector('#echec-envoi');
  return page;
}

describe('what is sent is what was reviewed', () => {
  test('a progress file whose frozen payload was edited (checksum recomputed) is refused; its answers are never replaced by it', async () => {
    const page = await sentOnceTo500();
    const file = await downloadProgress(page);
    assert.ok(file.draft.frozen, 'the body sent once is frozen in the file');
    const frozen = JSON.parse(file.draft.frozen);
    for (const edit of [
      (p) => { p.applicant.email = 'mallory@exemple.org'; },
      (p) => { p.proposal.idea_need = 'Autre chose que ce qui a été relu'; },
      (p) => { p.extra = '<script>alert(1)</script>'; },
    ]) {
      const tampered = structuredClone(frozen);
      edit(tampered);
      const forged = resignProgress({ ...file, draft: { ...file.draft, frozen: JSON.stringify(tampered) } });
      const clean = await app.newPage();
      await openApplicationPage(app, { ...config(), page: clean });
      await loadProgress(clean, forged);
      await clean.waitForSelector('#progression-refusee');
      assert.match(await clean.textContent('#progression-refusee'), /endommagé ou a été modifié/);
      assert.equal(await stored(clean), null, 'nothing of the forged file was kept');
      assertNoProblems(clean);
    }
    // The honest file still loads (the test forges as the app signs).
    const honest = await app.newPage();
    await openApplicationPage(app, { ...config(), page: honest });
    await loadProgress(honest, resignProgress(file));
    await honest.waitForSelector('main h1');
    await honest.waitForFunction(() => localStorage.getItem('campus.candidature')?.includes('frozen'));
    assertNoProblems(page);
  });

  test('a frozen payload edited in storage is never sent: the payload is rebuilt from the answers, under a new key, and matches its schema', async () => {
    const page = await sentOnceTo500();
    const firstKey = state.requests[0].key;
    const draft = await stored(page);
    const tampered = JSON.parse(draft.frozen);
    tampered.applicant.email = 'mallory@exemple.org';
    tampered.extra = '<script>';
    await page.evaluate((d) => localStorage.setItem('campus.candidature', JSON.stringify(d)), { ...draft, frozen: JSON.stringify(tampered) });
    state.mode = 'ok';
    await page.reload();
    await waitForApp(page);
    await page.waitForSelector('button:has-text("Envoyer ma candidature")');
    // The review shows the answers; what is sent is exactly them.
    assert.match(await page.textContent('main'), /camille\.martin@interieur\.gouv\.fr/);
    await page.click('button:has-text("Envoyer ma candidature")');
    await page.waitForSelector('.campus-reference');
    const last = state.requests.at(-1);
    const sent = JSON.parse(last.body);
    assert.equal(sent.applicant.email, 'camille.martin@interieur.gouv.fr');
    assert.equal(sent.extra, undefined);
    assert.ok(validateApplication(sent), JSON.stringify(validateApplication.errors));
    assert.notEqual(last.key, firstKey, 'another body never goes under the key already used');
    assert.equal(sent.idempotency_key, last.key);
    assertNoProblems(page);
  });
});

describe('no correction is undone by a clock ahead', () => {
  for (const [label, ahead] of [['2 minutes', 120_000], ['a day', 86_400_000], ['the far future', 8e15 - Date.now()]]) {
    test(`a progress file from a computer ${label} ahead: every keystroke stays`, async () => {
      const page = await openApplicationPage(app, config());
      await page.click('button:has-text("Commencer ma candidature")');
      await page.fill('#f-first_name', 'Camille');
      await page.fill('#f-last_name', 'Martin');
      const file = await downloadProgress(page);
      const later = (t) => Math.round(t + ahead);
      const edited = Object.fromEntries(Object.entries(file.draft.edited).map(([k, t]) => [k, later(t)]));
      const skewed = resignProgress({
        ...file,
        draft: { ...file.draft, edited, updated_at: later(file.draft.updated_at), started_at: later(file.draft.started_at) },
      });
      const other = await app.newPage();
      await openApplicationPage(app, { ...config(), page: other });
      await loadProgress(other, skewed);
      await other.waitForSelector('#f-first_name');
      await other.fill('#f-first_name', 'Camila');
      await other.fill('#f-last_name', 'Martín');
      await other.fill('#f-email', 'camila@interieur.gouv.fr');
      // A second tab on the same draft writes too: the corrections hold.
      const tab = await app.newTab(other);
      await tab.goto(app.url + 'candidature/vous/');
      await waitForApp(tab);
      await tab.fill('#f-department', 'DNUM');
      await other.waitForFunction(() => document.querySelector('#f-department')?.value === 'DNUM');
      assert.equal(await other.inputValue('#f-first_name'), 'Camila');
      assert.equal(await other.inputValue('#f-last_name'), 'Martín');
      const draft = await stored(other);
      assert.equal(draft.answers.first_name, 'Camila');
      assert.equal(draft.answers.email, 'camila@interieur.gouv.fr');
      await other.reload();
      await waitForApp(other);
      assert.equal(await other.inputValue('#f-first_name'), 'Camila');
      assertNoProblems(other);
      assertNoProblems(tab);
    });
  }
});

describe('without WebAssembly', () => {
  const noWasm = async (page) => page.addInitScript(() => { delete window.WebAssembly; });

  test('a #/ address says the site cannot start, at once, with the email path and a way to try again', async () => {
    const page = await app.newPage();
    await noWasm(page);
    await page.goto(`${app.url}index.html#/catalogue?q=cyber`);
    await page.waitForSelector('#campus-echec:not([hidden])', { timeout: 5000 });
    assert.ok(!(await page.isVisible('#campus-boot')), 'no endless loading message');
    const text = await page.textContent('#campus-echec');
    assert.match(text, /ne parvient pas à démarrer/);
    assert.equal(await page.getAttribute('#campus-echec a[href^="mailto:"]', 'href'), 'mailto:campus@numerique.gouv.fr?subject=Candidature%20ou%20demande%20de%20formation');
    assert.equal(await page.getAttribute('#campus-recharger', 'href'), page.url());
    await assertAccessible(page, 'no WebAssembly, #/ address');
    assertNoProblems(page);
  });

  test('static pages stop offering what cannot work: no start button, no search, no bookmarks', async () => {
    for (const path of ['sur-mesure/', 'candidature/', 'catalogue/']) {
      const page = await app.newPage();
      await noWasm(page);
      await page.goto(app.url + path);
      await page.waitForSelector('#campus-echec:not([hidden])', { timeout: 5000 });
      assert.ok(await page.isVisible('#campus-static h1'), `${path}: the content stays readable`);
      for (const control of ['button:has-text("Commencer ma demande")', 'button:has-text("Commencer ma candidature")', 'search', '[data-favori]', '.campus-filters', '#progression']) {
        const visible = await page.locator(control).evaluateAll((els) => els.filter((e) => e.checkVisibility()).length);
        assert.equal(visible, 0, `${path}: ${control} hidden`);
      }
      await assertAccessible(page, `no WebAssembly, ${path}`);
      assertNoProblems(page);
    }
  });

  test('a wasm download that fails: the same notice, from the loader', async () => {
    const page = await app.newPage({ allowConsole: NETWORK_NOISE });
    await page.route('**/*.wasm', (route) => route.abort());
    await page.goto(app.url + 'sur-mesure/');
    await page.waitForSelector('#campus-echec:not([hidden])', { timeout: 10_000 });
    assert.equal(await page.locator('button:has-text("Commencer ma demande")').evaluate((b) => b.checkVisibility()), false);
  });

  test('a filter group unfolded and a bookmark saved before the app has started are kept when it starts', async () => {
    const page = await app.newPage();
    let release;
    const held = new Promise((r) => { release = r; });
    await page.route('**/*_bg.wasm', async (route) => { await held; await route.continue(); });
    await page.goto(app.url + 'catalogue/');
    // The file's groups are folded (their options are built by the app).
    assert.equal(await page.locator('#campus-static .campus-filters input[type=checkbox]').count(), 0);
    const toggle = page.locator('#campus-static #filtre-domaine-bouton');
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true', 'the click shows at once');
    // Folded and unfolded again: the last state is the one kept.
    await toggle.click();
    await toggle.click();
    const bookmark = page.locator('#campus-static [data-favori]').first();
    const course = await bookmark.getAttribute('data-favori');
    await bookmark.click();
    assert.equal(await bookmark.getAttribute('aria-pressed'), 'true', 'the click shows at once');
    release();
    await page.waitForSelector('#campus-app:not([hidden])');
    await page.waitForSelector('#campus-app #filtre-domaine-bouton[aria-expanded="true"]');
    assert.ok(await page.locator('#campus-app .campus-filters input[name="domaine"]').count() > 0, 'its options are there');
    const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('campus.selection') ?? '[]'));
    assert.deepEqual(saved, [course], 'the bookmark is saved');
    await assertAccessible(page, 'a group unfolded before the app started');
    assertNoProblems(page);
  });
});

describe('invisible and decomposed text', () => {
  test('invisible names, hidden or doubled characters in email addresses are refused; decomposed text and emoji count as seen', async () => {
    state.reset();
    const page = await openApplicationPage(app, { ...config(), route: 'sur-mesure/' });
    await page.click('button:has-text("Commencer ma demande")');
    await page.waitForSelector('#f-requester_first_name');
    await fillRequester(page);
    await page.fill('#f-requester_first_name', '\u200b\u200b');
    await page.fill('#f-requester_last_name', '\u00ad');
    await page.fill('#f-requester_role', '\u202e');
    for (const [email, message] of [
      ['claire\u200b@interieur.gouv.fr', /caractère invisible/],
      ['camille@@interieur.gouv.fr', /au format/],
      ['camille..martin@x.fr', /au format/],
    ]) {
      await page.fill('#f-requester_email', email);
      await page.click('form button[type="submit"]');
      await page.waitForSelector('#erreurs');
      const summary = await page.textContent('#erreurs');
      assert.match(summary, /Prénom/);
      assert.match(summary, /Nom/);
      assert.match(summary, /Votre fonction/);
      assert.match(summary, message, email);
    }
    await assertAccessible(page, 'invisible answers refused');
    await fillRequester(page);
    // An invisible character at an end is dropped: the address alone is sent.
    await page.fill('#f-requester_email', 'dominique.lefevre@culture.gouv.fr\u202e');
    await continueTo(page, 'Votre besoin');
    await fillNeed(page);
    const need = page.locator('#f-request_need');
    assert.equal(await need.getAttribute('maxlength'), '8000');
    await need.fill('e\u0301'.repeat(1500));
    await continueTo(page, 'Vérifiez votre demande');
    await page.goto(app.url + 'sur-mesure/besoin/');
    await waitForApp(page);
    await page.fill('#f-request_need', '👨\u200d👩\u200d👧\u200d👦'.repeat(500));
    await continueTo(page, 'Vérifiez votre demande');
    // One 100,000-character word: the control takes no more than its maxlength.
    await page.goto(app.url + 'sur-mesure/besoin/');
    await waitForApp(page);
    await page.locator('#f-request_need').fill('');
    await page.locator('#f-request_need').focus();
    await page.keyboard.insertText('x'.repeat(100_000));
    assert.equal((await page.inputValue('#f-request_need')).length, 8000);
    await page.click('form button[type="submit"]');
    await page.waitForSelector('#erreurs');
    assert.match(await page.textContent('#erreurs'), /2000 caractères au maximum/);
    await page.fill('#f-request_need', 'Préparer le comité exécutif à une crise cyber.');
    await continueTo(page, 'Vérifiez votre demande');
    await page.click('label[for="f-request_consent"]');
    await page.click('button:has-text("Envoyer ma demande")');
    await page.waitForSelector('.campus-reference');
    const sent = JSON.parse(state.requests.at(-1).body);
    assert.equal(sent.requester.requester_email, 'dominique.lefevre@culture.gouv.fr');
    assert.ok(validateRequest(sent), JSON.stringify(validateRequest.errors));
    assertNoProblems(page);
  });
});

describe('the words say what happened', () => {
  test('"3,5" hours is a duration; it is sent as 3.5 and matches the schema', async () => {
    state.reset();
    const page = await openApplicationPage(app, config());
    await completeUpToReview(page, 'formation-existante');
    await page.goto(app.url + 'candidature/proposition/');
    await waitForApp(page);
    await page.fill('#f-existing_duration_hours', 'trois');
    await page.click('form button[type="submit"]');
    await page.waitForSelector('#erreurs');
    assert.match(await page.textContent('#erreurs'), /nombre d'heures, par exemple 7, 3,5/);
    await page.fill('#f-existing_duration_hours', '3,5');
    await continueTo(page, 'Vos disponibilités');
    await continueTo(page, 'Vérifiez votre candidature');
    await page.click('label[for="f-consent"]');
    await page.click('button:has-text("Envoyer ma candidature")');
    await page.waitForSelector('.campus-reference');
    const sent = JSON.parse(state.requests.at(-1).body);
    assert.equal(sent.proposal.existing_duration_hours, 3.5);
    assert.ok(validateApplication(sent), JSON.stringify(validateApplication.errors));
    assertNoProblems(page);
  });

  test("the request's consent speaks of the request", async () => {
    const page = await openApplicationPage(app, { ...config(), route: 'sur-mesure/' });
    await page.click('button:has-text("Commencer ma demande")');
    await fillRequester(page);
    await continueTo(page, 'Votre besoin');
    await fillNeed(page);
    await continueTo(page, 'Vérifiez votre demande');
    await page.click('button:has-text("Envoyer ma demande")');
    await page.waitForSelector('#erreurs');
    const text = await page.textContent('#erreurs');
    assert.match(text, /envoyer votre demande/);
    assert.doesNotMatch(text, /candidature/);
  });

  /** A request at its review page, consent ticked, sending to the same-origin receiver. */
  async function requestAtReview(page) {
    await page.click('button:has-text("Commencer ma demande")');
    await fillRequester(page);
    await continueTo(page, 'Votre besoin');
    await fillNeed(page);
    await continueTo(page, 'Vérifiez votre demande');
    await page.click('label[for="f-request_consent"]');
  }

  for (const [label, answer, expected] of [
    ['204 No Content', { status: 204 }, /sans accusé de réception \(réponse vide\)/],
    ['a receipt for another reference', { status: 200, json: { reference: 'ZZZZZZZZ' } }, /accusé réception d'une autre demande \(ZZZZZZZZ\)/],
    ['503 with a Retry-After date in the past', { status: 503, retryAfter: 'Mon, 30 Nov 2026 00:00:00 GMT', json: { error: 'busy' }, always: true }, /réessayer dès maintenant/],
  ]) {
    test(`${label}: said as it is`, async () => {
      const page = await app.newPage({ allowConsole: NETWORK_NOISE });
      await page.route('**/api/demandes', (route) =>
        route.fulfill({
          status: answer.status,
          headers: {
            ...(answer.json ? { 'content-type': 'application/json' } : {}),
            ...(answer.retryAfter ? { 'retry-after': answer.retryAfter } : {}),
          },
          body: answer.json ? JSON.stringify(answer.json) : '',
        }),
      );
      await openApplicationPage(app, { ...config(), route: 'sur-mesure/', page });
      await requestAtReview(page);
      await page.click('button:has-text("Envoyer ma demande")');
      await page.waitForSelector('#echec-envoi', { timeout: 10_000 });
      const text = await page.textContent('#echec-envoi');
      assert.match(text, expected);
      assert.doesNotMatch(text, /0\s?s\b|page au lieu|sans confirmer/);
      await assertAccessible(page, `send failed: ${label}`);
      assertNoProblems(page);
    });
  }

  test('an http endpoint the site policy blocks: said to be a configuration problem, no retry promised, no request', async () => {
    // This test needs the real Content-Security-Policy (the harness bypasses it for axe).
    const context = await app.browser.newContext({ locale: 'fr-FR', serviceWorkers: 'block' });
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(e.message));
    const blocked = 'http://127.0.0.1:9/api/demandes';
    await openApplicationPage(app, { endpoint: null, config: { requests_endpoint: blocked }, route: 'sur-mesure/', page });
    await requestAtReview(page);
    let requested = false;
    page.on('request', (r) => { if (r.url().startsWith(blocked)) requested = true; });
    await page.click('button:has-text("Envoyer ma demande")');
    await page.waitForSelector('#echec-envoi');
    const text = await page.textContent('#echec-envoi');
    assert.match(text, /interdit d'envoyer votre demande/);
    assert.match(text, /réessayer ne changera rien/);
    assert.doesNotMatch(text, /réessayez dans un instant/);
    assert.equal(requested, false);
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('a request and its course', () => {
  test('the start page names the course; a request in progress about another course says so and can switch, keeping the rest', async () => {
    const page = await openApplicationPage(app, { endpoint: null, config: { requests_endpoint: null }, route: `sur-mesure/?formation=${COURSE_A}` });
    await page.waitForSelector('#formation-concernee');
    assert.match(await page.textContent('#formation-concernee'), new RegExp(TITLE_A.replace(/[()]/g, '.')));
    await page.click('button:has-text("Commencer ma demande")');
    await fillRequester(page);
    await continueTo(page, 'Votre besoin');
    assert.equal(await page.inputValue('#f-request_course'), TITLE_A);
    // The course asked for is not offered as "may already exist".
    const similar = await page.locator('.campus-similar a').allTextContents();
    assert.ok(!similar.includes(TITLE_A), similar.join(' | '));
    await page.goto(`${app.url}sur-mesure/?formation=${COURSE_B}`);
    await waitForApp(page);
    await page.waitForSelector('#autre-formation');
    const notice = await page.textContent('#autre-formation');
    assert.ok(notice.includes(TITLE_A) && notice.includes(TITLE_B), notice);
    await assertAccessible(page, 'request in progress, another course');
    await page.click('#changer-formation');
    await page.waitForSelector('#f-request_course');
    assert.equal(await page.inputValue('#f-request_course'), TITLE_B);
    const draft = await stored(page, 'campus.demande');
    assert.equal(draft.answers.requester_first_name, 'Dominique', 'the other answers are kept');
    // Without a server, the email goes to the course's own contact.
    await fillNeed(page);
    await continueTo(page, 'Vérifiez votre demande');
    const mail = await page.getAttribute('a:has-text("Préparer le courriel")', 'href');
    assert.ok(mail.startsWith(`mailto:${CONTACT_B}?`), mail);
    assert.match(await page.textContent('main'), new RegExp(CONTACT_B.replace(/\./g, '\\.')));
    assertNoProblems(page);
  });
});
