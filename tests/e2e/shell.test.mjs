// The DSFR shell, every route, both languages, focus management and configuration
// fallbacks, in real Chromium against the release build on a plain static server
// mounted under a sub-path.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessible, assertNoProblems, BASE, startApp, waitForApp, waitForPageFocus } from './support/harness.mjs';

const SERVICE = 'Campus du numérique public';

/** Every route, with its h1 in French and English. */
const ROUTES = [
  { hash: '', fr: SERVICE, en: SERVICE, title: 'Accueil' },
  { hash: 'catalogue/', fr: 'Catalogue des formations', en: 'Training catalogue' },
  { hash: 'formation/?id=identifiant-inconnu', fr: 'Formation introuvable', en: 'Training not found' },
  { hash: 'ma-selection/', fr: 'Ma sélection', en: 'My selection' },
  { hash: 'devenir-formateur/', fr: 'Devenir formateur ou formatrice', en: 'Become a trainer' },
  { hash: 'candidature/', fr: 'Candidature des formateurs bénévoles', en: 'Volunteer trainer application' },
  { hash: 'accessibilite/', fr: "Déclaration d'accessibilité", en: 'Accessibility statement' },
  { hash: 'mentions-legales/', fr: 'Mentions légales', en: 'Legal notice' },
  { hash: 'donnees-personnelles/', fr: 'Données personnelles', en: 'Personal data' },
  { hash: 'plan-du-site/', fr: 'Plan du site', en: 'Sitemap' },
  { hash: 'formation/?id=', fr: 'Page non trouvée', en: 'Page not found' },
];

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

async function switchLanguage(page, code) {
  await page.click('header .fr-header__tools .fr-translate__btn');
  await page.click(`header .fr-header__tools .fr-translate__language[lang="${code}"]`);
  await page.waitForFunction((c) => document.documentElement.lang === c, code);
}

describe('every route, deep-linked on a plain static server under a sub-path', () => {
  for (const route of ROUTES) {
    test(`${route.hash || ''} renders the DSFR shell in French and English, axe-clean`, async () => {
      const page = await app.newPage();
      const response = await page.goto(app.url + route.hash);
      assert.equal(response.status(), 200);
      assert.ok(page.url().startsWith(`http://127.0.0.1:`) && page.url().includes(BASE));
      await waitForApp(page);

      // French first.
      assert.equal(await page.getAttribute('html', 'lang'), 'fr');
      assert.equal((await page.textContent('main h1')).trim(), route.fr);
      assert.equal(await page.title(), `${route.title ?? route.fr} - ${SERVICE}`);
      assert.match(await page.textContent('.fr-header__service-title'), /Campus du numérique public/);
      assert.match(await page.textContent('.fr-header .fr-logo'), /République\s*Française/);
      assert.equal(await page.locator('.fr-skiplinks a').count(), 3);
      assert.equal(await page.locator('footer.fr-footer .fr-footer__bottom-link').count(), 4);
      assert.equal(await page.locator('#campus-boot').count(), 0, 'boot message removed');
      await assertAccessible(page, `${route.hash} (fr)`);

      // Then English, without reloading.
      await switchLanguage(page, 'en');
      assert.equal((await page.textContent('main h1')).trim(), route.en);
      assert.match(await page.textContent('#navigation-principale'), /Training catalogue/);
      assert.match(await page.title(), / - Campus du numérique public$/);
      await assertAccessible(page, `${route.hash} (en)`);
      assertNoProblems(page);
    });
  }
});

test('the language choice is kept across reloads and <html lang> follows it', async () => {
  const page = await app.newPage();
  await page.goto(app.url + 'plan-du-site/');
  await waitForApp(page);
  await switchLanguage(page, 'en');
  assert.equal(await page.title(), `Sitemap - ${SERVICE}`);
  await page.reload();
  await waitForApp(page);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal((await page.textContent('main h1')).trim(), 'Sitemap');
  // The current language is marked for assistive technologies.
  await page.click('header .fr-header__tools .fr-translate__btn');
  assert.equal(
    await page.getAttribute('header .fr-header__tools .fr-translate__language[lang="en"]', 'aria-current'),
    'true',
  );
  assert.equal(
    await page.getAttribute('header .fr-header__tools .fr-translate__btn', 'aria-expanded'),
    'true',
  );
  await page.keyboard.press('Escape');
  assert.equal(
    await page.getAttribute('header .fr-header__tools .fr-translate__btn', 'aria-expanded'),
    'false',
  );
  await switchLanguage(page, 'fr');
  assert.equal((await page.textContent('main h1')).trim(), 'Plan du site');
  assertNoProblems(page);
});

test('following links moves focus to the new page title; Back and Forward restore pages', async () => {
  const page = await app.newPage();
  await page.goto(app.url);
  await waitForApp(page);
  await page.click('#navigation-principale a:has-text("Catalogue des formations")');
  await page.waitForFunction(() => campusRoute === 'catalogue/');
  await waitForPageFocus(page, 'Catalogue des formations');
  assert.equal(await page.title(), `Catalogue des formations - ${SERVICE}`);
  assert.equal(
    await page.getAttribute('#navigation-principale a:has-text("Catalogue des formations")', 'aria-current'),
    'page',
  );

  await page.click('footer a:has-text("Mentions légales")');
  await page.waitForFunction(() => document.activeElement?.textContent.trim() === 'Mentions légales');

  await page.goBack();
  await page.waitForFunction(() => document.querySelector('main h1')?.textContent.trim() === 'Catalogue des formations');
  await page.goBack();
  await page.waitForFunction((title) => document.querySelector('main h1')?.textContent.trim() === title, SERVICE);
  await page.goForward();
  await page.waitForFunction(() => document.querySelector('main h1')?.textContent.trim() === 'Catalogue des formations');
  assert.ok(page.url().endsWith(`${BASE}catalogue/`));
  assertNoProblems(page);
});

test('keyboard only: skip link to the content keeps the route, Tab reaches the navigation', async () => {
  const page = await app.newPage();
  await page.goto(app.url + 'plan-du-site/');
  await waitForApp(page);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), 'Contenu');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'contenu');
  assert.ok(page.url().endsWith('plan-du-site/'), `route kept: ${page.url()}`);
  assert.equal((await page.textContent('main h1')).trim(), 'Plan du site');

  // The "Menu" skip link lands on the main navigation; Tab then follows its links.
  await page.reload();
  await waitForApp(page);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), 'Menu');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'navigation-principale');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), 'Accueil');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => campusRoute === 'catalogue/');
  await waitForPageFocus(page, 'Catalogue des formations');

  // A typed in-page anchor does not lose the route either.
  await page.evaluate(() => { location.hash = '#footer'; });
  await page.waitForFunction(() => campusRoute === 'catalogue/');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'footer');
  assertNoProblems(page);
});

test('on a small screen the menu button opens the navigation, and a link closes it', async () => {
  const page = await app.newPage({ viewport: { width: 375, height: 740 } });
  await page.goto(app.url);
  await waitForApp(page);
  assert.equal(await page.isVisible('#navigation-principale'), false);
  await page.click('.fr-header__navbar .fr-btn--menu');
  await page.waitForSelector('#navigation-principale', { state: 'visible' });
  assert.equal(await page.getAttribute('#header-menu', 'role'), 'dialog');
  await assertAccessible(page, 'mobile menu open');
  await page.click('#navigation-principale a:has-text("Devenir formateur")');
  await page.waitForFunction(() => campusRoute === 'devenir-formateur/');
  await page.waitForSelector('#navigation-principale', { state: 'hidden' });
  assertNoProblems(page);
});

test('the campus team is reachable from every page: its address in the footer, the tailor-made request in the menu and on the home page', async () => {
  const page = await app.newPage();
  await page.goto(app.url + 'catalogue/');
  await waitForApp(page);
  assert.equal(await page.getAttribute('footer a[href^="mailto:"]', 'href'), 'mailto:campus@numerique.gouv.fr');
  assert.match(await page.textContent('footer'), /Nous écrire\u00a0:\s*campus@numerique\.gouv\.fr/);
  await page.click('#navigation-principale a:has-text("Formation sur mesure")');
  await page.waitForFunction(() => campusRoute === 'sur-mesure/');
  assert.equal(await page.getAttribute('#navigation-principale a:has-text("Formation sur mesure")', 'aria-current'), 'page');
  // The home page too (its menu).
  await page.goto(app.url);
  await waitForApp(page);
  assert.equal(await page.getAttribute('#navigation-principale a:has-text("Formation sur mesure")', 'href'), 'sur-mesure/');
  // The same in English.
  await page.click('header .fr-header__tools .fr-translate__btn');
  await page.click('header .fr-header__tools .fr-translate__language[lang="en"]');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.match(await page.textContent('footer'), /Write to us:\s*campus@numerique\.gouv\.fr/);
  assert.ok(await page.$('#navigation-principale a:has-text("Tailor-made training")'));
  await assertAccessible(page, 'home with the contact and the request in English');
  assertNoProblems(page);
});

describe('config.json', () => {
  test('is fetched next to index.html, under the sub-path', async () => {
    const page = await app.newPage();
    const requested = page.waitForRequest((r) => r.url().endsWith('config.json'));
    await page.goto(app.url);
    assert.equal((await requested).url(), `${app.url}config.json`);
    await waitForApp(page);
    assert.deepEqual(page.warnings.filter((w) => w.includes('[campus]')), []);
    assertNoProblems(page);
  });

  test('missing: the site still shows, with a console warning', async () => {
    const page = await app.newPage({ allowConsole: [/Failed to load resource.*404/] });
    await page.route('**/config.json', (route) => route.fulfill({ status: 404, body: 'Not found' }));
    await page.goto(app.url + 'catalogue/');
    await waitForApp(page);
    await expectWarning(page, /config\.json unavailable \(HTTP 404 Not Found\); using the defaults/);
    assert.equal((await page.textContent('main h1')).trim(), 'Catalogue des formations');
    await assertAccessible(page, 'catalogue without config.json');
    assertNoProblems(page);
  });

  test('invalid JSON or invalid fields: defaults with a console warning', async () => {
    const page = await app.newPage();
    await page.route('**/config.json', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: '{"catalogue_url": ' }),
    );
    await page.goto(app.url);
    await waitForApp(page);
    await expectWarning(page, /config\.json is not valid JSON/);

    const page2 = await app.newPage();
    await page2.route('**/config.json', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: '{"catalogue_url": "javascript:alert(1)", "applications_endpoint": 42}',
      }),
    );
    await page2.goto(app.url);
    await waitForApp(page2);
    await expectWarning(page2, /`catalogue_url` uses a scheme other than http or https/);
    await expectWarning(page2, /`applications_endpoint` is neither a string nor null/);
    assertNoProblems(page);
    assertNoProblems(page2);
  });
});

test('the build also works at the root of a server', async () => {
  const rootApp = await startApp({ base: '/' });
  try {
    const page = await rootApp.newPage();
    await page.goto(rootApp.url + 'mentions-legales/');
    await waitForApp(page);
    assert.equal((await page.textContent('main h1')).trim(), 'Mentions légales');
    await assertAccessible(page, 'served at the root');
    assertNoProblems(page);
  } finally {
    await rootApp.close();
  }
});

async function expectWarning(page, pattern) {
  for (let i = 0; i < 50; i++) {
    if (page.warnings.some((w) => pattern.test(w))) return;
    await page.waitForTimeout(100);
  }
  assert.fail(`no console warning matching ${pattern}; got ${JSON.stringify(page.warnings)}`);
}

test('the app runs under its own strict Content-Security-Policy, with no violation', async () => {
  // No bypassCSP here: the policy in index.html applies as on a real server.
  const context = await app.browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(app.url);
  const policy = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
  assert.doesNotMatch(policy, /'unsafe-eval'|'unsafe-inline'/);
  for (const hash of ['', 'catalogue/?q=donnees', 'devenir-formateur/', 'candidature/', 'plan-du-site/']) {
    await page.goto(app.url + hash);
    await waitForApp(page);
    await page.waitForTimeout(200);
  }
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(problems, []);
  await context.close();
});
