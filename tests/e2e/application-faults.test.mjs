// The trainer application under the faults that lost or faked applications:
// a receiver that redirects, answers HTML, an empty body or no echo, is busy
// (429/503 with Retry-After), hangs after storing, resets, or is unreachable;
// several submits at once; storage full, disabled, or denied to a cross-site
// frame; two tabs on one draft; hostile progress files; a configuration or
// catalogue that never answers; the form framed by an unlisted site; focus on
// step change. Every mechanism is real: an HTTP receiver on the app's own
// origin, Chromium's quota and profile settings, a second site (localhost).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { schemaValidator } from './support/schemas.mjs';
import { assertAccessible, assertFocused, assertNoProblems, BASE, startApp, waitForApp, waitForPageFocus } from './support/harness.mjs';
import { createReceiverHandler, makeReceiverState } from './support/receiver.mjs';
import { fillLocalStorage, freeLocalStorage, launchWithStorage } from './support/browsers.mjs';
import {
  completeUpToReview, continueTo, fillAvailability, fillExpertise, fillProposal, fillYou, fnv1a, openApplicationPage,
} from './support/applicant.mjs';

const validatePayload = schemaValidator('application.schema.json');

/** Chromium logs failed and non-2xx requests as console errors: expected here. */
const NETWORK_NOISE = [/Failed to load resource/, /ERR_CONNECTION_RESET|ERR_INTERNET_DISCONNECTED|ERR_EMPTY_RESPONSE/];
const ENDPOINT = 'api/candidatures';

let app;
const state = makeReceiverState();
before(async () => {
  app = await startApp({ handlers: { [`${BASE}api/`]: createReceiverHandler(state) } });
  state.redirectTo = `${app.url}index.html`;
});
after(async () => {
  await app?.close();
});

/** A complete application at its review page, consent ticked, on the same-origin receiver. */
async function atReview({ kind = 'idee-programme', page } = {}) {
  const p = page ?? (await app.newPage({ allowConsole: NETWORK_NOISE }));
  await openApplicationPage(app, { endpoint: ENDPOINT, page: p });
  await completeUpToReview(p, kind);
  await p.click('label[for="f-consent"]');
  return p;
}

const storedDraft = (page) =>
  page.evaluate(() => {
    const raw = localStorage.getItem('campus.candidature');
    return raw ? JSON.parse(raw) : null;
  });

describe('success only on proof of receipt', () => {
  for (const [mode, message] of [
    ['redirect', /redirigé l'envoi/],
    ['html', /répondu par une page/],
    ['empty', /sans accusé de réception \(réponse vide\)/],
    ['no-echo', /sans confirmer votre numéro de référence/],
    ['wrong-echo', /accusé réception d'une autre candidature/],
  ]) {
    test(`a ${mode} answer is a failure: draft kept, reason given, download offered`, async () => {
      state.reset();
      state.mode = mode;
      const page = await atReview();
      await page.click('#envoyer');
      await page.waitForSelector('#echec-envoi');
      assert.match(await page.textContent('#echec-envoi'), message);
      await assertFocused(page, 'echec-envoi');
      assert.equal(await page.locator('.campus-reference').count(), 0, 'no confirmation');
      const draft = await storedDraft(page);
      assert.equal(draft.answers.first_name, 'Camille', 'the draft is kept');
      // The fallback is right there: the same frozen payload, downloadable,
      // and the prepared email (either ends the form in email mode).
      assert.match(await page.getAttribute('#echec-envoi a:has-text("Préparer le courriel")', 'href'), /^mailto:/);
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#echec-envoi #telecharger-candidature')]);
      const payload = JSON.parse(await readFile(await download.path(), 'utf8'));
      assert.ok(validatePayload(payload), JSON.stringify(validatePayload.errors));
      assert.equal(payload.idempotency_key, state.requests[0].key);
      // The bytes that were sent, plus their checksum as the file's last member.
      const text = await readFile(await download.path(), 'utf8');
      const { body } = state.requests[0];
      assert.equal(text, `${body.slice(0, -1)},"checksum":"${fnv1a(body)}"}`, 'the bytes that were sent');
      await page.waitForSelector('h1:has-text("Dernière étape")');
      await assertAccessible(page, `email confirmation after a ${mode} answer`);
      assertNoProblems(page);
    });
  }

  test('429 with Retry-After: waits as told, retries once by itself with the same bytes, then succeeds', async () => {
    state.reset();
    state.queue = ['429', 'ok'];
    state.retryAfter = 2;
    const page = await atReview();
    await page.click('#envoyer');
    await page.waitForSelector('#etat-envoi:has-text("Nouvel essai automatique dans 2")');
    await page.waitForSelector('.campus-reference', { timeout: 10_000 });
    assert.equal(state.requests.length, 2);
    const [first, second] = state.requests;
    assert.equal(first.body, second.body, 'same body');
    assert.equal(first.key, second.key, 'same key');
    assert.ok(second.at - first.at >= 1900, `waited ${second.at - first.at} ms`);
    assert.equal(state.stored.size, 1);
    assertNoProblems(page);
  });

  test('503 with a long Retry-After: says how long, no automatic retry', async () => {
    state.reset();
    state.mode = '503';
    state.retryAfter = 120;
    const page = await atReview();
    await page.click('#envoyer');
    await page.waitForSelector('#echec-envoi');
    const text = await page.textContent('#echec-envoi');
    assert.match(text, /momentanément surchargé/);
    assert.match(text, /Réessayez dans 2\u00a0min/);
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(state.requests.length, 1);
    state.retryAfter = undefined;
    assertNoProblems(page);
  });

  test('stored but the answer lost (hang), then retry: the same bytes replay, one application', async () => {
    state.reset();
    state.queue = ['ok-hang', 'ok'];
    const page = await atReview();
    await page.click('#envoyer');
    await page.waitForSelector('#echec-envoi', { timeout: 25_000 });
    assert.match(await page.textContent('#echec-envoi'), /n'a pas répondu à temps/);
    await page.click('#envoyer');
    await page.waitForSelector('.campus-reference');
    assert.equal(state.requests.length, 2);
    assert.equal(state.requests[0].body, state.requests[1].body);
    assert.equal(state.requests[1].status, 200, 'an idempotent replay, not a 422');
    assert.equal(state.stored.size, 1);
    assertNoProblems(page);
  });

  test('a reset connection, then offline, then back online: kept, explained, sent once', async () => {
    state.reset();
    // Every answer reset (Chromium itself retries a POST once on a reset reused socket).
    state.mode = 'reset';
    const page = await atReview();
    await page.click('#envoyer');
    await page.waitForSelector('#echec-envoi');
    assert.match(await page.textContent('#echec-envoi'), /n'a pas répondu/);
    assert.equal(state.stored.size, 0);
    // The fallback is offered with the failure, not only mentioned.
    assert.equal(await page.locator('#echec-envoi #telecharger-candidature').count(), 1);
    state.mode = 'ok';
    await page.context().setOffline(true);
    await page.click('#envoyer');
    await page.waitForFunction(() => document.querySelector('#envoyer')?.textContent.includes('Réessayer'));
    await page.waitForSelector('#echec-envoi');
    await page.context().setOffline(false);
    await page.click('#envoyer');
    await page.waitForSelector('.campus-reference');
    assert.equal(state.stored.size, 1);
    assertNoProblems(page);
  });

  test('three requestSubmit() in one task send one request', async () => {
    state.reset();
    const page = await atReview();
    await page.evaluate(() => {
      const form = document.querySelector('#envoyer').form;
      form.requestSubmit();
      form.requestSubmit();
      form.requestSubmit();
    });
    await page.waitForSelector('.campus-reference');
    assert.equal(state.requests.length, 1);
    assertNoProblems(page);
  });

  test('sending without consent: the consent field is named in the summary, nothing is sent', async () => {
    state.reset();
    const page = await atReview();
    await page.click('label[for="f-consent"]'); // untick
    await page.click('#envoyer');
    await page.waitForSelector('#erreurs a[href="#f-consent"]');
    assert.match(await page.textContent('#erreurs'), /Cochez la case/);
    assert.equal(state.requests.length, 0);
    await page.click('#erreurs a[href="#f-consent"]');
    await assertFocused(page, 'f-consent');
    await assertAccessible(page, 'review, consent missing');
    assertNoProblems(page);
  });
});

describe('storage is verified, never assumed', () => {
  test('localStorage full: a persistent warning at the first failed write, progress offered, recovery', async () => {
    state.reset();
    const page = await app.newPage();
    await openApplicationPage(app, { endpoint: ENDPOINT, page });
    const filled = await fillLocalStorage(page);
    assert.ok(filled > 1_000_000, `filled ${filled} bytes`);
    await page.click('button:has-text("Commencer ma candidature")');
    await page.waitForSelector('#stockage-impossible');
    assert.match(await page.textContent('#stockage-impossible'), /plein/);
    assert.match(await page.textContent('#etat-brouillon'), /ne sont pas enregistrées/);
    await page.fill('#f-first_name', 'Camille');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#stockage-impossible button:has-text("Télécharger ma progression")')]);
    assert.match(await readFile(await download.path(), 'utf8'), /"first_name": "Camille"/);
    await assertAccessible(page, 'step 1 with storage full');
    // Room again: the next keystroke is saved and the warning goes.
    await freeLocalStorage(page);
    await page.fill('#f-last_name', 'Martin');
    await page.waitForSelector('#stockage-impossible', { state: 'detached' });
    assert.match(await page.textContent('#etat-brouillon'), /enregistrées dans ce navigateur à chaque saisie/);
    const draft = await storedDraft(page);
    assert.equal(draft.answers.first_name, 'Camille');
    assert.equal(draft.answers.last_name, 'Martin');
    assertNoProblems(page);
  });

  test('storage disabled by the browser: the warning shows before the first keystroke', async () => {
    const browser = await launchWithStorage({ mode: 'disabled' });
    try {
      const page = await browser.newPage();
      const problems = [];
      page.on('pageerror', (e) => problems.push(e.message));
      page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
      assert.equal(await page.evaluate(() => 1), 1);
      await openApplicationPage(app, { endpoint: ENDPOINT, page });
      await page.waitForSelector('#stockage-impossible');
      assert.match(await page.textContent('#stockage-impossible'), /refuse l'enregistrement/);
      await page.click('button:has-text("Commencer ma candidature")');
      await page.fill('#f-first_name', 'Camille');
      assert.match(await page.textContent('#etat-brouillon'), /ne sont pas enregistrées/);
      assert.equal(await page.inputValue('#f-first_name'), 'Camille');
      assert.deepEqual(problems, []);
    } finally {
      await browser.close();
    }
  });
});

/** A host site on another site (localhost vs 127.0.0.1) that frames the application. */
async function startCrossSiteHost() {
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Ministère — candidature</title></head>
<body><main><h1>Devenir formateur</h1>
<div data-campus="application" data-lang="fr"></div>
<script src="${app.url}embed.js" async></script></main></body></html>`);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const port = server.address().port;
  return { url: `http://localhost:${port}/`, origin: `http://localhost:${port}`, close: () => new Promise((r) => server.close(r)) };
}

describe('framing and a cross-site frame', () => {
  test('framed by an unlisted site: a link to the full site instead of the form', async () => {
    const host = await startCrossSiteHost();
    try {
      const page = await app.newPage();
      await page.route('**/config.json', (route) =>
        route.fulfill({ contentType: 'application/json', body: JSON.stringify({ applications_endpoint: ENDPOINT }) }),
      );
      await page.goto(host.url);
      const frame = await (await page.waitForSelector('iframe')).contentFrame();
      await frame.waitForSelector('text=Le formulaire s\'ouvre sur le site du Campus');
      assert.equal(await frame.locator('#f-first_name, button:has-text("Commencer ma candidature")').count(), 0);
      const href = await frame.getAttribute('a:has-text("Continuer sur le site du Campus")', 'href');
      assert.ok(href.startsWith(app.url.replace(/\/$/, '')) && href.endsWith('candidature/') && !href.includes('embed=1'), href);
      await assertAccessible(frame, 'framed form refused');
      assertNoProblems(page);
    } finally {
      await host.close();
    }
  });

  test('framed by a listed site whose browser denies it storage: the form, with the warning and the full site', async () => {
    const host = await startCrossSiteHost();
    try {
      const page = await app.newPage();
      await page.route('**/config.json', (route) =>
        route.fulfill({
          contentType: 'application/json',
          body: JSON.stringify({ applications_endpoint: ENDPOINT, embed_origins: [host.origin] }),
        }),
      );
      await page.goto(host.url);
      const frame = await (await page.waitForSelector('iframe')).contentFrame();
      await frame.waitForSelector('#stockage-impossible');
      assert.match(await frame.textContent('#stockage-impossible'), /refuse l'enregistrement/);
      assert.equal(await frame.locator('#stockage-impossible a:has-text("Continuer sur le site du Campus")').count(), 1);
      await frame.click('button:has-text("Commencer ma candidature")');
      await frame.fill('#f-first_name', 'Camille');
      assert.match(await frame.textContent('#etat-brouillon'), /ne sont pas enregistrées/);
      assertNoProblems(page);
    } finally {
      await host.close();
    }
  });
});

describe('two tabs on one draft', () => {
  test('edits merge field by field, live; a tab never resurrects what the other sent', async () => {
    state.reset();
    const a = await app.newPage();
    await openApplicationPage(app, { endpoint: ENDPOINT, page: a });
    await a.click('button:has-text("Commencer ma candidature")');
    await a.waitForSelector('#f-first_name');
    const b = await app.newTab(a);
    await openApplicationPage(app, { endpoint: ENDPOINT, page: b });
    await b.click('a:has-text("Reprendre ma candidature")');
    await b.waitForSelector('#f-first_name');

    await a.fill('#f-first_name', 'Camille');
    await b.waitForFunction(() => document.querySelector('#f-first_name').value === 'Camille');
    await b.fill('#f-last_name', 'Martin');
    await a.waitForFunction(() => document.querySelector('#f-last_name').value === 'Martin');
    // Interleaved typing in two fields: neither tab's words are lost.
    await a.type('#f-department', 'Direction');
    await b.type('#f-job_title', 'Cheffe');
    await a.type('#f-department', ' du numérique');
    await b.type('#f-job_title', ' de produit');
    for (const tab of [a, b]) {
      await tab.reload();
      await tab.waitForSelector('#f-first_name');
      assert.equal(await tab.inputValue('#f-first_name'), 'Camille');
      assert.equal(await tab.inputValue('#f-last_name'), 'Martin');
      assert.equal(await tab.inputValue('#f-department'), 'Direction du numérique');
      assert.equal(await tab.inputValue('#f-job_title'), 'Cheffe de produit');
    }

    // Tab A completes and sends; tab B, still on step 1, learns it was sent.
    await fillYou(a);
    await continueTo(a, 'Votre expertise');
    await fillExpertise(a);
    await continueTo(a, 'Votre proposition');
    await fillProposal(a, 'aide-construction');
    await continueTo(a, 'Vos disponibilités');
    await fillAvailability(a);
    await continueTo(a, 'Vérifiez votre candidature');
    await a.click('label[for="f-consent"]');
    await a.click('#envoyer');
    await a.waitForSelector('.campus-reference');
    const reference = (await a.textContent('.campus-reference')).trim();
    await b.waitForSelector('#candidature-close');
    assert.match(await b.textContent('#candidature-close'), new RegExp(`${reference}.*déjà été envoyée`));
    assert.equal(await b.locator('#f-first_name').count(), 0, 'nothing left to type into');
    await assertAccessible(b, 'start page after the application was sent in another tab');
    const tomb = await storedDraft(b);
    assert.equal(tomb.closed.reference, reference);
    // A new application gets new keys.
    await b.click('button:has-text("Commencer ma candidature")');
    await b.waitForSelector('#f-first_name');
    const fresh = await storedDraft(b);
    assert.notEqual(fresh.reference, reference);
    assert.notEqual(fresh.idempotency_key, state.requests[0].key);
    assert.equal(fresh.answers.first_name, undefined);
    assertNoProblems(a);
    assertNoProblems(b);
  });
});


describe('progress files', () => {
  test('each kind of bad file has its own message; a crafted key never reaches a request', async () => {
    const page = await app.newPage();
    await openApplicationPage(app, { endpoint: ENDPOINT, page });
    await page.click('button:has-text("Commencer ma candidature")');
    await page.fill('#f-first_name', 'Camille');
    await page.goto(app.url + 'candidature/');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button:has-text("Télécharger ma progression")')]);
    const good = JSON.parse(await readFile(await download.path(), 'utf8'));
    const resign = (file) => ({ ...file, checksum: fnv1a(JSON.stringify(file.draft)) });
    assert.equal(resign(good).checksum, good.checksum, 'the test computes the checksum as the app does');

    const other = await app.newPage();
    await openApplicationPage(app, { endpoint: ENDPOINT, page: other });
    let judged = 0;
    const load = async (buffer) => {
      judged += 1;
      await other.setInputFiles('#progression', typeof buffer === 'string' ? buffer : { name: 'p.json', mimeType: 'application/json', buffer });
      await other.waitForSelector(`#progression-refusee[data-essai="${judged}"]`);
      return other.textContent('#progression-refusee');
    };
    const json = (v) => Buffer.from(JSON.stringify(v));
    assert.match(await load(Buffer.from('bonjour')), /n'est pas un fichier de progression/);
    await assertAccessible(other, 'progress file refused');
    assert.match(await load(json({ hello: 'world' })), /n'est pas un fichier de progression/);
    assert.match(await load(json({ ...good, version: 9 })), /version plus récente/);
    assert.match(await load(json({ ...good, draft: { ...good.draft, reference: 'MALLORY1' } })), /endommagé/);
    const crlf = resign({ ...good, draft: { ...good.draft, idempotency_key: 'x\r\nX-Evil: 1' } });
    assert.match(await load(json(crlf)), /endommagé/);
    const unknownStep = resign({ ...good, draft: { ...good.draft, step: 'ailleurs' } });
    assert.match(await load(json(unknownStep)), /endommagé/);
    const unknownOption = resign({ ...good, draft: { ...good.draft, answers: { region: 'atlantide' } } });
    assert.match(await load(json(unknownOption)), /endommagé/);
    const huge = resign({ ...good, draft: { ...good.draft, answers: { bio: 'x'.repeat(30_000) } } });
    assert.match(await load(json(huge)), /endommagé|trop volumineux/);
    // 50 MB: refused from its size, without reading it; the page stays responsive.
    const started = Date.now();
    const bigPath = join(mkdtempSync(join(tmpdir(), 'campus-')), 'candidature-campus-progression.json');
    writeFileSync(bigPath, Buffer.alloc(50 * 1024 * 1024, 0x20));
    assert.match(await load(bigPath), /trop volumineux/);
    rmSync(bigPath);
    assert.ok(Date.now() - started < 5000, `refused in ${Date.now() - started} ms`);
    assert.equal(await other.evaluate(() => 6 * 7), 42);
    // Nothing was loaded, and the good file still is.
    await other.setInputFiles('#progression', { name: 'p.json', mimeType: 'application/json', buffer: json(good) });
    await other.waitForSelector('#f-first_name');
    assert.equal(await other.inputValue('#f-first_name'), 'Camille');
    assertNoProblems(page);
    assertNoProblems(other);
  });
});

describe('loading gives up with a way out', () => {
  test('config.json that never answers: says so, Retry works', async () => {
    const page = await app.newPage({ allowConsole: [/config\.json/] });
    let hang = true;
    await page.route('**/config.json', (route) => {
      if (!hang) route.fulfill({ contentType: 'application/json', body: '{}' });
    });
    await page.goto(app.url + 'catalogue/');
    await waitForApp(page);
    await page.waitForSelector('#configuration-lente', { timeout: 20_000 });
    assert.match(await page.textContent('#configuration-lente'), /config\.json/);
    await assertAccessible(page, 'configuration timed out');
    hang = false;
    await page.click('#configuration-lente button:has-text("Réessayer")');
    await page.waitForSelector('#configuration-lente', { state: 'detached' });
    await page.waitForSelector('.fr-card, [data-course]', { timeout: 15_000 });
    assertNoProblems(page);
  });

  test('a catalogue that never answers: says so, Retry works', async () => {
    const page = await app.newPage();
    let hang = true;
    await page.route('**/catalogue.json', (route) => {
      if (!hang) route.continue();
    });
    await page.goto(app.url + 'catalogue/');
    // (The static catalogue stays in view until the live one can say it.)
    await page.waitForSelector('#campus-app >> text=met trop de temps à arriver', { timeout: 30_000 });
    await waitForApp(page);
    hang = false;
    await page.click('button:has-text("Réessayer")');
    await page.waitForSelector('.fr-card, [data-course]', { timeout: 15_000 });
    assertNoProblems(page);
  });
});

describe('step changes', () => {
  test('Continue on a phone: the new heading has focus, the page is at its top, the title changed', async () => {
    const page = await app.newPage({ viewport: { width: 390, height: 740 } });
    await openApplicationPage(app, { endpoint: ENDPOINT, page });
    await page.click('button:has-text("Commencer ma candidature")');
    await fillYou(page);
    await page.click('#continuer');
    await page.waitForFunction(() => document.querySelector('main h1')?.textContent.includes('Votre expertise'));
    await waitForPageFocus(page);
    assert.equal(await page.evaluate(() => window.scrollY), 0);
    assert.match(await page.title(), /^Votre expertise - /);
    assertNoProblems(page);
  });
});
