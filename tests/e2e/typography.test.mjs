// French typography as a reader sees it: on every page, in French, no text has a
// breaking space where French needs a fixed one (before : ; ! ? », after «,
// between thousands), so a lone "»" or "?" never wraps onto its own line; in
// English, no French spacing or quotes, and the catalogue's French texts marked
// lang="fr" (and spaced as French). The app's strings, the bundled
// catalogue's texts and every format string that joins them are all checked here,
// as rendered.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, waitForApp } from './support/harness.mjs';
import { bundledCatalogue } from './support/fixtures.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

const DATA = bundledCatalogue();
const kinds = [...new Set(DATA.courses.map((c) => c.kind))];
const coursePages = kinds.map((k) => `formation/${DATA.courses.find((c) => c.kind === k).id}/`);
const PAGES = [
  '', 'catalogue/', 'catalogue/?q=zzzzqqq', 'catalogue/?q=securite&domaine=data', ...coursePages,
  'ma-selection/', 'devenir-formateur/', 'candidature/', 'sur-mesure/', 'accessibilite/',
  'mentions-legales/', 'donnees-personnelles/', 'plan-du-site/',
  // The app's own "not found" (an unknown path is the host's 404).
  'formation/?id=nulle-part',
];

/**
 * Every text node of the document that breaks the rules of its own language
 * (its closest `lang`), and in French the title and labels too (under an English
 * interface those mix English words with the catalogue's French titles).
 */
function faults(page) {
  return page.evaluate(() => {
    const rules = { fr: / [:;!?»]|« |\d \d{3}(?!\d)/, en: /[\u00a0\u202f ][:;!?]|[«»]/ };
    const found = [];
    const check = (text, lang) => { if (rules[lang]?.test(text)) found.push(`${lang}: ${text.slice(0, 160)}`); };
    const ui = document.documentElement.lang.slice(0, 2);
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.parentElement?.closest('script, style, noscript')) continue;
      check(n.data, (n.parentElement?.closest('[lang]')?.getAttribute('lang') ?? ui).slice(0, 2));
    }
    if (ui === 'fr') {
      check(document.title, 'fr');
      for (const el of document.querySelectorAll('[title], [aria-label], [placeholder]')) {
        for (const a of ['title', 'aria-label', 'placeholder']) if (el.hasAttribute(a)) check(el.getAttribute(a), 'fr');
      }
    }
    return found;
  });
}

for (const lang of ['fr', 'en']) {
  test(`every page ${lang === 'fr' ? 'in French: fixed spaces where French needs them' : 'in English: no French punctuation, the catalogue\'s French texts marked and spaced as French'}`, async () => {
    const page = await app.newPage();
    if (lang === 'en') await page.addInitScript(() => localStorage.setItem('campus.locale', 'en'));
    const found = [];
    for (const hash of PAGES) {
      await page.goto(`${app.url}${hash}`);
      await waitForApp(page);
      await page.waitForFunction(() => !document.querySelector('.campus-loading'));
      for (const f of await faults(page)) found.push(`${hash}: ${JSON.stringify(f)}`);
    }
    // The application steps and their errors.
    await page.goto(`${app.url}candidature/`);
    await waitForApp(page);
    await page.click('main button.fr-btn');
    await page.waitForSelector('#f-first_name');
    await page.fill('#f-email', 'x');
    await page.click('#continuer');
    await page.waitForSelector('#erreurs');
    for (const f of await faults(page)) found.push(`step 1 with errors: ${JSON.stringify(f)}`);
    assert.deepEqual(found, []);
  });
}
