// The fonts (issue 14, item 3: "fonts that do not delay the first content"):
// a page loads the Latin subsets of Marianne (build/fonts.mjs), which draw
// French exactly as the full files do; a character the subsets lack is still
// drawn in Marianne, from the full file, fetched only then.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertNoProblems, startApp, waitForApp } from './support/harness.mjs';
import { catalogue, course, serveCatalogue } from './support/fixtures.mjs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { codePoints, LATIN_RANGES } from '../../build/fonts.mjs';
import { DSFR_DIST } from '../../build/dsfr-css.mjs';

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

/** The combining marks a font has (one it lacks is drawn by a fallback font, with or without the subsets). */
async function marksOf(file) {
  const all = await codePoints(readFileSync(join(DSFR_DIST, 'fonts', `${file}.woff2`)));
  return all.filter((cp) => cp >= 0x300 && cp <= 0x36f);
}

// Every letter of French, in both cases and both forms (NFC, NFD), its
// punctuation and spaces (no-break, narrow no-break), ligatures and kerning
// pairs, figures and the euro sign.
const SAMPLE = [
  'AVATAR Tôt Wagon « Yvonne » ; fi fl ffi — l’œuvre, L’ŒUVRE, Ÿ ÿ',
  'àâäçéèêëîïôöùûüÿæœ ÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸÆŒ',
  // NFD, where the font composes: accents over capitals take their low forms, i loses its dot.
  'e\u0301te\u0301 a\u0300 Noe\u0308l c\u0327a nai\u0308f i\u0302le E\u0301TE\u0301 A\u0300 NOE\u0308L C\u0327A I\u0302LE',
  '1 234,56\u202f€ – 12\u00a0% … « Déjà\u00a0? »',
  // Then every character of the subsets' range, in lines of 40.
  ...lines(LATIN_RANGES.flatMap(([a, b]) => range(a, b)).filter((cp) => cp >= 0x21 && !(cp >= 0x7f && cp < 0xa0)
    && !(cp >= 0x300 && cp <= 0x36f) && !(cp >= 0x2000 && cp <= 0x200f) && !(cp >= 0x2028 && cp <= 0x202f)
    && !(cp >= 0x205f && cp <= 0x206f) && cp !== 0xfeff && cp !== 0xad).map((cp) => String.fromCodePoint(cp))),
];
/** Each combining mark of `file` on a letter that has no precomposed form with it. */
const markLines = async (file) => lines((await marksOf(file)).map((cp) => `x${String.fromCodePoint(cp)}X${String.fromCodePoint(cp)}`));
function range(a, b) {
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}
function lines(items, n = 40) {
  const out = [];
  for (let i = 0; i < items.length; i += n) out.push(items.slice(i, i + n).join(' '));
  return out;
}

/** At most this many pixels of the sample may differ (anti-aliasing). */
const MAX_PIXELS_APART = 8;

/** How many pixels of two PNG screenshots differ, compared in the page's canvas. */
function pixelsApart(page, a, b) {
  return page.evaluate(async ([a, b]) => {
    const load = (src) => new Promise((resolve, reject) => {
      const img = new Image();
      img.onload = () => resolve(img);
      img.onerror = reject;
      img.src = `data:image/png;base64,${src}`;
    });
    const data = (img) => {
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d');
      ctx.drawImage(img, 0, 0);
      return ctx.getImageData(0, 0, img.width, img.height).data;
    };
    const [ia, ib] = await Promise.all([load(a), load(b)]);
    if (ia.width !== ib.width || ia.height !== ib.height) return { sameSize: false, pixels: Infinity };
    const [da, db] = [data(ia), data(ib)];
    let pixels = 0;
    for (let i = 0; i < da.length; i += 4) {
      if (da[i] !== db[i] || da[i + 1] !== db[i + 1] || da[i + 2] !== db[i + 2]) pixels++;
    }
    return { sameSize: true, pixels };
  }, [a.toString('base64'), b.toString('base64')]);
}

test('French in the Latin subsets looks as in the full fonts, to the pixel', async () => {
  const page = await app.newPage();
  await page.goto(app.url);
  await waitForApp(page);
  for (const [file, weight, style] of [
    ['Marianne-Regular', 400, 'normal'],
    ['Marianne-Bold', 700, 'normal'],
    ['Marianne-Medium', 500, 'normal'],
    ['Marianne-Regular_Italic', 400, 'italic'],
  ]) {
    const sample = [...SAMPLE, ...(await markLines(file))];
    const shots = [];
    for (const dir of ['fonts', 'fonts-latin']) {
      const loaded = await page.evaluate(async ({ url, weight, style, lines }) => {
        const face = new FontFace(`Probe-${url}`, `url(${url})`, { weight: String(weight), style });
        document.fonts.add(await face.load());
        document.getElementById('probe')?.remove();
        const div = document.createElement('div');
        div.id = 'probe';
        div.style.cssText = `position:fixed;left:0;top:0;z-index:99999;width:1240px;padding:8px;background:#fff;color:#000;font:${style} ${weight} 28px/1.5 "Probe-${url}";`;
        // Large, and at the sizes of running text, where hinting would show.
        for (const size of [28, 16, 14]) {
          for (const line of lines) {
            const p = document.createElement('p');
            p.style.fontSize = `${size}px`;
            p.style.margin = '0';
            p.textContent = line;
            div.append(p);
          }
        }
        document.body.append(div);
        await document.fonts.ready;
        return face.status;
      }, { url: `dsfr/${dir}/${file}.woff2`, weight, style, lines: sample });
      assert.equal(loaded, 'loaded', `${dir}/${file}`);
      shots.push(await page.locator('#probe').screenshot());
    }
    const diff = await pixelsApart(page, shots[0], shots[1]);
    // A glyph outline rebuilt by the subsetter may round one or two edge
    // pixels differently; a missing glyph or feature moves hundreds.
    assert.ok(diff.sameSize && diff.pixels <= MAX_PIXELS_APART,
      `${file}: the subset draws the sample as the full file does (${diff.pixels} pixels differ)`);
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
  await other.goto(`${app.url}formation/?id=tieng-viet`);
  await waitForApp(other);
  await other.waitForFunction((t) => document.querySelector('#campus-app main h1')?.textContent.includes(t), title);
  await other.evaluate(() => document.fonts.ready);
  const fetched = await fontsFetched(other);
  assert.ok(fetched.includes('fonts/Marianne-Bold.woff2'), `the full bold file for the h1 (${fetched})`);
  assertNoProblems(page);
  assertNoProblems(other);
});
