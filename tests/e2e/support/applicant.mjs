// Driving the trainer application as an applicant does: shared by the e2e files.
import assert from 'node:assert/strict';
import { assertAccessible, waitForApp } from './harness.mjs';

/**
 * A page of `app` whose config.json points at `endpoint` (null: no server), opened
 * on the application start page. `config` adds fields to config.json.
 */
export async function openApplicationPage(app, { endpoint = null, allowConsole = [], config = {}, page: given, route = 'candidature/' } = {}) {
  const page = given ?? (await app.newPage({ allowConsole }));
  await page.route('**/config.json', (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({ catalogue_url: 'catalogue.json', applications_endpoint: endpoint, ...config }),
    }),
  );
  await page.goto(app.url + route);
  await waitForApp(page);
  return page;
}

/**
 * After sending or discarding, storage holds only the tombstone (reference, how,
 * when) and nothing typed: no draft key, no answer anywhere in localStorage.
 */
export async function assertOnlyTombstone(page, how, reference) {
  const all = await page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));
  const record = JSON.parse(all['campus.candidature']);
  assert.deepEqual(Object.keys(record), ['closed']);
  assert.deepEqual(Object.keys(record.closed).sort(), ['at', 'how', 'reference']);
  assert.equal(record.closed.how, how);
  if (reference) assert.equal(record.closed.reference, reference);
  const text = JSON.stringify(all);
  for (const typed of ['Camille', 'Martin', 'interieur.gouv.fr']) assert.ok(!text.includes(typed), `${typed} left in storage`);
}

export const stepTitle = (page) => page.textContent('main h1').then((t) => t.trim());
export async function continueTo(page, title) {
  await page.click('form button[type="submit"]');
  await page.waitForFunction((t) => document.querySelector('main h1')?.textContent.includes(t), title);
}
export async function pick(page, field, value) {
  await page.click(`label[for="f-${field}-${value}"]`);
}

export async function fillYou(page) {
  await page.fill('#f-first_name', 'Camille');
  await page.fill('#f-last_name', 'Martin');
  await page.fill('#f-email', 'camille.martin@interieur.gouv.fr');
  await page.selectOption('#f-administration', 'interieur');
  await page.fill('#f-department', 'Direction du numérique');
  await page.fill('#f-job_title', 'Cheffe de produit');
  await page.selectOption('#f-region', 'bretagne');
  await pick(page, 'status', 'titulaire');
}
export async function fillExpertise(page) {
  await pick(page, 'domains', 'design-accessibilite');
  await pick(page, 'domains', 'intelligence-artificielle');
  await pick(page, 'skills', 'design');
  await page.fill('#f-years_experience', '8');
  await pick(page, 'teaching_experience', 'occasionnelle');
  await page.fill('#f-bio', 'Dix ans de projets numériques <script>alert(1)</script> au service des usagers.');
  await page.fill('#f-motivation', 'Partager ce que j\'ai appris avec mes collègues.');
}
export async function fillProposal(page, kind) {
  await pick(page, 'proposal_kind', kind);
  if (kind === 'formation-existante') {
    await page.fill('#f-existing_title', 'Accessibilité des démarches en ligne');
    await page.fill('#f-existing_summary', 'Rendre une démarche conforme au RGAA.');
    await page.selectOption('#f-existing_domain', 'design-accessibilite');
    await pick(page, 'existing_format', 'distanciel');
    await page.fill('#f-existing_duration_hours', '7');
    await pick(page, 'existing_audience', 'agents-numerique');
    await pick(page, 'existing_level', 'intermediaire');
    await page.fill('#f-existing_objectives', 'Auditer, corriger, déclarer.');
  } else if (kind === 'idee-programme') {
    await page.fill('#f-idea_title', 'La data pour les managers');
    await page.fill('#f-idea_need', 'Piloter une équipe avec des indicateurs.');
    await pick(page, 'idea_audience', 'managers');
    await pick(page, 'idea_format', 'hybride');
  } else {
    await page.fill('#f-help_topic', 'Écrire pour le web');
    await page.fill('#f-help_needed', 'Structurer un module de trois heures.');
    await page.fill('#f-help_when', 'Premier semestre 2027');
  }
}
export async function fillAvailability(page) {
  await page.fill('#f-days_per_year', '4');
  await pick(page, 'formats_accepted', 'distanciel');
  await pick(page, 'regions_available', 'bretagne');
  await pick(page, 'periods', 't2');
  await pick(page, 'manager_informed', 'oui');
}

export async function completeUpToReview(page, kind, { axe = false } = {}) {
  const check = async (label) => { if (axe) await assertAccessible(page, `${label} (${kind})`); };
  await page.click('button:has-text("Commencer ma candidature")');
  await page.waitForSelector('#f-first_name');
  await check('step 1');
  await fillYou(page);
  await continueTo(page, 'Votre expertise');
  await check('step 2');
  await fillExpertise(page);
  await continueTo(page, 'Votre proposition');
  await fillProposal(page, kind);
  await check('step 3 with its branch');
  await continueTo(page, 'Vos disponibilités');
  await check('step 4');
  await fillAvailability(page);
  await continueTo(page, 'Vérifiez votre candidature');
}


/** FNV-1a 64-bit over UTF-8, as the app checks progress files. */
export function fnv1a(text) {
  let h = 0xcbf29ce484222325n;
  for (const byte of Buffer.from(text, 'utf8')) {
    h ^= BigInt(byte);
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h.toString(16).padStart(16, '0');
}

/** `value` as serde_json writes a `Value`: object keys sorted, no spaces. */
function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * A progress file whose checksum is recomputed as the app computes it, as
 * anyone who edits one by hand can: `file` with its `draft` changed.
 */
export function resignProgress(file) {
  return { ...file, checksum: fnv1a(canonical(file.draft)) };
}

// The sur-mesure request's two steps, as a manager fills them.
export async function fillRequester(page) {
  await page.fill('#f-requester_first_name', 'Dominique');
  await page.fill('#f-requester_last_name', 'Lefèvre');
  await page.fill('#f-requester_email', 'dominique.lefevre@culture.gouv.fr');
  await page.selectOption('#f-requester_administration', 'culture');
  await page.fill('#f-requester_role', 'Cheffe du bureau des systèmes d\'information <b>gras</b>');
}
export async function fillNeed(page) {
  await page.fill('#f-request_need', 'Préparer le comité exécutif à une crise cyber\u00a0: rôles, décisions, communication.');
  await page.fill('#f-request_team_size', '14');
  await pick(page, 'request_audience', 'cadres-dirigeants');
  await pick(page, 'request_format', 'presentiel');
  await pick(page, 'request_periods', 't2');
  await page.fill('#f-request_place', 'Paris');
}
