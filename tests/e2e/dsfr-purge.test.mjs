// The DSFR stylesheet the app ships keeps only the rules its views can match
// (build/dsfr-css.mjs, `purge`): on every kind of page and state, at
// desktop and phone widths, each element and its ::before/::after get exactly
// the computed style they get from the whole build of the same DSFR modules.
// The page is loaded once; its stylesheet is then swapped in place (same
// <link>, same place in the cascade) for the unpurged one, so that the two
// readings are of the same DOM in the same state.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertNoProblems, DIST, startApp, waitForApp } from './support/harness.mjs';
import { buildCss, configIds } from '../../build/dsfr-css.mjs';
import { splitFontFaces } from '../../build/fonts.mjs';
import { bundledCatalogue } from './support/fixtures.mjs';

let app;
let fullCss;
before(async () => {
  app = await startApp();
  fullCss = splitFontFaces(buildCss(configIds())).css;
});
after(async () => {
  await app?.close();
});

const FULL = 'dsfr/dsfr-campus.unpurged.css';

/**
 * Every element's computed style (all properties) and that of its ::before and
 * ::after, keyed by the element's place in the document; transitions and
 * animations off, so that the swap is read at rest.
 */
function readStyles() {
  const out = {};
  const path = (el) => {
    const parts = [];
    for (let e = el; e && e !== document.documentElement; e = e.parentElement) {
      parts.unshift(`${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}:${[...e.parentElement.children].indexOf(e)}`);
    }
    return parts.join('>');
  };
  for (const el of document.querySelectorAll('body *')) {
    if (el.closest('script, style, template')) continue;
    const key = path(el);
    for (const pseudo of [null, '::before', '::after']) {
      const cs = getComputedStyle(el, pseudo);
      if (pseudo && (cs.content === 'none' || cs.content === 'normal')) continue;
      const values = {};
      // Custom properties aside: one no var() reads has no effect (the purge
      // drops those), and one that is read shows in the properties it feeds.
      for (let i = 0; i < cs.length; i++) if (!cs[i].startsWith('--')) values[cs[i]] = cs.getPropertyValue(cs[i]);
      out[`${key}${pseudo ?? ''}`] = values;
    }
  }
  return out;
}

/** Loads the unpurged build in place of the shipped one, in the same <link>. */
async function swapToFull(page) {
  await page.evaluate(async (href) => {
    const link = document.querySelector('link[rel="stylesheet"][href$="dsfr-campus.min.css"]');
    if (!link) throw new Error('no DSFR stylesheet link');
    await new Promise((resolve, reject) => {
      link.addEventListener('load', resolve, { once: true });
      link.addEventListener('error', () => reject(new Error('unpurged CSS did not load')), { once: true });
      link.href = href;
    });
    // Its @font-face rules are new faces: wait until they have loaded.
    await document.fonts.ready;
    await Promise.all([...document.fonts].filter((f) => f.status === 'loading').map((f) => f.loaded));
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  }, FULL);
}

/** The elements whose computed style differs, with the first differing properties. */
function differences(a, b) {
  const out = [];
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (!a[key] || !b[key]) {
      out.push(`${key}: ${a[key] ? 'only with the shipped CSS' : 'only with the full CSS'}`);
      continue;
    }
    const props = Object.keys(b[key]).filter((p) => a[key][p] !== b[key][p]);
    if (props.length) out.push(`${key}: ${props.slice(0, 4).map((p) => `${p} ${a[key][p]} ≠ ${b[key][p]}`).join('; ')}`);
  }
  return out;
}

const course = bundledCatalogue().courses.find((c) => c.sessions?.length);

/** Pages and states: [label, path, width, action after load]. */
const STATES = [
  ['home', '', 1280],
  ['home, phone, menu open', '', 390, async (page) => {
    await page.click('.fr-header__navbar .fr-btn--menu');
    await page.waitForSelector('#header-menu.fr-modal--opened');
  }],
  ['catalogue', 'catalogue/', 1280],
  ['catalogue, phone', 'catalogue/', 390],
  ['catalogue, a search with no result', 'catalogue/?q=zzzzqqqq', 1280],
  ['course', `formation/${course.id}/`, 1280],
  ['course, phone', `formation/${course.id}/`, 390],
  ['trainer call', 'devenir-formateur/', 1280],
  ['application start', 'candidature/', 1280],
  ['application, a step with its errors', 'candidature/', 1280, async (page) => {
    await page.click('button:has-text("Commencer ma candidature")');
    await page.waitForSelector('#f-first_name');
    await page.fill('#f-email', 'pas-une-adresse');
    await page.click('form button[type="submit"]');
    await page.waitForSelector('#erreurs');
  }],
  ['application, phone', 'candidature/', 390],
  ['selection', 'ma-selection/', 1280],
  ['accessibility', 'accessibilite/', 1280],
  ['not found', 'formation/?id=', 390],
  ['english, translate menu open', '?lang=en', 1280, async (page) => {
    await page.click('.fr-translate__btn');
    await page.waitForSelector('.fr-translate .fr-collapse--expanded');
  }],
];

for (const [label, path, width, act] of STATES) {
  test(`the shipped DSFR CSS styles "${label}" (${width} px) exactly as the whole build`, async () => {
    const page = await app.newPage({ viewport: { width, height: 900 } });
    await page.route(`**/${FULL}`, (route) => route.fulfill({ contentType: 'text/css', body: fullCss }));
    await page.goto(app.url + path);
    await waitForApp(page);
    await page.evaluate(() => document.fonts.ready);
    if (act) await act(page);
    // The pointer where it hovers the same element in both readings (a click
    // leaves it over whatever has since taken the clicked place).
    await page.mouse.move(1, 1);
    await page.waitForTimeout(100);
    await page.addStyleTag({ content: '*,*::before,*::after{transition:none!important;animation:none!important}' });
    const shipped = await page.evaluate(readStyles);
    await swapToFull(page);
    const full = await page.evaluate(readStyles);
    assert.ok(Object.keys(full).length > 50, `${Object.keys(full).length} elements read`);
    const diff = differences(shipped, full);
    assert.deepEqual(diff.slice(0, 8), [], `${diff.length} elements styled differently`);
    assertNoProblems(page);
  });
}

test('the shipped DSFR CSS is the purged one, much smaller than the whole build', () => {
  const shipped = readFileSync(join(DIST, 'dsfr', 'dsfr-campus.min.css'), 'utf8');
  assert.ok(shipped.length < fullCss.length * 0.6, `shipped ${shipped.length} bytes, whole build ${fullCss.length}`);
});
