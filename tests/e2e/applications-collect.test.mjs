// The email path from both ends: an applicant and a manager fill their forms in
// the real app (no endpoint configured), download their files, and the campus
// team gathers them with the native collector (`npm run applications --
// collect`, built by .ci/test before this step). Each downloaded file carries
// its checksum as its last member; a copy edited by hand is refused.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { schemaValidator } from './support/schemas.mjs';
import { assertNoProblems, startApp } from './support/harness.mjs';
import {
  continueTo, fillAvailability, fillExpertise, fillNeed, fillProposal, fillRequester, fillYou, fnv1a, openApplicationPage,
} from './support/applicant.mjs';

const TOOL = resolve(process.env.CARGO_TARGET_DIR ?? 'target', 'debug', 'campus-applications');
const validateApplication = schemaValidator('application.schema.json');
const validateRequest = schemaValidator('request.schema.json');

let app;
let dir;
before(async () => {
  assert.ok(existsSync(TOOL), `${TOOL} is missing: cargo build --bin campus-applications`);
  dir = mkdtempSync(join(tmpdir(), 'campus-collect-'));
  app = await startApp();
});
after(async () => {
  await app?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Clicks `button` on the review page and saves the download in `dir`. */
async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(`button:has-text("${button}")`)]);
  const path = join(dir, file.suggestedFilename());
  await file.saveAs(path);
  return { name: file.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

/** The file's checksum: its last member, FNV-1a of the text without it. */
function assertSealed(text) {
  const match = /,"checksum":"([0-9a-f]{16})"\}$/.exec(text);
  assert.ok(match, `no checksum at the end: ${text.slice(-80)}`);
  assert.equal(fnv1a(text.replace(match[0], '}')), match[1]);
}

test('files downloaded from both forms are gathered by the collector; an edited copy is refused', async () => {
  // An application with a formula-looking answer.
  const page = await openApplicationPage(app, { endpoint: null });
  await page.click('button:has-text("Commencer ma candidature")');
  await page.waitForSelector('#f-first_name');
  await fillYou(page);
  await page.fill('#f-department', '=HYPERLINK("https://evil.example";"clic")');
  await continueTo(page, 'Votre expertise');
  await fillExpertise(page);
  await continueTo(page, 'Votre proposition');
  await fillProposal(page, 'formation-existante');
  await continueTo(page, 'Vos disponibilités');
  await fillAvailability(page);
  await continueTo(page, 'Vérifiez votre candidature');
  await page.click('label[for="f-consent"]');
  const application = await download(page, 'Télécharger ma candidature');
  assert.match(application.name, /^candidature-[2-9A-HJKMNP-Z]{8}\.json$/);
  assertSealed(application.text);
  const payload = JSON.parse(application.text);
  assert.ok(validateApplication(payload), JSON.stringify(validateApplication.errors, null, 1));
  assertNoProblems(page);

  // A sur-mesure request.
  const other = await openApplicationPage(app, { endpoint: null, config: { requests_endpoint: null }, route: 'sur-mesure/' });
  await other.click('button:has-text("Commencer ma demande")');
  await other.waitForSelector('#f-requester_first_name');
  await fillRequester(other);
  await continueTo(other, 'Votre besoin');
  await fillNeed(other);
  await continueTo(other, 'Vérifiez votre demande');
  await other.click('label[for="f-request_consent"]');
  const request = await download(other, 'Télécharger ma demande');
  assertSealed(request.text);
  assert.ok(validateRequest(JSON.parse(request.text)), JSON.stringify(validateRequest.errors, null, 1));
  assertNoProblems(other);

  // A copy edited by hand, as someone could before forwarding it.
  writeFileSync(join(dir, 'copie-modifiee.json'), application.text.replace('Camille', 'Mallory'));

  const out = join(dir, 'candidatures.ods');
  const run = spawnSync(TOOL, ['collect', dir, '--out', out], { encoding: 'utf8' });
  const report = run.stderr.replaceAll('\u00a0', ' ');
  assert.equal(run.status, 0, report);
  assert.match(report, /^3 fichiers lus : 1 candidature, 1 demande sur mesure\./);
  assert.match(report, /Erreur · .*copie-modifiee\.json : modifié après téléchargement/);
  assert.match(report, /1 erreur, 0 avertissement\./);
  assert.ok(!report.includes(`${application.name} :`), `the app's own files are clean: ${report}`);
  assert.ok(existsSync(out));
  // An ODS file (a zip whose first entry is its mimetype).
  const bytes = readFileSync(out);
  assert.equal(bytes.subarray(30, 38).toString(), 'mimetype');
  assert.ok(bytes.includes(Buffer.from('application/vnd.oasis.opendocument.spreadsheet')));
});
