// The addresses the benchmarks measure, taken as a visitor gets them: the pages
// people land on (from a search engine or a menu), then what the address bar
// shows after each kind of use — a search and a domain filter, a course opened
// from a card, a form step, a shared selection — and old `#/…` links (issue 23).
// Each address is read from the address bar (or the clipboard, for the share
// link) of a real Chromium driven through playwright-core, never written here.
import { chromium } from 'playwright-core';

import { CHROMIUM_ARGS } from '../tests/e2e/support/harness.mjs';


/** `url` relative to the site root `root`. */
const rel = (url, root) => (url.startsWith(root) ? url.slice(root.length) : url);

/**
 * The addresses to measure on the site served at `root` (`http://host/sub/`):
 * `[{ name, path }]`, `path` relative to `root`. `catalogue` is the build's
 * catalogue (the course people land on is its first with sessions).
 * `browser`: a playwright-core browser to use (else one is launched).
 */
export async function addressesFromUse(root, catalogue, { executablePath = '/usr/bin/chromium', browser: given } = {}) {
  const course = catalogue.courses.find((c) => c.sessions?.length) ?? catalogue.courses[0];
  const list = [
    { name: 'home', path: '' },
    { name: 'catalogue', path: 'catalogue/' },
    { name: 'course', path: `formation/${course.id}/` },
    { name: 'application start', path: 'candidature/' },
  ];
  // A caller's browser is used as it is (its own profile per context); else one of its own.
  const browser = given ?? (await chromium.launch({ executablePath, args: CHROMIUM_ARGS }));
  let context;
  try {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    const live = () => page.waitForSelector('#campus-app:not([hidden]) main h1', { timeout: 30_000 });
    const route = () => rel(page.url(), root);
    /** Waits until the address bar (relative to the root) passes `test`. */
    const until = async (test) => {
      for (const started = Date.now(); !test(route()); await page.waitForTimeout(50)) {
        if (Date.now() - started > 30_000) throw new Error(`address bar: ${route()}`);
      }
    };

    // A search, then a domain ticked.
    await page.goto(root + 'catalogue/');
    await live();
    await page.fill('#recherche-texte', 'cyber');
    await until((u) => u.includes('q=cyber'));
    const domain = catalogue.domains.find((d) => d.id === 'cybersecurite') ?? catalogue.domains[0];
    await page.click('#filtre-domaine-bouton');
    await page.click(`label[for="filtre-domaine-${domain.id}"]`);
    await until((u) => u.includes(`domaine=${domain.id}`));
    list.push({ name: 'search + domain', path: route() });

    // A course opened from a card of those results.
    await page.locator('.campus-results .fr-card__title a').first().click();
    await until((u) => u.startsWith('formation/'));
    list.push({ name: 'course from a card', path: route() });

    // The step after the first one of the trainer application.
    await page.goto(root + 'candidature/');
    await live();
    await page.click('button:has-text("Commencer ma candidature")');
    await until((u) => u.startsWith('candidature/') && u !== 'candidature/');
    list.push({ name: 'form step', path: route() });

    // Three courses bookmarked, then the share link copied.
    await page.goto(root + 'catalogue/');
    await live();
    const cards = page.locator('.campus-results .fr-card');
    for (const i of [0, 1, 2]) await cards.nth(i).locator('button[aria-pressed]').click();
    await page.click('#campus-app header a[href="ma-selection/"]');
    await until((u) => u === 'ma-selection/');
    await page.click('#selection-copier');
    await page.waitForSelector('text=Le lien de votre sélection a été copié');
    list.push({ name: 'shared selection', path: rel(await page.evaluate(() => navigator.clipboard.readText()), root) });
  } finally {
    await context?.close();
    if (!given) await browser.close();
  }
  // The links people published before the paths: the old form of two of them.
  const search = list.find((a) => a.name === 'search + domain').path;
  list.push({ name: 'old #/ search', path: `#/${search.replace(/^catalogue\/\?/, 'catalogue?')}` });
  list.push({ name: 'old #/ course', path: `#/formation/${course.id}` });
  return list;
}
