// The Latin subsets of the DSFR fonts (build/fonts.mjs): the two ranges
// of each face cover every code point once; each subset holds exactly the
// full file's glyphs for its range; the built stylesheet declares both faces
// of each font and names files the build has. (That the subsets draw French
// as the full files do, and that a browser fetches the full file only for
// other characters: tests/e2e/fonts.test.mjs.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { codePoints, complement, inRanges, LATIN_RANGES, splitFontFaces, SUBSET_DIR, unicodeRange } from '../../build/fonts.mjs';
import { DSFR_DIST } from '../../build/dsfr-css.mjs';

const DIST = resolve(process.env.CAMPUS_DIST ?? 'dist');

test('the subset range and its complement cover every code point exactly once', () => {
  const all = [...LATIN_RANGES, ...complement(LATIN_RANGES)].sort((a, b) => a[0] - b[0]);
  let next = 0;
  for (const [a, b] of all) {
    assert.equal(a, next, `no gap and no overlap at U+${a.toString(16)}`);
    assert.ok(b >= a);
    next = b + 1;
  }
  assert.equal(next, 0x110000);
  assert.equal(unicodeRange([[0x41, 0x41], [0x2000, 0x206f]]), 'U+41,U+2000-206F');
  for (const ch of 'éàçœŒŸ’«»…€\u00a0\u202f\u0301') assert.ok(inRanges(LATIN_RANGES, ch.codePointAt(0)), ch);
  for (const ch of 'ếđĀ') assert.ok(!inRanges(LATIN_RANGES, ch.codePointAt(0)), ch);
});

test('each face becomes a subset face and a full face with disjoint ranges', () => {
  const css = '@font-face{font-family:Marianne;font-weight:700;src:url(fonts/Marianne-Bold.woff2) format("woff2"),url(fonts/Marianne-Bold.woff) format("woff")}a{b:c}';
  const { css: out, files } = splitFontFaces(css);
  assert.deepEqual(files, ['Marianne-Bold.woff2']);
  const faces = out.match(/@font-face\{[^}]*\}/g);
  assert.equal(faces.length, 2);
  assert.match(faces[0], /src:url\(fonts-latin\/Marianne-Bold\.woff2\) format\("woff2"\);unicode-range:U\+0-FF,/);
  assert.match(faces[1], /src:url\(fonts\/Marianne-Bold\.woff2\) format\("woff2"\),url\(fonts\/Marianne-Bold\.woff\) format\("woff"\);unicode-range:U\+100-130,/);
  assert.ok(out.endsWith('a{b:c}'));
  // A face that already has a range is left as it is.
  const ranged = '@font-face{font-family:X;src:url(fonts/X.woff2);unicode-range:U+0-7F}';
  assert.equal(splitFontFaces(ranged).css, ranged);
});

test('each built subset has exactly the full font\'s glyphs of the Latin range', async () => {
  const css = readFileSync(join(DIST, 'dsfr', 'dsfr-campus.min.css'), 'utf8');
  const faces = css.match(/@font-face\{[^}]*\}/g) ?? [];
  const subsets = faces.filter((f) => f.includes(`url(${SUBSET_DIR}/`));
  assert.ok(subsets.length >= 4, `subset faces in the stylesheet (${subsets.length})`);
  const latin = unicodeRange(LATIN_RANGES);
  const rest = unicodeRange(complement(LATIN_RANGES));
  for (const face of subsets) {
    const file = face.match(/url\(fonts-latin\/([^)]+)\)/)[1];
    assert.ok(face.endsWith(`unicode-range:${latin}}`), `${file}: subset range`);
    // Its twin: the same descriptors, the full file, the other code points.
    const descriptors = face.replace(/src:[^;]*;/, '').replace(/;unicode-range:[^}]*/, '');
    const twin = faces.find((f) => f.includes(`url(fonts/${file})`));
    assert.ok(twin, `${file}: the full face is declared`);
    assert.equal(twin.replace(/src:[^;]*;/, '').replace(/;unicode-range:[^}]*/, ''), descriptors, `${file}: same family, weight, style`);
    assert.ok(twin.endsWith(`unicode-range:${rest}}`), `${file}: full face for the rest`);
    assert.ok(existsSync(join(DIST, 'dsfr', 'fonts', file)), `${file}: full file in the build`);
    const sub = await codePoints(readFileSync(join(DIST, 'dsfr', SUBSET_DIR, file)));
    const full = await codePoints(readFileSync(join(DSFR_DIST, 'fonts', file)));
    // (Control characters are not text: a font may map U+0000, no page shows it.)
    const text = (cps) => cps.filter((cp) => cp >= 0x20);
    assert.deepEqual(text(sub), text(full).filter((cp) => inRanges(LATIN_RANGES, cp)), `${file}: the subset's code points`);
    assert.ok(sub.length > 200, `${file}: ${sub.length} code points`);
  }
});
