// The e2e harness every test file uses: serves dist/ with the plain static server
// (under a sub-path by default), drives Debian's Chromium through playwright-core,
// fails on any page error, panic or console error, and runs axe-core on demand.
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { startStaticServer } from '../../../build/static-server.mjs';

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');
export const DIST = resolve(process.env.CAMPUS_DIST ?? 'dist');
/** Where the tests mount the app: a sub-path, as a ministry would deploy it. */
export const BASE = '/formations/campus/';

/** Debian's Chromium (playwright-core cannot download a browser here). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The switches every browser of the e2e tests gets (closed network, root, headless). */
export const CHROMIUM_ARGS = Object.freeze([
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]);

/**
 * Starts the static server and the browser for one test file. `handlers` mounts
 * request handlers (a same-origin receiver) on path prefixes of the server.
 * Returns { url, browser, newPage(options), close() }.
 */
export async function startApp({ base = BASE, root = DIST, handlers = {}, host } = {}) {
  assert.ok(existsSync(resolve(root, 'index.html')), `no build in ${root}: run .ci/build first`);
  const server = await startStaticServer({ root, base, handlers, ...(host ? { host } : {}) });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const contexts = [];
  return {
    url: server.url,
    browser,
    /**
     * A fresh page (own context, so own localStorage) that records problems.
     * `allowConsole` lists regexps of console errors/warnings a test expects.
     */
    /**
     * Service workers are blocked unless `serviceWorkers: 'allow'`: the offline
     * worker (docs/offline.md) would otherwise answer the requests of a test's
     * later pages, out of reach of its page.route() fakes (tests/e2e/offline.test.mjs
     * tests it).
     */
    async newPage({ allowConsole = [], locale = 'fr-FR', viewport, context: shared, javaScriptEnabled = true, serviceWorkers = 'block' } = {}) {
      const context =
        shared ??
        (await browser.newContext({
          locale,
          javaScriptEnabled,
          serviceWorkers,
          viewport: viewport ?? { width: 1280, height: 900 },
          // axe-core is injected as a script tag; a strict CSP must not block it.
          bypassCSP: true,
        }));
      if (!shared) {
        contexts.push(context);
        await withCampusRoute(context);
      }
      const page = await context.newPage();
      page.problems = [];
      page.warnings = [];
      page.on('pageerror', (err) => page.problems.push(`page error: ${err.message}`));
      page.on('crash', () => page.problems.push('page crashed'));
      page.on('console', (msg) => {
        const text = msg.text();
        if (msg.type() === 'warning') page.warnings.push(text);
        if (msg.type() !== 'error') return;
        if (allowConsole.some((re) => re.test(text))) return;
        page.problems.push(`console error: ${text}`);
      });
      return page;
    },
    /** A second page in the same context as `page` (same storage: another tab). */
    async newTab(page, { allowConsole = [] } = {}) {
      return this.newPage({ allowConsole, context: page.context() });
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => {});
      await browser.close();
      await server.close();
    },
  };
}

/**
 * Gives every page of `context` `campusRoute`: its address relative to the
 * site root (the <base>), as the app's links write it: `catalogue/?q=x`, ``
 * for the home page. (Pages of `newPage` have it; a test's own context
 * gets it here.) Returns the context.
 */
export async function withCampusRoute(context) {
  await context.addInitScript(() => {
    Object.defineProperty(window, 'campusRoute', {
      configurable: true,
      get() {
        const here = location.href.split('#')[0];
        return here.startsWith(document.baseURI) ? here.slice(document.baseURI.length) : here;
      },
    });
  });
  return context;
}

/**
 * Follows a link of the app to `href` (relative to the site root, as the app
 * writes them) from the live page: the route changes in this document, as
 * after a click on one of its links (a `goto` would load a new document).
 */
export async function follow(page, href) {
  await page.evaluate((target) => {
    const a = document.createElement('a');
    a.href = target;
    document.querySelector('#campus-app main').append(a);
    a.click();
    a.remove();
  }, href);
}

/**
 * Records which of the site's files `page` requests, by path from the site
 * root `siteUrl` (`catalogue.json`, `pack_course_data-….wasm`): the array
 * fills as the page goes.
 */
export function recordRequests(page, siteUrl) {
  const site = new URL(siteUrl);
  const paths = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.origin === site.origin) paths.push(url.pathname.slice(site.pathname.length));
  });
  return paths;
}

/** Fails if the page logged an error, threw, or panicked (Rust panics log errors). */
export function assertNoProblems(page) {
  assert.deepEqual(page.problems, [], `problems on ${page.url()}`);
}

/**
 * Waits until the live app has mounted and shows its page (the DSFR header and
 * the page's h1 in #campus-app, no longer hidden behind a static page's content).
 */
export async function waitForApp(page) {
  await page.waitForSelector('#campus-app:not([hidden]) header.fr-header', { timeout: 15_000 });
  await page.waitForSelector('#campus-app:not([hidden]) main h1:not(#page-en-chargement > h1)');
}

/**
 * Asserts that the element with `id` gets the focus. The app moves focus in
 * the frame after it renders (an error summary, a failed send, the results),
 * so this waits up to 5 s for it before failing with what has the focus.
 */
export async function assertFocused(page, id, message) {
  await page.waitForFunction((i) => document.activeElement?.id === i, id, { timeout: 5000 }).catch(() => {});
  assert.equal(await page.evaluate(() => document.activeElement?.id ?? null), id, message);
}

/**
 * Waits until a route change has given the focus to the new page's own `h1`
 * (not to the loading message a page whose code is on its way shows first);
 * with `title`, to the `h1` with that text.
 */
export async function waitForPageFocus(page, title) {
  await page.waitForFunction((t) => {
    const active = document.activeElement;
    return Boolean(active?.matches('main h1') && !active.closest('#page-en-chargement')
      && (t === undefined || active.textContent.trim() === t));
  }, title);
}

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA rules plus best practices) on the page and
 * fails on any violation, listing each rule and the offending elements.
 */
export async function assertAccessible(page, label = page.url()) {
  await assertIconsResolved(page, label);
  await page.addScriptTag({ path: AXE_PATH });
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    return await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
  });
  const violations = result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes
        .slice(0, 5)
        .map((n) => n.target.join(' '))
        .join('\n    ')}`,
  );
  assert.deepEqual(violations, [], `axe-core violations on ${label}`);
}

/**
 * Fails if an element with a DSFR icon class (`fr-icon-…`) has no icon image:
 * the app bundles only the icon rules it uses (style/main.css), and a missing
 * rule renders a filled square instead of the icon.
 */
export async function assertIconsResolved(page, label = page.url()) {
  const missing = await page.evaluate(() =>
    [...document.querySelectorAll('[class*="fr-icon-"]')]
      .filter((el) => getComputedStyle(el).display !== 'none')
      .filter((el) => {
        const before = getComputedStyle(el, '::before');
        const after = getComputedStyle(el, '::after');
        const image = (s) => [s.maskImage, s.webkitMaskImage, s.backgroundImage].some((v) => v && v !== 'none');
        return !image(before) && !image(after);
      })
      .map((el) => [...el.classList].find((c) => c.startsWith('fr-icon-'))),
  );
  assert.deepEqual([...new Set(missing)], [], `icons without their image on ${label}`);
}
