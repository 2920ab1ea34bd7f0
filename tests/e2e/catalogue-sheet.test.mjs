// A course the campus team adds in its spreadsheet reaches the app: the
// present site's CSV export, imported by the native tool (`npm run catalogue
// -- import`, built by .ci/test before this step), is served in place of
// catalogue.json; searching the new course's title finds its card, which opens
// its page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { assertNoProblems, startApp, waitForApp } from './support/harness.mjs';
import { frenchSpacing, serveCatalogue } from './support/fixtures.mjs';

const TOOL = resolve(process.env.CARGO_TARGET_DIR ?? 'target', 'debug', 'campus-catalogue');
const TITLE = 'Atelier tableur : tenir le catalogue à plusieurs';

// The present site's export layout (`/catalogue/?export=csv`), semicolons as
// a French spreadsheet writes them.
const CSV = [
  "Intitulé;Type;Descriptif court;Objectifs;Durée;Lien d'inscription;Public cible;Thématiques;Sous-thématiques;Organisateurs;Modalité",
  `${TITLE};Formation;Tenir le catalogue du campus dans un tableur partagé, sans JSON.;Importer un tableur;une demi-journée;mailto:campus-data@numerique.gouv.fr;Tous les agents;Data;Tableurs;DINUM;En ligne`,
  'Cycle données publiques;Cycle;Trois rendez-vous sur la donnée.;Ouvrir des données;2 jours;https://campus.numerique.gouv.fr/cycle-donnees;Agents du numérique, Managers;Data, Cybersécurité;;DINUM, Etalab;En ligne, Présentiel',
].join('\n');

let app;
let dir;
let imported;
before(async () => {
  assert.ok(existsSync(TOOL), `${TOOL} is missing: cargo build --bin campus-catalogue`);
  dir = mkdtempSync(join(tmpdir(), 'campus-sheet-'));
  writeFileSync(join(dir, 'export.csv'), CSV);
  const run = spawnSync(TOOL, ['import', join(dir, 'export.csv'), '--out', join(dir, 'catalogue.json')], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stderr, /export\.csv\s:\s2 formations/);
  imported = readFileSync(join(dir, 'catalogue.json'), 'utf8');
  app = await startApp();
});
after(async () => {
  await app?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('a course added in the team’s sheet is found in the catalogue and has its page', async () => {
  const page = await app.newPage();
  await serveCatalogue(page, imported);
  await page.goto(`${app.url}catalogue/`);
  await waitForApp(page);
  await page.waitForFunction(() => !document.querySelector('.campus-loading'));
  await page.fill('#recherche-texte', 'tableur');
  const card = page.locator('#campus-app .campus-results .fr-card__title a', { hasText: frenchSpacing(TITLE) });
  await card.waitFor();
  assert.equal(await page.locator('#campus-app .campus-results .fr-card__title a').count(), 1);
  await card.click();
  await page.waitForFunction(
    (title) => document.querySelector('#campus-app main h1')?.textContent.trim() === title,
    frenchSpacing(TITLE),
  );
  // The registration link of the sheet was a mailto: it is the team's contact.
  const write = page.locator('#campus-app a[href^="mailto:campus-data@numerique.gouv.fr"]');
  assert.ok((await write.count()) >= 1, 'the contact from the sheet');
  assertNoProblems(page);
});
