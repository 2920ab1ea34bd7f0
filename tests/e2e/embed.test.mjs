// Embedding: two demo host pages (a DSFR ministry page with a CSP that forbids
// WebAssembly, and a page with hostile global CSS) served from another origin
// than the app (two loopback ports). The widget renders and works (search, open
// a course, fill a step of the application), its height follows its content with
// no inner scrollbar, the host's styles and URL do not change, and axe-core is
// clean on the host page and inside the widget. The loader also withstands what
// a host page or a crafted link can throw at it: malformed #campus= fragments,
// placeholders added after load (or moved), absurd heights.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { DIST, assertAccessible, assertNoProblems, startApp } from './support/harness.mjs';
import { bundledCatalogue, frenchSpacing } from './support/fixtures.mjs';

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');
const COURSE = bundledCatalogue().courses.find((c) => c.kind === 'parcours').id;

let app;
let host;
before(async () => {
  app = await startApp();
  const appOrigin = new URL(app.url).origin;
  // The host site: another origin, plain files with the app's address filled in.
  const dsfr = new URL('../../node_modules/@gouvfr/dsfr/dist/', import.meta.url);
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    // The ministry's own copy of the DSFR.
    if (path.startsWith('/dsfr/') && !path.includes('..')) {
      try {
        const body = readFileSync(new URL(path.slice('/dsfr/'.length), dsfr));
        const type = path.endsWith('.css') ? 'text/css' : path.endsWith('.woff2') ? 'font/woff2' : path.endsWith('.svg') ? 'image/svg+xml' : 'application/octet-stream';
        return res.writeHead(200, { 'content-type': type }).end(body);
      } catch {
        return res.writeHead(404).end();
      }
    }
    const name = path.slice(1) || 'ministere.html';
    if (!/^[a-z]+\.html$/.test(name)) return res.writeHead(404).end();
    let page;
    try {
      page = readFileSync(new URL(`./hosts/${name}`, import.meta.url), 'utf8');
    } catch {
      return res.writeHead(404).end();
    }
    page = page.replaceAll('{{APP}}', app.url).replaceAll('{{APP_ORIGIN}}', appOrigin).replaceAll('{{COURSE}}', COURSE);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  host = { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((r) => server.close(r)) };
});
after(async () => {
  await app?.close();
  await host?.close();
});

/**
 * Opens a host page. Its CSP (and the widget's) hold as on a real site; only the
 * accessibility checks, which inject axe-core as an inline script, use a context
 * that bypasses CSP (it changes nothing else). The Campus's config.json lists the
 * host in `embed_origins` (the application form is refused on unlisted hosts),
 * unless `embedOrigins` is null (the bundled config as is).
 */
async function openHost(name, { forAxe = false, embedOrigins = [new URL(host.url).origin] } = {}) {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: forAxe, serviceWorkers: 'block' });
  if (embedOrigins) {
    const config = JSON.parse(readFileSync(resolve(DIST, 'config.json'), 'utf8'));
    await context.route(
      (url) => url.href.startsWith(app.url) && url.pathname.endsWith('/config.json'),
      (route) => route.fulfill({ contentType: 'application/json', json: { ...config, embed_origins: embedOrigins } }),
    );
  }
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') page.problems.push(`console error: ${m.text()}`); });
  await page.goto(host.url + name);
  return page;
}

const widget = (page, id) => page.frameLocator(`#${id} iframe`);
async function frameOf(page, id) {
  const handle = await page.waitForSelector(`#${id} iframe`);
  const frame = await handle.contentFrame();
  await frame.waitForSelector('main h1:not(#page-en-chargement > h1)', { timeout: 20_000 });
  return { handle, frame };
}

/** The iframe is as tall as its content: no inner scrollbar, no empty space. */
async function assertFitsContent(page, id) {
  const { handle, frame } = await frameOf(page, id);
  await page.waitForFunction(
    async (sel) => {
      const f = document.querySelector(sel);
      const doc = f.contentDocument; // cross-origin: null, checked from inside below
      return f.getBoundingClientRect().height > 100 && doc === null;
    },
    `#${id} iframe`,
  );
  let last;
  for (let i = 0; i < 40; i++) {
    const outer = await handle.evaluate((f) => f.getBoundingClientRect().height);
    const inner = await frame.evaluate(() => ({
      content: Math.ceil(document.body.getBoundingClientRect().height),
      scroll: document.documentElement.scrollHeight,
      client: document.documentElement.clientHeight,
    }));
    const styleHeight = await handle.evaluate((f) => f.style.height);
    last = { outer, styleHeight, ...inner };
    if (Math.abs(outer - inner.content) <= 2 && inner.scroll <= inner.client + 1) return outer;
    await page.waitForTimeout(100);
  }
  assert.fail(`#${id}: the iframe does not fit its content: ${JSON.stringify(last)}`);
}

async function axeInFrame(frame, label) {
  await frame.addScriptTag({ path: AXE_PATH });
  const violations = await frame.evaluate(async () =>
    (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })).violations.map(
      (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    ),
  );
  assert.deepEqual(violations, [], `axe in widget (${label})`);
}

const hostStyles = (page) =>
  page.evaluate(() => {
    const pick = (sel) => {
      const s = getComputedStyle(document.querySelector(sel));
      return [s.fontFamily, s.fontSize, s.color, s.backgroundColor, s.margin, s.letterSpacing].join('|');
    };
    return { body: pick('body'), heading: pick('#host-heading'), lead: pick('#host-lead') };
  });

describe('a ministry page in the DSFR look, whose CSP forbids WebAssembly', () => {
  test('the catalogue widget, pre-filtered on a domain, works and fits its content', async () => {
    const page = await openHost('ministere.html');
    const stylesBefore = await hostStyles(page);
    const urlBefore = page.url();
    const { frame } = await frameOf(page, 'widget-catalogue');
    // Compact: no DSFR header or footer in the widget; pre-set filter applied.
    assert.equal(await frame.locator('header.fr-header, footer.fr-footer').count(), 0);
    await frame.waitForSelector('.campus-results');
    assert.equal(await frame.isChecked('#filtre-domaine-cybersecurite'), true);
    const height = await assertFitsContent(page, 'widget-catalogue');
    assert.ok(height > 800, `grew to its content: ${height}`);

    // Search inside the widget; the host URL does not move.
    await widget(page, 'widget-catalogue').locator('#recherche-texte').fill('crise');
    await frame.waitForFunction(() => document.querySelector('#resultats').textContent.includes('crise'));
    await assertFitsContent(page, 'widget-catalogue');
    assert.equal(page.url(), urlBefore);

    // Open a course in the widget.
    await widget(page, 'widget-catalogue').locator('.campus-results .fr-card__title a').first().click();
    await frame.waitForFunction(() => /\/formation\/[^/]+\/$/.test(location.pathname));
    await frame.waitForSelector('.campus-facts');
    await assertFitsContent(page, 'widget-catalogue');
    assert.equal(page.url(), urlBefore, 'the host URL never changes');
    assert.deepEqual(await hostStyles(page), stylesBefore, 'host styles untouched');
    assertNoProblems(page);

    const a11y = await openHost('ministere.html', { forAxe: true });
    const inWidget = await frameOf(a11y, 'widget-catalogue');
    await inWidget.frame.waitForSelector('.campus-results');
    await assertAccessible(a11y, 'ministry host with widgets');
    await axeInFrame(inWidget.frame, 'catalogue in widget');
  });

  test('the application widget: fill a step, see errors, the host scrolls to the widget', async () => {
    const page = await openHost('ministere.html');
    const { frame } = await frameOf(page, 'widget-application');
    const w = widget(page, 'widget-application');
    await w.locator('button:has-text("Commencer ma candidature")').click();
    await frame.waitForSelector('#f-first_name');
    const before = await assertFitsContent(page, 'widget-application');
    await w.locator('form button[type="submit"]').click();
    await frame.waitForSelector('#erreurs');
    const withErrors = await assertFitsContent(page, 'widget-application');
    assert.ok(withErrors > before, `grew with the error summary: ${before} -> ${withErrors}`);
    await w.locator('#f-first_name').fill('Camille');
    await w.locator('#f-last_name').fill('Martin');
    await w.locator('#f-email').fill('camille.martin@exemple.gouv.fr');
    await w.locator('#f-administration').selectOption('culture');
    await w.locator('#f-department').fill('Service du numérique');
    await w.locator('#f-job_title').fill('Développeuse');
    await w.locator('#f-region').selectOption('occitanie');
    await w.locator('label[for="f-status-titulaire"]').click();
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await w.locator('form button[type="submit"]').click();
    await frame.waitForSelector('#f-years_experience');
    // Step change: the host brought the widget's top into view.
    await page.waitForFunction(() => {
      const top = document.querySelector('#widget-application iframe').getBoundingClientRect().top;
      return top >= -1 && top < window.innerHeight;
    });
    await assertFitsContent(page, 'widget-application');
    assertNoProblems(page);
  });
});

describe('a page with hostile global CSS', () => {
  test('both widgets render correctly, in English, and the host keeps its styles', async () => {
    const page = await openHost('hostile.html');
    const stylesBefore = await hostStyles(page);
    const { frame } = await frameOf(page, 'widget-catalogue');
    await frame.waitForSelector('.campus-results');
    assert.equal(await frame.evaluate(() => document.documentElement.lang), 'en');
    assert.equal(await frame.isChecked('#filtre-type-module'), true);
    // The widget's own styles are intact: DSFR fonts and sizes, not the host's 28px serif.
    const inside = await frame.evaluate(() => {
      const s = getComputedStyle(document.querySelector('main h1'));
      return { font: s.fontFamily, size: s.fontSize };
    });
    assert.match(inside.font, /Marianne/);
    assert.notEqual(inside.size, '28px');
    // The host's aggressive iframe rules did not shrink it.
    const box = await page.evaluate(() => document.querySelector('#widget-catalogue iframe').getBoundingClientRect());
    assert.ok(box.width > 600 && box.height > 400, JSON.stringify(box));
    await assertFitsContent(page, 'widget-catalogue');
    const course = await frameOf(page, 'widget-course');
    assert.equal((await course.frame.textContent('main h1')).trim(), frenchSpacing(bundledCatalogue().courses.find((c) => c.id === COURSE).title));
    await assertFitsContent(page, 'widget-course');
    assert.deepEqual(await hostStyles(page), stylesBefore);
    assertNoProblems(page);

    const a11y = await openHost('hostile.html', { forAxe: true });
    const inWidget = await frameOf(a11y, 'widget-catalogue');
    await inWidget.frame.waitForSelector('.campus-results');
    await assertAccessible(a11y, 'hostile host with widgets');
    await axeInFrame(inWidget.frame, 'catalogue in hostile host');
  });
});

test('messages from another origin are ignored by the loader', async () => {
  const page = await openHost('ministere.html');
  const { handle } = await frameOf(page, 'widget-catalogue');
  await assertFitsContent(page, 'widget-catalogue');
  const before = await handle.evaluate((f) => f.style.height);
  // The host page itself (another origin than the app) pretends to be the widget.
  await page.evaluate(() => window.postMessage({ type: 'campus:resize', height: 5 }, '*'));
  await page.waitForTimeout(200);
  assert.equal(await handle.evaluate((f) => f.style.height), before);
  assertNoProblems(page);
});

test('on a host not listed in embed_origins, the application widget links to the full site instead of the form', async () => {
  const page = await openHost('ministere.html', { embedOrigins: null });
  const { frame } = await frameOf(page, 'widget-application');
  const link = frame.locator('main a[target="_blank"][href$="/candidature/"]');
  await link.waitFor();
  const url = new URL(await link.getAttribute('href'));
  assert.equal(url.search, '', 'the full site, not the widget');
  assert.equal(await frame.locator('main form, main button:has-text("Commencer ma candidature")').count(), 0);
  // The catalogue widget on the same page is not restricted.
  await (await frameOf(page, 'widget-catalogue')).frame.waitForSelector('.campus-results');
  assertNoProblems(page);
});

test('axe-core inside the application widget, with errors shown', async () => {
  const page = await openHost('ministere.html', { forAxe: true });
  const { frame } = await frameOf(page, 'widget-application');
  const w = widget(page, 'widget-application');
  await w.locator('button:has-text("Commencer ma candidature")').click();
  await frame.waitForSelector('#f-first_name');
  await w.locator('form button[type="submit"]').click();
  await frame.waitForSelector('#erreurs');
  await axeInFrame(frame, 'application step with errors');
});

test('the sur-mesure request widget: about the course it names, its form inside, guarded like the application', async () => {
  const page = await openHost('demande.html');
  const { frame } = await frameOf(page, 'widget-request');
  assert.equal(await page.getAttribute('#widget-request iframe', 'title'), 'Demande de formation sur mesure au Campus du numérique public');
  assert.equal(await frame.textContent('main h1'), 'Demander une formation sur mesure');
  const w = widget(page, 'widget-request');
  await w.locator('button:has-text("Commencer ma demande")').click();
  await frame.waitForSelector('#f-requester_first_name');
  await w.locator('form button[type="submit"]').click();
  await frame.waitForSelector('#erreurs');
  await assertFitsContent(page, 'widget-request');
  assertNoProblems(page);
  // On a host that is not listed, no form: the full site instead.
  const unlisted = await openHost('demande.html', { embedOrigins: null });
  const guarded = (await frameOf(unlisted, 'widget-request')).frame;
  await guarded.locator('main a[target="_blank"][href*="/sur-mesure/"]').waitFor();
  assert.equal(await guarded.locator('main form, main button:has-text("Commencer ma demande")').count(), 0);
  // The full site's request is about the same course, and is no widget.
  const full = new URL(await guarded.locator('main a[target="_blank"][href*="/sur-mesure/"]').getAttribute('href'));
  assert.equal(full.search, '?formation=sur-mesure-cyber-exercice-comex');
  const opened = await app.newPage();
  await opened.goto(full.href);
  await opened.waitForSelector('main h1');
  assert.match(await opened.textContent('main'), /Exercice de crise cyber|sur-mesure-cyber-exercice-comex/i, 'the request names its course');
});

test('in a catalogue widget: the way back from a course is the widget\'s catalogue, never the campus home; the selection can be seen', async () => {
  // (A context that lets axe-core in, at the end; the CSPs hold otherwise.)
  const page = await openHost('ministere.html', { forAxe: true });
  const { frame } = await frameOf(page, 'widget-catalogue');
  const w = widget(page, 'widget-catalogue');
  await frame.waitForSelector('.campus-results');
  await w.locator('#recherche-texte').fill('crise');
  await frame.waitForFunction(() => document.querySelector('#resultats').textContent.includes('crise'));
  const catalogueAddress = await frame.evaluate(() => location.search);
  // Nothing bookmarked: no selection link yet.
  assert.equal(await frame.locator('#widget-selection').count(), 0);
  await w.locator('.campus-results button[data-favori]').first().click();
  await w.locator('#widget-selection').waitFor();
  assert.equal(await frame.textContent('#widget-selection'), 'Ma sélection (1)');

  await w.locator('.campus-results .fr-card__title a').first().click();
  await frame.waitForFunction(() => /\/formation\/[^/]+\/$/.test(location.pathname));
  await frame.waitForSelector('.fr-breadcrumb');
  const crumbs = await frame.locator('.fr-breadcrumb a').allTextContents();
  assert.deepEqual(crumbs.slice(0, 1), ['Catalogue des formations'], `no « Accueil » in a widget: ${crumbs}`);
  assert.equal(await frame.textContent('#widget-selection'), 'Ma sélection (1)', 'the course page shows it too');
  await w.locator('.fr-breadcrumb a:has-text("Catalogue")').click();
  await frame.waitForFunction(() => /\/catalogue\/$/.test(location.pathname));
  await frame.waitForSelector('.campus-results');
  const back = new URLSearchParams(await frame.evaluate(() => location.search));
  const before = new URLSearchParams(catalogueAddress);
  assert.equal(back.get('domaine'), 'cybersecurite', 'the widget\'s domain is kept');
  assert.equal(back.get('q'), before.get('q'), 'and the search');
  assert.equal(await frame.isChecked('#filtre-domaine-cybersecurite'), true);

  // « Ma sélection » opens the widget's own selection, with the course in it.
  await w.locator('#widget-selection').click();
  await frame.waitForFunction(() => /\/ma-selection\/$/.test(location.pathname));
  await frame.waitForSelector('main .campus-course-card, main .fr-card');
  assert.equal(await frame.locator('main .fr-card').count(), 1);
  await axeInFrame(frame, 'selection in widget');
  assertNoProblems(page);
});

test('on the full site, a course page leads back to the catalogue as the visitor left it', async () => {
  const page = await app.newPage();
  await page.goto(`${app.url}catalogue/?q=donn%C3%A9es&domaine=data&page=2`);
  await page.waitForSelector('.campus-results .fr-card__title a');
  await page.locator('.campus-results .fr-card__title a').first().click();
  await page.waitForFunction(() => /\/formation\/[^/]+\/$/.test(location.pathname));
  await page.waitForSelector('#campus-app .fr-breadcrumb a[aria-current]');
  const crumbs = await page.locator('#campus-app .fr-breadcrumb a').allTextContents();
  assert.deepEqual(crumbs.slice(0, 2), ['Accueil', 'Catalogue des formations']);
  const href = await page.getAttribute('#campus-app .fr-breadcrumb a:has-text("Catalogue")', 'href');
  const back = new URLSearchParams(href.split('?')[1] ?? '');
  assert.equal(back.get('q'), 'données');
  assert.equal(back.get('domaine'), 'data');
  // A course page opened first (a shared link) leads to the whole catalogue.
  const fresh = await app.newPage();
  await fresh.goto(`${app.url}formation/${COURSE}/`);
  await fresh.waitForSelector('#campus-app .fr-breadcrumb a[aria-current]');
  assert.match(await fresh.getAttribute('#campus-app .fr-breadcrumb a:has-text("Catalogue")', 'href'), /catalogue\/$/);
  assertNoProblems(page);
});

test('a compact widget whose links open the full site carries its selection there', async () => {
  const page = await openHost('onglet.html');
  const { frame } = await frameOf(page, 'widget-newtab-catalogue');
  const w = widget(page, 'widget-newtab-catalogue');
  await frame.waitForSelector('.campus-results');
  const ids = await frame.locator('.campus-results button[data-favori]').evaluateAll((b) => b.slice(0, 2).map((x) => x.dataset.favori));
  for (const id of ids) await w.locator(`.campus-results button[data-favori="${id}"]`).click();
  await w.locator('#widget-selection').waitFor();
  assert.equal(await frame.textContent('#widget-selection'), 'Ma sélection (2)');
  const [popup] = await Promise.all([page.context().waitForEvent('page'), w.locator('#widget-selection').click()]);
  await popup.waitForLoadState();
  const url = new URL(popup.url());
  assert.ok(url.pathname.endsWith('/ma-selection/'), url.href);
  assert.deepEqual(url.searchParams.get('ids')?.split(','), ids, 'the selection travels in the address');
  assert.equal(url.searchParams.get('embed'), null, 'the full site, not the widget');
  assertNoProblems(page);
});

describe('options', () => {
  test('data-links="new-tab": links to other pages open the full site in a new tab', async () => {
    const page = await openHost('options.html');
    const { frame } = await frameOf(page, 'widget-call');
    const [popup] = await Promise.all([
      page.context().waitForEvent('page'),
      widget(page, 'widget-call').locator('main .fr-callout a:has-text("Déposer une candidature")').click(),
    ]);
    await popup.waitForLoadState();
    const url = new URL(popup.url());
    assert.equal(url.search, '', 'the full site, not the widget');
    assert.ok(url.pathname.endsWith('/candidature/'), url.href);
    assert.match(await frame.evaluate(() => location.pathname), /\/devenir-formateur\/$/, 'the widget stays');
    assertNoProblems(page);
  });

  test('every filter attribute pre-sets its catalogue filter; a flag only with "true"', async () => {
    const data = bundledCatalogue();
    const region = data.courses.flatMap((c) => c.sessions).filter((s) => Date.parse(s.start) > Date.now()).map((s) => s.location?.region).find(Boolean);
    const page = await openHost('late.html');
    const attributes = {
      'data-campus': 'catalogue', 'data-q': 'crise', 'data-domain': 'cybersecurite, data', 'data-type': 'module',
      'data-format': 'distanciel', 'data-level': 'decouverte', 'data-audience': 'tous-agents', 'data-region': region,
      'data-sort': 'titre', 'data-free': 'true', 'data-upcoming': 'oui',
    };
    await page.evaluate((attributes) => {
      const el = document.createElement('div');
      el.id = 'widget-filters';
      for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
      document.getElementById('elsewhere').append(el);
    }, attributes);
    const { frame } = await frameOf(page, 'widget-filters');
    const params = await frame.evaluate(() => [...new URLSearchParams(location.search)]
      .filter(([key]) => !['embed', 'origin', 'lang', 'compact', 'links'].includes(key)));
    assert.deepEqual(params, [
      ['q', 'crise'], ['domaine', 'cybersecurite'], ['domaine', 'data'], ['type', 'module'], ['format', 'distanciel'],
      ['niveau', 'decouverte'], ['public', 'tous-agents'], ['region', region], ['tri', 'titre'], ['gratuit', '1'],
    ], 'data-upcoming="oui" is not "true"');
    await frame.waitForSelector('.campus-active-filters');
    const tags = await frame.$$eval('.campus-active-filters .fr-tag', (ts) => ts.map((t) => t.textContent.trim()));
    assert.deepEqual(tags, ['Cybersécurité', 'Data', 'Module', 'À distance', 'Découverte', 'Tous les agents', 'Gratuites uniquement', region]);
    assert.equal(await frame.inputValue('#recherche-texte'), 'crise');
    assert.equal(await frame.inputValue('#tri'), 'titre');
    assertNoProblems(page);
  });

  test('data-sync-url: the host URL follows the widget and deep-links back into it', async () => {
    const page = await openHost('options.html');
    const { frame } = await frameOf(page, 'widget-sync');
    await frame.waitForSelector('.campus-results');
    // Fixed height: data-height="900".
    assert.equal(await page.evaluate(() => document.querySelector('#widget-sync iframe').style.height), '900px');
    const href = await widget(page, 'widget-sync').locator('.campus-results .fr-card__title a').first().getAttribute('href');
    await widget(page, 'widget-sync').locator('.campus-results .fr-card__title a').first().click();
    await page.waitForFunction(() => location.hash.startsWith('#campus2='));
    const id = decodeURIComponent(href.split('/').filter(Boolean).pop());
    assert.equal(decodeURIComponent(new URL(page.url()).hash.slice('#campus2='.length)), `/formation/${id}`);
    // Reload the host: the widget opens on that course.
    await page.reload();
    const again = await frameOf(page, 'widget-sync');
    await again.frame.waitForFunction((i) => location.pathname.endsWith(`/formation/${i}/`), id);
    assertNoProblems(page);
  });
});

describe('loader robustness', () => {
  const courseTitle = () => frenchSpacing(bundledCatalogue().courses.find((c) => c.id === COURSE).title);

  test('a malformed or non-route #campus= fragment is ignored: the widget opens on its default page', async () => {
    const page = await openHost('fragment.html');
    const cases = ['%E0%A4%A', '//evil.example/x', 'javascript:alert(1)', '%2F%2Fevil.example', '/a%5Cb', '%2Fcatalogue%0Ax'];
    for (const [i, fragment] of cases.entries()) {
      await page.goto(`${host.url}fragment.html?case=${i}#campus=${fragment}`);
      // The loader ran before the load event (async script): both widgets are there.
      assert.equal(await page.locator('#widget-sync iframe, #widget-course iframe').count(), 2, fragment);
      const { frame } = await frameOf(page, 'widget-sync');
      assert.match(await frame.evaluate(() => location.pathname), /\/devenir-formateur\/$/, fragment);
      await frameOf(page, 'widget-course');
    }
    // A well-formed deep link still wins.
    await page.goto(`${host.url}fragment.html?case=ok#campus=${encodeURIComponent(`/formation/${COURSE}`)}`);
    const { frame } = await frameOf(page, 'widget-sync');
    assert.ok((await frame.evaluate(() => location.pathname)).endsWith(`/formation/${COURSE}/`));
    assert.equal((await frame.textContent('main h1')).trim(), courseTitle());
    assertNoProblems(page);
  });

  test('placeholders added after load are mounted, and never twice when moved or re-added', async () => {
    const page = await openHost('late.html');
    await frameOf(page, 'widget-first');
    // The host adds #widget-late and a subtree holding #widget-nested 1 s after load.
    await page.waitForSelector('#widget-late iframe, #widget-nested iframe', { timeout: 10_000 });
    const late = await frameOf(page, 'widget-late');
    assert.equal((await late.frame.textContent('main h1')).trim(), courseTitle());
    const nested = await frameOf(page, 'widget-nested');
    assert.equal(await nested.frame.evaluate(() => document.documentElement.lang), 'en');

    const ids = ['widget-first', 'widget-late', 'widget-nested'];
    const iframes = await page.evaluate(async (ids) => {
      for (const id of ids) document.querySelector(`#${id} iframe`).dataset.mark = id;
      const elsewhere = document.getElementById('elsewhere');
      const first = document.getElementById('widget-first');
      first.remove();
      elsewhere.append(first); // re-added
      elsewhere.append(document.getElementById('widget-late')); // moved
      elsewhere.append(document.getElementById('widget-nested').closest('section')); // moved with its subtree
      // The MutationObserver's callback (a microtask) has run before this task.
      await new Promise((r) => setTimeout(r, 0));
      return ids.map((id) => [...document.querySelectorAll(`#${id} iframe`)].map((f) => f.dataset.mark));
    }, ids);
    assert.deepEqual(iframes, ids.map((id) => [id]), 'the same single iframe in each placeholder');
    for (const id of ids) await widget(page, id).locator('main h1').waitFor();
    assertNoProblems(page);
  });

  test('heights are bounded to 100-20000 px; non-numbers and an absurd data-height are ignored', async () => {
    const page = await openHost('heights.html');
    const { handle, frame } = await frameOf(page, 'widget-auto');
    await assertFitsContent(page, 'widget-auto');
    // Every height the loader sets from now on.
    await handle.evaluate((f) => {
      window.seen = [];
      new MutationObserver(() => window.seen.push(f.style.height)).observe(f, { attributes: true, attributeFilter: ['style'] });
    });
    // Resize messages as the widget's own window would post them.
    const post = (values) =>
      frame.evaluate((values) => {
        const all = values === 'junk' ? ['x', NaN, Infinity, -Infinity, null, '300', {}] : values;
        for (const height of all) parent.postMessage({ type: 'campus:resize', height }, '*');
      }, values);
    const heightIs = (px) =>
      page.waitForFunction((px) => document.querySelector('#widget-auto iframe').style.height === px, px, { timeout: 5_000 });
    await post([1e12]);
    await heightIs('20000px');
    await post([-5]);
    await heightIs('100px');
    // Messages arrive in order: once 345 is applied, the junk before it was handled.
    await post('junk');
    await post([345]);
    await heightIs('345px');
    assert.deepEqual(await page.evaluate(() => window.seen), ['20000px', '100px', '345px']);

    const heightOf = (id) => page.evaluate((id) => document.querySelector(`#${id} iframe`).style.height, id);
    // data-height="50": fixed, raised to the floor.
    assert.equal(await heightOf('widget-small'), '100px');
    // data-height="99999999999": not a 2-5 digit number, so auto: it fits its content.
    assert.notEqual(await heightOf('widget-huge'), '99999999999px');
    await page.locator('#widget-huge').scrollIntoViewIfNeeded();
    await assertFitsContent(page, 'widget-huge');
    assertNoProblems(page);
  });
});
