// Where a form goes is configuration (config.json `forms`): both forms' whole
// journey in each mode against local doubles on another origin (Grist with its
// CORS, démarches simplifiées with its prefilled link and its limit), the email
// path's ending, faults, hostile values, and each bad configuration falling
// back to download and email with a warning naming its key. axe-core on each
// new page and state.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { schemaValidator } from './support/schemas.mjs';
import { assertAccessible, assertNoProblems, startApp, waitForApp } from './support/harness.mjs';
import { startDemarches, startGrist } from './support/backoffice.mjs';
import { completeUpToReview, continueTo, fillNeed, fillRequester, openApplicationPage } from './support/applicant.mjs';

const validatePayload = schemaValidator('application.schema.json');
const validateRequest = schemaValidator('request.schema.json');

let app;
let grist;
let ds;
before(async () => {
  app = await startApp();
  grist = await startGrist();
  ds = await startDemarches();
});
after(async () => {
  await app?.close();
  await grist?.close();
  await ds?.close();
});

const gristConfig = (extra = {}) => ({
  to: 'grist', server: grist.url, share_key: grist.shareKey, table: grist.table, columns: { email: 'Courriel' }, ...extra,
});
const open = (forms, { route = 'candidature/', allowConsole = [] } = {}) =>
  openApplicationPage(app, { endpoint: null, config: { forms }, route, allowConsole });

async function requestToReview(page, fill = fillNeed) {
  await page.click('button:has-text("Commencer ma demande")');
  await page.waitForSelector('#f-requester_first_name');
  await fillRequester(page);
  await continueTo(page, 'Votre besoin');
  await fill(page);
  await continueTo(page, 'Vérifiez votre demande');
}

describe('email (the default): the path has an ending', () => {
  test('the prepared email and the download pass the same check, then a confirmation says the file is still to send', async () => {
    const page = await open(undefined);
    await completeUpToReview(page, 'idee-programme');
    const mail = page.locator('a:has-text("Préparer le courriel")');
    // Consent unticked: the email is not prepared, the same error as the download.
    await mail.click();
    await page.waitForSelector('#erreurs a[href="#f-consent"]');
    assert.match(await page.textContent('main h1'), /Vérifiez votre candidature/);
    let downloads = 0;
    page.on('download', () => { downloads += 1; });
    await page.click('button:has-text("Télécharger ma candidature")');
    assert.equal(downloads, 0);
    // An honest email: it names the file to attach, never "ci-joint".
    const href = decodeURIComponent(await mail.getAttribute('href'));
    assert.doesNotMatch(href, /ci-joint/);
    assert.match(href, /Je joins à ce courriel ma candidature, le fichier candidature-[2-9A-HJKMNP-Z]{8}\.json/);
    assert.match(await page.textContent('main'), /joignez ce fichier à un courriel pour campus@numerique\.gouv\.fr/);

    await page.click('label[for="f-consent"]');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button:has-text("Télécharger ma candidature")')]);
    const name = download.suggestedFilename();
    const payload = JSON.parse(await readFile(await download.path(), 'utf8'));
    assert.ok(validatePayload(payload), JSON.stringify(validatePayload.errors));
    assert.equal(name, `candidature-${payload.reference}.json`);
    // Something changes: a confirmation that says where it goes and what is left to do.
    await page.waitForSelector('h1:has-text("Dernière étape")');
    assert.match(page.url(), /candidature\/confirmation\/$/);
    const main = await page.textContent('main');
    assert.ok(main.includes(payload.reference), 'the reference is shown');
    assert.ok(main.includes(name), 'the file to attach is named');
    assert.ok(main.includes('campus@numerique.gouv.fr'), 'the address is named');
    assert.match(main, /pas encore envoyée/);
    assert.match(decodeURIComponent(await page.getAttribute('main a:has-text("Préparer le courriel")', 'href')), new RegExp(`^mailto:campus@numerique\\.gouv\\.fr\\?subject=.*${payload.reference}.*${name}`, 's'));
    await assertAccessible(page, 'email confirmation');
    // The form is no longer "in progress".
    await page.goto(app.url + 'candidature/');
    await waitForApp(page);
    assert.doesNotMatch(await page.textContent('main'), /Vous avez une candidature en cours/);
    assertNoProblems(page);
  });

  test('a request by email to the configured address', async () => {
    const page = await open({ 'sur-mesure': { to: 'email', address: 'sur-mesure@campus.gouv.fr' } }, { route: 'sur-mesure/' });
    await requestToReview(page);
    assert.match(await page.textContent('main'), /sur-mesure@campus\.gouv\.fr/);
    await page.click('label[for="f-request_consent"]');
    await page.click('a:has-text("Préparer le courriel")');
    await page.waitForSelector('h1:has-text("Dernière étape")');
    assert.match(await page.getAttribute('main a:has-text("Préparer le courriel")', 'href'), /^mailto:sur-mesure@campus\.gouv\.fr\?/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#telecharger-copie')]);
    assert.match(download.suggestedFilename(), /^demande-sur-mesure-[2-9A-HJKMNP-Z]{8}\.json$/);
    assert.ok(validateRequest(JSON.parse(await readFile(await download.path(), 'utf8'))));
    assertNoProblems(page);
  });
});

describe('Grist', () => {
  test('an application becomes one row; its id is the proof shown; no credentials, no extra header', async () => {
    grist.state.reset();
    const page = await open({ candidature: gristConfig() });
    // A cookie of the Grist host must never be sent (Grist answers 403 to one).
    await page.context().addCookies([{ name: 'grist_sid', value: 'secret', url: grist.url }]);
    await completeUpToReview(page, 'formation-existante');
    await page.click('label[for="f-consent"]');
    await page.click('button:has-text("Envoyer ma candidature")');
    await page.waitForSelector('.campus-grist-row');
    assert.equal((await page.textContent('.campus-grist-row')).trim(), '1');
    assert.match(await page.textContent('main'), /L'équipe du campus a bien reçu votre candidature/);
    const [request] = grist.state.requests;
    assert.equal(grist.state.requests.length, 1);
    assert.equal(request.status, 200);
    assert.equal(request.headers.cookie, undefined);
    assert.equal(request.headers['idempotency-key'], undefined);
    assert.match(request.headers['content-type'], /^application\/json/);
    const row = grist.state.rows[0];
    const reference = (await page.textContent('.campus-reference')).trim();
    assert.equal(row.reference, reference);
    assert.match(row.idempotency_key, /^[0-9a-f-]{36}$/);
    assert.equal(row.Courriel, 'camille.martin@interieur.gouv.fr');
    assert.deepEqual(row.domains, ['L', 'design-accessibilite', 'intelligence-artificielle']);
    assert.equal(row.years_experience, 8);
    assert.equal(row.existing_duration_hours, 7);
    assert.equal(row.bio, 'Dix ans de projets numériques <script>alert(1)</script> au service des usagers.');
    await assertAccessible(page, 'Grist confirmation');
    assertNoProblems(page);
  });

  test('a request to Grist, hostile values as text', async () => {
    grist.state.reset();
    const page = await open({ 'sur-mesure': gristConfig({ columns: {} }) }, { route: 'sur-mesure/' });
    const hostile = '=HYPERLINK("http://x")\u200b+@-&champ=1#e\u0301';
    await requestToReview(page, async (p) => {
      await fillNeed(p);
      await p.fill('#f-request_place', hostile);
    });
    await page.click('label[for="f-request_consent"]');
    await page.click('button:has-text("Envoyer ma demande")');
    await page.waitForSelector('.campus-grist-row');
    assert.equal(grist.state.rows[0].request_place, hostile);
    assert.deepEqual(grist.state.rows[0].request_periods, ['L', 't2']);
    assert.equal(grist.state.rows[0].request_team_size, 14);
    assertNoProblems(page);
  });

  for (const [mode, message] of [
    ['500', /HTTP 500/],
    ['html', /2xx without a JSON body/],
    ['no-id', /sans le numéro de la ligne créée/],
    ['429', /HTTP 429/],
  ]) {
    test(`a ${mode} answer is a failure said plainly; the draft is kept; a retry succeeds`, async () => {
      grist.state.reset();
      grist.state.queue = [mode];
      const page = await open({ candidature: gristConfig() }, { allowConsole: [/status of (500|429)/] });
      await completeUpToReview(page, 'aide-construction');
      await page.click('label[for="f-consent"]');
      await page.click('#envoyer');
      await page.waitForSelector('#echec-envoi');
      assert.match(await page.textContent('#echec-envoi'), message);
      assert.equal(await page.locator('.campus-reference').count(), 0, 'no confirmation');
      await assertAccessible(page, `Grist ${mode}`);
      await page.click('#envoyer');
      await page.waitForSelector('.campus-grist-row');
      // A lost answer makes a second row: the reference and the key show it.
      const rows = grist.state.rows;
      const last = rows.at(-1);
      assert.equal(rows.filter((r) => r.reference === last.reference && r.idempotency_key === last.idempotency_key).length, rows.length);
      assertNoProblems(page);
    });
  }

  test('no answer in time is a failure', async () => {
    grist.state.reset();
    grist.state.queue = ['timeout'];
    const page = await open({ candidature: gristConfig() });
    await completeUpToReview(page, 'aide-construction');
    await page.click('label[for="f-consent"]');
    await page.click('#envoyer');
    await page.waitForSelector('#echec-envoi', { timeout: 25_000 });
    assert.match(await page.textContent('#echec-envoi'), /timeout/);
    assertNoProblems(page);
  });
});

describe('démarches simplifiées', () => {
  const fields = {
    requester_first_name: 'identite_prenom',
    requester_last_name: 'identite_nom',
    requester_email: 'champ_Q2hhbXAtMQ==',
    requester_administration: 'champ_Q2hhbXAtMg==',
    requester_role: 'champ_Q2hhbXAtMw==',
    request_need: 'champ_Q2hhbXAtNA==',
    request_team_size: 'champ_Q2hhbXAtNQ==',
    request_audience: 'champ_Q2hhbXAtNg==',
    request_format: 'champ_Q2hhbXAtNw==',
    request_periods: 'champ_Q2hhbXAtOA==',
    request_place: 'champ_Q2hhbXAtOQ==',
  };
  const dsConfig = () => ({ 'sur-mesure': { to: 'demarches-simplifiees', url: `${ds.url}/commencer/campus-sur-mesure`, fields } });
  // A zero-width space inside (the form trims the ones at the edges).
  const HOSTILE = '&identite_nom=X#=cmd|\' /C\u200b calc\'!A0 +@-e\u0301';

  test('the review continues on DS with a prefilled link; nothing is left; the page says it is not sent yet', async (t) => {
    ds.state.visits.length = 0;
    const page = await open(dsConfig(), { route: 'sur-mesure/' });
    await requestToReview(page, async (p) => {
      await fillNeed(p);
      await p.fill('#f-request_place', HOSTILE);
    });
    await page.click('label[for="f-request_consent"]');
    await page.click('button:has-text("Continuer sur démarches simplifiées")');
    await page.waitForSelector('#continuer-ds');
    assert.match(page.url(), /sur-mesure\/demarches-simplifiees\/$/);
    assert.match(await page.textContent('#pas-encore-envoyee'), /pas encore envoyée/);
    assert.equal(await page.locator('#reponses-a-recopier').count(), 0, 'everything fits');
    const link = await page.getAttribute('#continuer-ds', 'href');
    assert.ok(link.length <= 2000, `${link.length}`);
    t.diagnostic(`the sample request's DS link: ${link.length} characters`);
    const query = new URL(link).searchParams;
    assert.equal(query.get('identite_prenom'), 'Dominique');
    assert.equal(query.get('identite_nom'), 'Lefèvre');
    assert.equal(query.get('champ_Q2hhbXAtOQ=='), HOSTILE);
    assert.equal(query.get('champ_Q2hhbXAtMg=='), 'Ministère de la Culture');
    assert.deepEqual(query.getAll('champ_Q2hhbXAtOA==[]'), ['Avril à juin']);
    assert.equal(query.get('champ_Q2hhbXAtNQ=='), '14');
    assert.deepEqual([...query.keys()].slice(0, 2), ['identite_prenom', 'identite_nom'], 'identity first');
    await assertAccessible(page, 'DS hand-off');
    const [tab] = await Promise.all([page.context().waitForEvent('page'), page.click('#continuer-ds')]);
    await tab.waitForLoadState();
    assert.equal(await tab.title(), 'Dossier prérempli');
    assert.equal(ds.state.visits.length, 1);
    assert.equal(`${ds.url}${ds.state.visits[0].url}`, link);
    // The JSON copy stays available, and the address reloads.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#telecharger-copie')]);
    assert.ok(validateRequest(JSON.parse(await readFile(await download.path(), 'utf8'))));
    await page.reload();
    await page.waitForSelector('#continuer-ds');
    assertNoProblems(page);
  });

  test('the longest answers do not fit: listed with their DS field and a copy button (allowed, then denied)', async () => {
    const page = await open(dsConfig(), { route: 'sur-mesure/' });
    // The longest need the form takes, in decomposed (NFD) letters.
    const need = 'e\u0301'.repeat(1000);
    await requestToReview(page, async (p) => {
      await fillNeed(p);
      await p.fill('#f-request_need', need);
    });
    await page.click('label[for="f-request_consent"]');
    await page.click('#envoyer');
    await page.waitForSelector('#reponses-a-recopier');
    const link = await page.getAttribute('#continuer-ds', 'href');
    assert.ok(link.length <= 2000);
    assert.equal(new URL(link).searchParams.get('champ_Q2hhbXAtNA=='), null, 'the need is not in the link');
    assert.equal(new URL(link).searchParams.get('champ_Q2hhbXAtOQ=='), 'Paris', 'the others still are');
    const list = await page.textContent('#reponses-a-recopier');
    assert.ok(list.includes('champ_Q2hhbXAtNA=='), 'the DS field is named');
    assert.ok(list.includes(need));
    await assertAccessible(page, 'DS hand-off with answers to copy');
    // Denied (the browser refuses, or has no clipboard here): said, with what to do instead.
    await page.evaluate(() => { navigator.clipboard.writeText = () => Promise.reject(new DOMException('no', 'NotAllowedError')); });
    await page.click('#reponses-a-recopier button:has-text("Copier")');
    await page.waitForSelector('#reponses-a-recopier [role="status"]:has-text("Copie impossible")');
    await page.evaluate(() => { navigator.clipboard.writeText = () => { throw new TypeError('thrown'); }; });
    await page.click('#reponses-a-recopier button:has-text("Copier")');
    await page.waitForFunction(() => document.querySelector('#reponses-a-recopier [role="status"]')?.textContent.includes('Copie impossible'));
    await page.evaluate(() => { delete navigator.clipboard.writeText; });
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.url).origin });
    await page.click('#reponses-a-recopier button:has-text("Copier")');
    await page.waitForSelector('#reponses-a-recopier [role="status"]:has-text("Copié")');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), need);
    assertNoProblems(page);
  });

  test('a trainer application continues on DS too', async () => {
    const page = await open({ candidature: { to: 'demarches-simplifiees', url: `${ds.url}/commencer/campus-candidature`, fields: { first_name: 'identite_prenom', domains: 'champ_RA==' } } });
    await completeUpToReview(page, 'idee-programme');
    await page.click('label[for="f-consent"]');
    await page.click('#envoyer');
    await page.waitForSelector('#continuer-ds');
    const query = new URL(await page.getAttribute('#continuer-ds', 'href')).searchParams;
    assert.equal(query.getAll('champ_RA==[]').length, 2);
    // Unmapped answers are listed, with no DS field of their own.
    assert.match(await page.textContent('#reponses-a-recopier'), /aucun champ prévu/);
    assertNoProblems(page);
  });
});

describe('a configuration that cannot work: a warning naming its key, and download and email', () => {
  for (const [entry, key] of [
    [{ to: 'fax' }, 'forms.candidature.to'],
    [gristConfig2({ columns: { foo: 'Foo' } }), 'forms.candidature.columns.foo'],
    [gristConfig2({ server: 'http://grist.example.fr' }), 'forms.candidature.server'],
    [{ to: 'demarches-simplifiees', url: 'https://ds.example.fr/commencer/x', fields: { nope: 'champ_A' } }, 'forms.candidature.fields.nope'],
  ]) {
    test(key, async () => {
      const warnings = [];
      const page = await open({ candidature: entry }, { allowConsole: [/falls back to download and email/] });
      page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
      await completeUpToReview(page, 'idee-programme');
      await page.waitForSelector('button:has-text("Télécharger ma candidature")');
      assert.equal(await page.locator('#envoyer').count(), 0, 'nothing to send to');
      assert.ok(warnings.some((w) => w.includes(`\`${key}\``)), warnings.join('\n'));
      await assertAccessible(page, `refused ${key}`);
    });
  }
});

function gristConfig2(extra) {
  return { to: 'grist', server: 'https://grist.example.fr', share_key: 'k', table: 'T', ...extra };
}
