// The fonts (issue 14, item 3: "fonts that do not delay the first content"):
// a page loads the Latin subsets of Marianne (tests/tools/fonts.mjs), which draw
// French exactly as the full files do; a character the subsets lack is still
// drawn in Marianne, from the full file, fetched only then.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertNoProblems, startApp, waitForApp } from './support/harness.mjs';
import { catalogue, course, serveCatalogue } from './support/fixtures.mjs';

let app;
before(async () => {
  app = await startApp();
});
after(async () => { await app?.close(); });

/** The font files a page has fetched, as paths under dsfr/. */
const fontsFetched = (page) => page.evaluate(() => performance.getEntriesByType('resource')
  .map((e) => new URL(e.name).pathname)
  .filter((p) => p.endsWith('.woff2'))
  .map((p) => p.slice(p.indexOf('/dsfr/') + 6))
  .sort());

// Every letter of French, in both cases and both forms (NFC, NFD), its
// punctuation and spaces (no-break, narrow no-break), ligatures and kerning
// pairs, figures and the euro sign.
const SAMPLE = [
  'AVATAR Tôt Wagon « Yvonne » ; fi fl ffi — l’œuvre, L’ŒUVRE, Ÿ ÿ',
  'àâäçéèêëîïôöùûüÿæœ ÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸÆŒ',
  'e\u0301te\u0301 a\u0300 Noe\u0308l c\u0327a',
  '1 234,56\u202f€ – 12\u00a0% … « Déjà\u00a0? »',
];

test('French in the Latin subsets looks exactly as in the full fonts, pixel for pixel', async () => {
  const page = await app.newPage();
  await page.goto(app.url);
  await waitForApp(page);
  for (const [file, weight, style] of [
    ['Marianne-Regular', 400, 'normal'],
    ['Marianne-Bold', 700, 'normal'],
    ['Marianne-Medium', 500, 'normal'],
    ['Marianne-Regular_Italic', 400, 'italic'],
  ]) {
    const shots = [];
    for (const dir of ['fonts', 'fonts-latin']) {
      const loaded = await page.evaluate(async ({ url, weight, style, lines }) => {
        const face = new FontFace(`Probe-${url}`, `url(${url})`, { weight: String(weight), style });
        document.fonts.add(await face.load());
        document.getElementById('probe')?.remove();
        const div = document.createElement('div');
        div.id = 'probe';
        div.style.cssText = `position:fixed;left:0;top:0;z-index:99999;width:1200px;padding:8px;background:#fff;color:#000;font:${style} ${weight} 28px/1.5 "Probe-${url}";`;
        for (const line of lines) {
          const p = document.createElement('p');
          p.textContent = line;
          div.append(p);
        }
        document.body.append(div);
        await document.fonts.ready;
        return face.status;
      }, { url: `dsfr/${dir}/${file}.woff2`, weight, style, lines: SAMPLE });
      assert.equal(loaded, 'loaded', `${dir}/${file}`);
      shots.push(await page.locator('#probe').screenshot());
    }
    assert.ok(shots[0].equals(shots[1]), `${file}: the subset draws the sample as the full file does`);
  }
  assertNoProblems(page);
});

test('a page in French fetches only the subsets; a character they lack brings the full file, in Marianne', async () => {
  const page = await app.newPage();
  await page.goto(app.url);
  await waitForApp(page);
  await page.evaluate(() => document.fonts.ready);
  const home = await fontsFetched(page);
  assert.ok(home.length >= 2, `the home page uses Marianne (${home})`);
  assert.deepEqual(home.filter((f) => !f.startsWith('fonts-latin/')), [], 'only subsets on the home page');

  // A course whose title is in Vietnamese: letters of Latin Extended Additional.
  const title = 'Tiếng Việt cho người mới bắt đầu';
  const other = await app.newPage();
  await serveCatalogue(other, catalogue([course('tieng-viet', { title })]));
  await other.goto(`${app.url}#/formation/tieng-viet`);
  await waitForApp(other);
  await other.waitForFunction((t) => document.querySelector('#campus-app main h1')?.textContent.includes(t), title);
  await other.evaluate(() => document.fonts.ready);
  const fetched = await fontsFetched(other);
  assert.ok(fetched.includes('fonts/Marianne-Bold.woff2'), `the full bold file for the h1 (${fetched})`);
  assertNoProblems(page);
  assertNoProblems(other);
});
