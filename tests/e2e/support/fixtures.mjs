// Small catalogue documents for the e2e tests, built in code so that each test
// says exactly what it feeds the app.
import { readFileSync } from 'node:fs';

/** The bundled sample catalogue, as the app will load it. */
export function bundledCatalogue() {
  return JSON.parse(readFileSync(new URL('../../../public/catalogue.json', import.meta.url), 'utf8'));
}

const DOMAINS = [
  { id: 'data', label: 'Data', description: 'Données.' },
  { id: 'cybersecurite', label: 'Cybersécurité', description: 'Sécurité.' },
];

/** A valid course; `overrides` replace fields. */
export function course(id, overrides = {}) {
  return {
    id,
    kind: 'module',
    title: `Module ${id}`,
    summary: `Résumé de ${id}.`,
    description: 'Premier paragraphe.\n\nSecond paragraphe.',
    domains: ['data'],
    level: 'decouverte',
    audience: ['tous-agents'],
    format: 'distanciel',
    duration_hours: 3,
    provider: 'DINUM',
    free: true,
    objectives: ['Comprendre'],
    prerequisites: [],
    sessions: [
      {
        id: `s-${id}`,
        start: '2030-03-12T09:30:00+01:00',
        end: '2030-03-12T12:30:00+01:00',
        format: 'presentiel',
        location: { city: 'Lyon', region: 'Auvergne-Rhône-Alpes' },
        seats_left: 4,
        registration_url: 'https://example.gouv.fr/inscription',
      },
    ],
    ...overrides,
  };
}

/** A catalogue document around `courses`. */
export function catalogue(courses, extra = {}) {
  return { version: 1, updated: '2026-11-20', domains: DOMAINS, courses, ...extra };
}

/** Serves `body` (object or string) in place of catalogue.json for `page`. */
export async function serveCatalogue(page, body, status = 200) {
  await page.route('**/catalogue.json', (route) =>
    route.fulfill({
      status,
      contentType: 'application/json',
      body: asText(body),
    }),
  );
}

/**
 * A deployment whose config.json names another catalogue: `url` (relative to
 * the site root, as config.json writes it) answers `body`.
 */
export async function serveOtherCatalogue(page, url, body) {
  await page.route('**/config.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify({ catalogue_url: url }) }));
  await page.route(`**/${url}`, (route) =>
    route.fulfill({ contentType: 'application/json', body: asText(body) }));
}

/** A response body: a string as is, anything else as JSON. */
const asText = (body) => (typeof body === 'string' ? body : JSON.stringify(body));

/**
 * Holds every request for `catalogue.json` until the returned `release()` is
 * called, then answers it with `body` (or, without one, the file served).
 * Shows what a page says while the catalogue is on its way.
 */
export async function holdCatalogue(page, body) {
  let release;
  const held = new Promise((resolve) => {
    release = resolve;
  });
  await page.route('**/catalogue.json', async (route) => {
    await held;
    if (body === undefined) await route.continue();
    else await route.fulfill({ contentType: 'application/json', body: asText(body) });
  });
  return release;
}

/**
 * A catalogue text as the app shows it: French spacing (a non-breaking space
 * before : ; ! ? » and after «, a narrow one between thousands), as
 * `i18n::typography::french_spacing` does.
 */
export function frenchSpacing(text) {
  return text
    .replace(/ (?=[:;!?»])/g, '\u00a0')
    .replace(/« /g, '«\u00a0')
    .replace(/(\d) (?=\d{3}(?!\d))/g, '$1\u202f');
}
