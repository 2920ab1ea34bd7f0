// Static pages (issue 14, items 1 and 2): every page a visitor can land on is a
// real file that shows its content before the WebAssembly, and with JavaScript
// disabled; each course has its own URL, title, description, canonical link and
// schema.org JSON-LD; sitemap.xml lists them; every kind of deep link opens and
// reloads under the sub-path; the live app takes over without a visible jump;
// `campus-pages` regenerates the pages from another catalogue without
// rebuilding the app.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertAccessible, assertNoProblems, DIST, startApp, waitForApp } from './support/harness.mjs';
import { bundledCatalogue, catalogue, course, frenchSpacing, serveCatalogue } from './support/fixtures.mjs';

const SLUG = /^[a-z0-9][a-z0-9_-]{0,99}$/;
const FIXED = ['', 'catalogue/', 'devenir-formateur/', 'candidature/', 'sur-mesure/', 'accessibilite/',
  'mentions-legales/', 'donnees-personnelles/', 'plan-du-site/'];

let app;
let site; // where the build says it is published (the home page's canonical URL)
before(async () => {
  app = await startApp();
  const home = readFileSync(join(DIST, 'index.html'), 'utf8');
  site = home.match(/<link rel="canonical" href="([^"]+)"/)?.[1];
  assert.ok(site, 'the home page names its canonical URL');
});
after(async () => { await app?.close(); });

const text = (s) => s.replace(/\s+/g, ' ').trim();
/** The h1 of a static file, as text. */
function staticH1(path) {
  const html = readFileSync(join(DIST, path, 'index.html'), 'utf8');
  const h1 = html.match(/<h1[^>]*>([\s\S]*?)<\/h1>/)?.[1];
  assert.ok(h1, `${path}index.html has an h1`);
  return text(h1.replace(/<[^>]+>/g, '').replace(/&#39;/g, "'").replace(/&amp;/g, '&'));
}
const liveH1 = async (page) => text(await page.locator('#campus-app main h1').innerText());
/**
 * Asserts the live app's h1, once the route's page has arrived: right after a
 * route change the h1 can still be the old page's, or the loading message of a
 * page whose code is on its way.
 */
async function assertLiveH1(page, expected, message) {
  await page.waitForFunction((e) => {
    const h1 = document.querySelector('#campus-app main h1');
    return h1 && h1.innerText.replace(/\s+/g, ' ').trim() === e;
  }, expected, { timeout: 10000 }).catch(() => {});
  assert.equal(await liveH1(page), expected, message);
}

/** A page whose wasm waits until `release()`: the static content alone. */
async function holdWasm(page) {
  let release;
  const gate = new Promise((r) => { release = r; });
  await page.route('**/*.wasm', async (route) => { await gate; await route.continue(); });
  return release;
}

test('with JavaScript disabled, a course page shows the course and carries its JSON-LD', async () => {
  const data = bundledCatalogue();
  const withSessions = data.courses.find((c) => SLUG.test(c.id) && c.sessions?.length >= 2
    && c.sessions.some((s) => Date.parse(s.end) < Date.now()) && c.sessions.some((s) => Date.parse(s.end) >= Date.now()));
  const eLearning = data.courses.find((c) => SLUG.test(c.id) && c.format === 'e-learning' && !c.sessions?.length);
  assert.ok(withSessions && eLearning, 'the bundled catalogue has both kinds');
  const page = await app.newPage({ javaScriptEnabled: false });
  for (const c of [withSessions, eLearning]) {
    const response = await page.goto(`${app.url}formation/${c.id}/`);
    assert.equal(response.status(), 200);
    assert.equal(text(await page.locator('main h1').innerText()), text(c.title));
    assert.equal(text(await page.locator('main .fr-text--lead').first().innerText()), text(frenchSpacing(c.summary)));
    assert.equal(await page.title(), `${c.title} - Campus du numérique public`);
    assert.equal(await page.locator('meta[name="description"]').getAttribute('content'), frenchSpacing(c.summary));
    assert.equal(await page.locator('link[rel="canonical"]').getAttribute('href'), `${site}formation/${c.id}/`);
    // The DSFR styles apply (relative URLs resolve from the site root).
    const font = await page.locator('main h1').evaluate((h) => getComputedStyle(h).fontFamily);
    assert.match(font, /Marianne/);
    const scripts = await page.locator('script[type="application/ld+json"]').allTextContents();
    assert.equal(scripts.length, 1);
    const ld = JSON.parse(scripts[0]);
    assert.equal(ld['@context'], 'https://schema.org');
    assert.equal(ld['@type'], 'Course');
    assert.equal(ld.name, c.title);
    assert.equal(ld.url, `${site}formation/${c.id}/`);
    assert.equal(ld.provider['@type'], 'Organization');
    const instances = ld.hasCourseInstance;
    if (c.sessions?.length) {
      // Only the sessions still to come are instances a visitor can join.
      const coming = c.sessions.filter((s) => Date.parse(s.end) >= Date.now());
      assert.ok(coming.length < c.sessions.length, 'the course chosen has a session already over');
      assert.equal(instances.length, coming.length);
      assert.deepEqual(instances.map((i) => i['@type']), coming.map(() => 'CourseInstance'));
      assert.equal(Date.parse(instances[0].startDate), Date.parse(coming[0].start));
      assert.ok(instances.every((i) => ['online', 'onsite', 'blended'].includes(i.courseMode)));
    } else {
      assert.deepEqual(instances.map((i) => i.courseMode), ['online']);
    }
    // Its links work without JavaScript: the catalogue is a real page too.
    const crumb = page.locator('.fr-breadcrumb a[href="catalogue/"]');
    await crumb.click();
    await page.waitForURL(`${app.url}catalogue/`);
    assert.equal(text(await page.locator('main h1').innerText()), 'Catalogue des formations');
  }
  // An in-page anchor stays on the page (the <base> names the site root).
  await page.goto(`${app.url}formation/${withSessions.id}/`);
  await page.locator('.fr-skiplinks a').first().focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(/#contenu$/);
  assert.equal(page.url(), `${app.url}formation/${withSessions.id}/#contenu`);
});

test('every URL of sitemap.xml is served, and robots.txt names the sitemap', async () => {
  const sitemap = await (await fetch(`${app.url}sitemap.xml`)).text();
  const urls = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1].replace(/&amp;/g, '&'));
  const courses = bundledCatalogue().courses.filter((c) => SLUG.test(c.id));
  assert.equal(urls.length, FIXED.length + courses.length);
  for (const path of [...FIXED, ...courses.map((c) => `formation/${c.id}/`)]) {
    assert.ok(urls.includes(`${site}${path}`), `sitemap lists ${path}`);
  }
  for (const url of urls) {
    assert.ok(url.startsWith(site), url);
    const local = `${app.url}${url.slice(site.length)}`;
    const response = await fetch(local);
    assert.equal(response.status, 200, local);
    assert.match(response.headers.get('content-type'), /text\/html/);
    const html = await response.text();
    assert.ok(html.includes(`<link rel="canonical" href="${url}" />`), `${local} names itself canonical`);
    assert.match(html, /<div id="campus-static">[\s\S]*<main[\s\S]*<h1/, `${local} has its content`);
    // No renderer markers (`<!>`: bogus comments to the Nu Html Checker).
    assert.ok(!html.includes('<!>'), `${local} has no <!> marker`);
    // Every paid course offers its price (schema.org Offer); none lists a
    // session already over.
    const ld = html.match(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/)?.[1];
    if (ld) {
      const course = JSON.parse(ld);
      assert.ok(course.offers?.price !== undefined, `${local}: an offer with a price`);
      assert.equal(course.offers.priceCurrency, 'EUR');
      for (const instance of course.hasCourseInstance ?? []) {
        if (instance.endDate) assert.ok(Date.parse(instance.endDate) >= Date.now() - 86_400_000, `${local}: ${instance.endDate} is over`);
      }
    }
  }
  const robots = await (await fetch(`${app.url}robots.txt`)).text();
  assert.match(robots, new RegExp(`^Sitemap: ${site}sitemap.xml$`, 'm'));
});

test('deep links of every kind open and reload under the sub-path', async () => {
  const data = bundledCatalogue();
  const id = data.courses.find((c) => SLUG.test(c.id) && c.sessions?.length).id;
  // Two courses the build never saw: one added later, one whose id is no slug.
  const later = course('ajoutee-apres-la-construction', { title: 'Formation ajoutée après la construction' });
  const odd = course('Cyber Été/2027', { title: 'Formation à l’identifiant libre' });
  const served = { ...data, courses: [...data.courses, later, odd] };
  const cases = [
    ...FIXED.map((path) => [path, staticH1(path)]),
    [`formation/${id}/`, staticH1(`formation/${id}/`)],
    [`formation/${id}/index.html`, staticH1(`formation/${id}/`)],
    ['catalogue/?q=cyber', 'Catalogue des formations'],
    ['catalogue/?q=donn%C3%A9es', 'Catalogue des formations'],
    [`formation/${id}/`, staticH1(`formation/${id}/`)],
    ['devenir-formateur/', staticH1('devenir-formateur/')],
    ['ma-selection/', 'Ma sélection'],
    ['index.html#/plan-du-site', 'Plan du site'],
    [`formation/${id}/#/catalogue`, 'Catalogue des formations'],
    // The pages were written for another catalogue: every course opens
    // through the generic course page.
    ['formation/?id=ajoutee-apres-la-construction', later.title],
    [`formation/?id=${encodeURIComponent(odd.id)}`, odd.title],
    // Old fragment addresses land on their path.
    ['#/catalogue?q=cyber', 'Catalogue des formations'],
    [`#/formation/${id}`, staticH1(`formation/${id}/`)],
    [`#/formation/${encodeURIComponent(odd.id)}`, odd.title],
  ];
  const page = await app.newPage();
  await serveCatalogue(page, served);
  for (const [path, h1] of cases) {
    await page.goto(`${app.url}${path}`);
    await waitForApp(page);
    await assertLiveH1(page, h1, `${path}: h1`);
    await page.reload();
    await waitForApp(page);
    await assertLiveH1(page, h1, `${path} reloaded: h1`);
    assert.equal(await page.locator('#campus-static, #campus-boot').count(), 0, `${path}: one copy of the page`);
    assert.ok(!page.url().includes('#/'), `${path}: the address is a path (${page.url()})`);
  }
  // Links name the generic page for a catalogue the pages were not written for.
  await page.goto(`${app.url}catalogue/?q=ajoutee`);
  await waitForApp(page);
  await page.locator('#campus-app main a[href="formation/?id=ajoutee-apres-la-construction"]').first().waitFor();
  await page.goto(`${app.url}catalogue/?q=cyber`);
  await waitForApp(page);
  assert.equal(await page.locator('#campus-app input[type="search"]').inputValue(), 'cyber');
  assertNoProblems(page);
});

test('from a static page, links into the app stay in the document, and Back returns', async () => {
  const c = bundledCatalogue().courses.find((x) => SLUG.test(x.id));
  const page = await app.newPage();
  await page.goto(`${app.url}formation/${c.id}/`);
  await waitForApp(page);
  await page.evaluate(() => { window.__sameDocument = true; });
  await page.locator('#campus-app header a[href="catalogue/"]').first().click();
  await page.waitForURL(`${app.url}catalogue/`);
  await assertLiveH1(page, 'Catalogue des formations');
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no page load');
  await page.goBack();
  await page.waitForURL(`${app.url}formation/${c.id}/`);
  await assertLiveH1(page, text(c.title));
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'Back: no page load');
  // The skip link moves focus to the content and stays on the page.
  await page.locator('#campus-app .fr-skiplinks a').first().focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'contenu');
  assert.equal(page.url(), `${app.url}formation/${c.id}/`);
  assertNoProblems(page);
});

test('the static content is accessible, and the live app takes its place without a visible jump', async () => {
  const c = bundledCatalogue().courses.find((x) => SLUG.test(x.id) && x.sessions?.length);
  for (const [path, width] of [[`formation/${c.id}/`, 1280], [`formation/${c.id}/`, 390], ['', 390], ['catalogue/', 1280], ['sur-mesure/', 390]]) {
    const page = await app.newPage();
    await page.setViewportSize({ width, height: 900 });
    const release = await holdWasm(page);
    await page.goto(`${app.url}${path}`);
    await page.waitForSelector('#campus-static main h1:not(#page-en-chargement > h1)');
    await page.evaluate(() => document.fonts.ready);
    assert.equal(await page.locator('#campus-boot').isVisible(), false, 'no loading message over the content');
    const before = await page.screenshot();
    await assertAccessible(page, `${path} before the wasm (${width} px)`);
    release();
    await waitForApp(page);
    await page.evaluate(() => document.fonts.ready);
    const afterShot = await page.screenshot();
    assert.ok(before.equals(afterShot), `${path || 'home'} at ${width} px: the same pixels before and after the takeover`);
    assertNoProblems(page);
    await page.close();
  }
});

test('a visitor who scrolled the static catalogue sees the same place after the takeover, every card and filter there', async () => {
  for (const width of [1280, 390]) {
    const page = await app.newPage();
    await page.setViewportSize({ width, height: 900 });
    const release = await holdWasm(page);
    await page.goto(`${app.url}catalogue/`);
    await page.waitForSelector('#campus-static .campus-results');
    await page.evaluate(() => document.fonts.ready);
    // Down to the twelfth card, as a reader would (its neighbours laid out on the way).
    await page.locator('#campus-static .campus-results > li').nth(11).scrollIntoViewIfNeeded();
    await page.mouse.wheel(0, 120);
    await page.waitForTimeout(200);
    const scrolled = await page.evaluate(() => window.scrollY);
    assert.ok(scrolled > 2000, `scrolled ${scrolled} px`);
    const before = await page.screenshot();
    const counts = await page.evaluate(() => ({
      cards: document.querySelectorAll('#campus-static .campus-results > li').length,
      filters: document.querySelectorAll('#campus-static .campus-filter-group__toggle').length,
    }));
    // What the live app holds at the moment it is shown (the swap's own task).
    await page.evaluate(() => {
      new MutationObserver((_, observer) => {
        const app = document.getElementById('campus-app');
        if (app && !app.hidden) {
          window.atSwap = {
            cards: app.querySelectorAll('.campus-results > li').length,
            filters: app.querySelectorAll('.campus-filter-group__toggle').length,
          };
          observer.disconnect();
        }
      }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['hidden'] });
    });
    release();
    await waitForApp(page);
    await page.evaluate(() => document.fonts.ready);
    assert.deepEqual(await page.evaluate(() => window.atSwap), counts, `at ${width} px: the whole page at the swap`);
    const afterShot = await page.screenshot();
    assert.ok(before.equals(afterShot), `at ${width} px, scrolled ${scrolled} px: the same pixels before and after the takeover`);
    assertNoProblems(page);
    await page.close();
  }
});

test('what a visitor types before the wasm is kept by the live app', async () => {
  const page = await app.newPage();
  const release = await holdWasm(page);
  await page.goto(`${app.url}catalogue/`);
  const box = page.locator('#campus-static input[type="search"]');
  await box.click();
  await page.keyboard.type('cyber');
  release();
  await waitForApp(page);
  const live = page.locator('#campus-app input[type="search"]');
  assert.equal(await live.inputValue(), 'cyber');
  assert.equal(await page.evaluate(() => document.activeElement?.closest('#campus-app') !== null && document.activeElement.type), 'search', 'focus stays in the box');
  await page.waitForFunction(() => campusRoute.includes('q=cyber'));
  assertNoProblems(page);
  // Without JavaScript, the search form asks for the catalogue page.
  const plain = await app.newPage({ javaScriptEnabled: false });
  await plain.goto(app.url);
  await plain.locator('input[type="search"]').fill('data');
  await plain.keyboard.press('Enter');
  await plain.waitForURL(`${app.url}catalogue/?q=data`);
  assert.equal(text(await plain.locator('main h1').innerText()), 'Catalogue des formations');
});

test('an old #/… address lands on its own page before anything is drawn', async () => {
  const page = await app.newPage();
  const release = await holdWasm(page);
  await page.goto(`${app.url}#/catalogue?q=cyber`);
  // Without the app, the catalogue's own file: its content, not the home page's.
  await page.waitForURL(`${app.url}catalogue/?q=cyber`);
  assert.equal(text(await page.locator('#campus-static main h1').innerText()), 'Catalogue des formations');
  release();
  await waitForApp(page);
  await assertLiveH1(page, 'Catalogue des formations');
  assert.equal(await page.locator('#campus-app input[type="search"]').inputValue(), 'cyber');
  assertNoProblems(page);
});

test('campus-pages regenerates the pages from another catalogue without rebuilding the app', async () => {
  const tool = join(process.env.CARGO_TARGET_DIR ?? 'target', 'debug', 'campus-pages');
  assert.ok(existsSync(tool), 'bash .ci/build built campus-pages');
  const dir = mkdtempSync(join(tmpdir(), 'campus-pages-'));
  try {
    cpSync(DIST, dir, { recursive: true });
    const wasm = readdirSync(dir).filter((f) => f.endsWith('.wasm'));
    const fresh = course('nouvelle-formation-2027', { title: 'Nouvelle formation 2027' });
    writeFileSync(join(dir, 'autre.json'), JSON.stringify(catalogue([fresh, course('deuxieme')])));
    const out = execFileSync(tool, ['--dist', dir, '--catalogue', join(dir, 'autre.json'), '--site-url', 'https://exemple.gouv.fr/campus'], { encoding: 'utf8' });
    assert.match(out, / pages \(2 courses\)/);
    // Each course's folder, and the generic course page.
    assert.deepEqual(readdirSync(join(dir, 'formation')).sort(), ['deuxieme', 'index.html', 'nouvelle-formation-2027']);
    assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.wasm')), wasm, 'the same wasm');
    const html = readFileSync(join(dir, 'formation', 'nouvelle-formation-2027', 'index.html'), 'utf8');
    assert.match(html, /<h1[^>]*>Nouvelle formation 2027<\/h1>/);
    assert.match(html, /<link rel="canonical" href="https:\/\/exemple.gouv.fr\/campus\/formation\/nouvelle-formation-2027\/" \/>/);
    const home = readFileSync(join(dir, 'index.html'), 'utf8');
    assert.equal(home.match(/id="campus-static"/g).length, 1, 'regenerated in place, not nested');
    const sitemap = readFileSync(join(dir, 'sitemap.xml'), 'utf8');
    assert.equal(sitemap.match(/<loc>/g).length, FIXED.length + 2);
    // A bad catalogue leaves the pages as they were, with a clear message.
    writeFileSync(join(dir, 'casse.json'), '<html>not json</html>');
    assert.throws(
      () => execFileSync(tool, ['--dist', dir, '--catalogue', join(dir, 'casse.json'), '--site-url', 'https://exemple.gouv.fr/'], { stdio: 'pipe' }),
      (e) => /casse\.json: .*JSON object/.test(String(e.stderr)),
    );
    assert.ok(existsSync(join(dir, 'formation', 'deuxieme', 'index.html')));
    assert.throws(
      () => execFileSync(tool, ['--dist', dir, '--site-url', 'javascript:alert(1)'], { stdio: 'pipe' }),
      (e) => /site URL must be absolute/.test(String(e.stderr)),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
