// Screenshots the same page states from two builds and compares them byte for
// byte (PNG), to prove that a CSS change changes no pixel: e.g. the whole
// dsfr.min.css vs the trimmed dsfr-campus.min.css (build/dsfr-css.mjs).
//
// Usage: PATH=$PWD/node_modules/.bin:$PATH \
//   node build/css-screens.mjs <dist-before> <dist-after> [out-dir]
// Prints one line per state (same / DIFFERENT) and exits 1 if any differs; the
// PNGs of differing states are kept in out-dir (default /tmp/css-screens).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startApp, waitForApp } from '../tests/e2e/support/harness.mjs';

const COURSE = 'module-agile-fondamentaux';

/** name → how to reach the state from a fresh page (`url` = the app's URL). */
const STATES = {
  home: async (page, url) => go(page, `${url}`),
  catalogue: async (page, url) => go(page, `${url}#/catalogue`),
  'catalogue-search': async (page, url) => go(page, `${url}#/catalogue?q=donn%C3%A9es&page=2`),
  course: async (page, url) => go(page, `${url}#/formation/${COURSE}`),
  'trainer-call': async (page, url) => go(page, `${url}#/devenir-formateur`),
  'candidature-start': async (page, url) => go(page, `${url}#/candidature`),
  'candidature-step-errors': async (page, url) => {
    await go(page, `${url}#/candidature/vous`);
    await page.click('form button[type="submit"]');
    await page.waitForSelector('.fr-input-group--error, .fr-select-group--error, .fr-fieldset--error, .fr-alert--error');
  },
  'sur-mesure-start': async (page, url) => go(page, `${url}#/sur-mesure`),
  sitemap: async (page, url) => go(page, `${url}#/plan-du-site`),
  'not-found': async (page, url) => go(page, `${url}#/nope`),
  'selection-empty': async (page, url) => go(page, `${url}#/ma-selection`),
  'selection-one': async (page, url) => {
    await go(page, `${url}#/formation/${COURSE}`);
    const bookmark = page.locator('main button:has(.fr-icon-bookmark-line), main button.fr-icon-bookmark-line').first();
    if (await bookmark.count()) await bookmark.click();
    await go(page, `${url}#/ma-selection`);
  },
  'menu-open': async (page, url) => {
    await go(page, url);
    const menu = page.locator('header .fr-btn--menu');
    if (await menu.isVisible()) {
      await menu.click();
      await page.waitForSelector('.fr-modal--opened');
    }
  },
  'static-home-no-js': null, // (below: JavaScript off, the static page alone)
  'static-course-no-js': null,
};

async function go(page, href) {
  await page.goto(href);
  await waitForApp(page);
}

async function settle(page) {
  await page.evaluate(() => document.fonts.ready);
  await page.waitForLoadState('networkidle');
}

async function shoot(app, name, width) {
  const noJs = name.startsWith('static-');
  const page = await app.newPage({ viewport: { width, height: 900 }, javaScriptEnabled: !noJs, allowConsole: [/./] });
  if (noJs) {
    await page.goto(name === 'static-home-no-js' ? app.url : `${app.url}formation/${COURSE}/`);
  } else {
    await STATES[name](page, app.url);
  }
  await settle(page);
  const png = await page.screenshot({ fullPage: true, animations: 'disabled', caret: 'hide' });
  await page.context().close();
  return png;
}

const [before, after, out = '/tmp/css-screens'] = process.argv.slice(2);
if (!before || !after) {
  console.error('usage: node build/css-screens.mjs <dist-before> <dist-after> [out-dir]');
  process.exit(2);
}
mkdirSync(out, { recursive: true });
const a = await startApp({ root: resolve(before) });
const b = await startApp({ root: resolve(after) });
let same = 0;
let total = 0;
try {
  for (const width of [1280, 390]) {
    for (const name of Object.keys(STATES)) {
      const [pa, pb] = [await shoot(a, name, width), await shoot(b, name, width)];
      total++;
      const ok = pa.equals(pb);
      if (ok) same++;
      else {
        writeFileSync(join(out, `${name}-${width}-before.png`), pa);
        writeFileSync(join(out, `${name}-${width}-after.png`), pb);
      }
      console.log(`${ok ? 'same     ' : 'DIFFERENT'} ${name} @${width}px (${pa.length} / ${pb.length} bytes)`);
    }
  }
} finally {
  await a.close();
  await b.close();
}
console.log(`${same}/${total} states pixel-identical`);
process.exit(same === total ? 0 : 1);
