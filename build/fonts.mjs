// Latin subsets of the DSFR fonts, so that a page downloads only the glyphs
// French needs. Each Marianne file of npm @gouvfr/dsfr holds every glyph the
// typeface has; a page written in French uses a small part of them. Every
// @font-face of the DSFR stylesheet becomes two faces of the same family,
// weight and style, with disjoint `unicode-range`s:
//   - the Latin subset (fonts-latin/…): Basic Latin, Latin-1, œ Œ Ÿ, the
//     combining accents (a catalogue may arrive in NFD), the punctuation and
//     spaces of the General Punctuation block (’ « » … and the narrow
//     no-break space), € and a few symbols;
//   - the original file, for every other code point: a browser fetches it
//     only if a page shows such a character (a name in Vietnamese, say), and
//     that character is then drawn in Marianne as before.
// So no text looks different (tests/e2e/fonts.test.mjs compares screenshots);
// only the bytes change. Run from
// build/dsfr-css.mjs (Trunk's pre_build hook): the subsets go to
// target/dsfr-campus/fonts-latin/, which index.html copies to
// dist/dsfr/fonts-latin/.
//
// Subsetting is done by npm subset-font (HarfBuzz compiled to WebAssembly):
// no native tool. A subset is rewritten only when its source or the range
// changed (a key per file in `fonts-latin.json`, beside the folder), so
// rebuilds cost nothing.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The code points of the subsets, as inclusive [first, last] ranges, sorted, disjoint. */
export const LATIN_RANGES = Object.freeze([
  [0x0000, 0x00ff], // Basic Latin, Latin-1 (é à ç « » no-break space)
  [0x0131, 0x0131], // ı
  [0x0152, 0x0153], // Œ œ
  [0x0178, 0x0178], // Ÿ (L'Haÿ-les-Roses in capitals)
  [0x02bb, 0x02bc], // ʻ ʼ
  [0x02c6, 0x02c6],
  [0x02da, 0x02da],
  [0x02dc, 0x02dc],
  [0x0300, 0x036f], // combining accents: text in NFD
  [0x2000, 0x206f], // spaces (narrow no-break), dashes, ’ “ ” … ‰
  [0x20ac, 0x20ac], // €
  [0x2122, 0x2122], // ™
  [0x2190, 0x2193], // arrows
  [0x2212, 0x2212], // minus
  [0x2215, 0x2215],
  [0xfeff, 0xfeff],
  [0xfffd, 0xfffd],
]);

const MAX = 0x10ffff;

/** Every code point not in `ranges` (sorted, disjoint), as ranges. */
export function complement(ranges) {
  const out = [];
  let next = 0;
  for (const [a, b] of ranges) {
    if (a > next) out.push([next, a - 1]);
    next = b + 1;
  }
  if (next <= MAX) out.push([next, MAX]);
  return out;
}

/** A CSS `unicode-range` value. */
export function unicodeRange(ranges) {
  const hex = (n) => n.toString(16).toUpperCase();
  return ranges.map(([a, b]) => (a === b ? `U+${hex(a)}` : `U+${hex(a)}-${hex(b)}`)).join(',');
}

/** Whether `cp` is in `ranges`. */
export function inRanges(ranges, cp) {
  return ranges.some(([a, b]) => cp >= a && cp <= b);
}

/** The code points a woff2 font maps, ascending (read with HarfBuzz). */
export async function codePoints(woff2) {
  const [{ Blob, Face }, { default: fontverter }] = await Promise.all([import('harfbuzzjs'), import('fontverter')]);
  const sfnt = await fontverter.convert(woff2, 'sfnt');
  return [...new Face(new Blob(sfnt), 0).collectUnicodes()].sort((a, b) => a - b);
}

/** The text subset-font keeps: every code point of LATIN_RANGES (those the font lacks are skipped). */
function latinText() {
  let s = '';
  for (const [a, b] of LATIN_RANGES) {
    // U+0000-001F and lone surrogates are not text; none of them is a glyph.
    for (let cp = Math.max(a, 0x20); cp <= b; cp++) s += String.fromCodePoint(cp);
  }
  return s;
}

/**
 * The subsets that keep the font's hinting (TrueType instructions): the face
 * of running text. Hinting aligns stems to the pixel grid, which shows only
 * at small sizes and only where the rasterizer runs the instructions (on
 * Windows; Android, macOS, iOS and Chromium on Linux draw the same pixels
 * without them: tests/e2e/fonts.test.mjs compares). The other faces are set
 * large (headings, in Bold) or in a few words (buttons and links in Medium,
 * a placeholder in Italic): without their instructions each subset weighs
 * 20 kB instead of 32, which is what brings the home page under its budget.
 */
export const HINTED = Object.freeze(new Set(['Marianne-Regular.woff2']));

/** The folder of the subsets, next to the stylesheet (`fonts-latin/` as dist/dsfr/ has `fonts/`). */
export const SUBSET_DIR = 'fonts-latin';

/**
 * Rewrites each `@font-face` of `css` whose source is a woff2 file in
 * `fonts/` into the Latin-subset face and the full face for the other code
 * points; returns the new CSS and the file names to subset.
 */
export function splitFontFaces(css) {
  const files = [];
  const latin = unicodeRange(LATIN_RANGES);
  const rest = unicodeRange(complement(LATIN_RANGES));
  const out = css.replace(/@font-face\{([^}]*)\}/g, (whole, body) => {
    const m = body.match(/url\((["']?)fonts\/([^"')]+\.woff2)\1\)/);
    if (!m || /unicode-range/i.test(body)) return whole;
    files.push(m[2]);
    const subsetSrc = `src:url(${SUBSET_DIR}/${m[2]}) format("woff2")`;
    const subsetBody = body.replace(/src:[^;}]*/, subsetSrc);
    return `@font-face{${subsetBody};unicode-range:${latin}}@font-face{${body};unicode-range:${rest}}`;
  });
  return { css: out, files: [...new Set(files)] };
}

/**
 * Writes the Latin subset of each of `files` (woff2 names in `fontsDir`) to
 * `outDir`, unless the one there was made from the same source and range
 * (`<outDir>.json` keeps a key per file, outside the folder that is copied).
 * Resolves to [{ file, bytes, fullBytes, written }].
 */
export async function writeSubsets(files, fontsDir, outDir) {
  const { default: subsetFont } = await import('subset-font');
  mkdirSync(outDir, { recursive: true });
  const keysFile = `${outDir}.json`;
  let keys = {};
  try {
    keys = JSON.parse(readFileSync(keysFile, 'utf8'));
  } catch {
    keys = {};
  }
  const text = latinText();
  const range = unicodeRange(LATIN_RANGES);
  const results = [];
  for (const file of files) {
    const source = readFileSync(join(fontsDir, file));
    const noHinting = !HINTED.has(file);
    const key = createHash('sha256')
      .update(source)
      .update(range)
      .update(noHinting ? 'no-hinting' : 'hinting')
      .digest('hex');
    const target = join(outDir, file);
    let bytes;
    const written = !existsSync(target) || keys[file] !== key;
    if (written) {
      const subset = await subsetFont(source, text, { targetFormat: 'woff2', noHinting });
      writeFileSync(target, subset);
      keys[file] = key;
      bytes = subset.length;
    } else {
      bytes = statSync(target).size;
    }
    results.push({ file, bytes, fullBytes: source.length, written });
  }
  if (results.some((r) => r.written)) writeFileSync(keysFile, `${JSON.stringify(keys, null, 2)}\n`);
  return results;
}
