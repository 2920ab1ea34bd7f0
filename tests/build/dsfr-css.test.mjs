// style/dsfr.json lists every DSFR component whose rules can match the app's
// markup: a component is needed as soon as one of its selectors names only
// `fr-…` classes that src/**/*.rs (or index.html) use. And the bundled CSS is
// DSFR's own cascade: built with every module, it has the bundle's rules in
// the bundle's order. Run: node --test tests/build/dsfr-css.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  readConfig, listModules, moduleFile, topLevel, buildCss, bundleOrder, configIds, purge, requiredClasses, usedClasses,
  DSFR_DIST,
} from '../../build/dsfr-css.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The single selectors of a stylesheet (inside @media / @supports too). */
function selectors(css) {
  const out = [];
  const rec = (c) => {
    for (const it of topLevel(c)) {
      if (it.kind === 'media' || /^@supports/.test(it.prelude)) rec(it.body);
      else if (it.kind === 'block' && !it.prelude.startsWith('@')) out.push(...it.prelude.split(/,(?![^(]*\))/));
    }
  };
  rec(css);
  return out;
}

const classesOf = (sel) => [...sel.matchAll(/\.(fr-[a-zA-Z0-9_-]+)/g)].map((m) => m[1]);

/** Components with a selector made only of used classes, each with one such selector. */
export function neededComponents(used = usedClasses()) {
  const needed = new Map();
  for (const name of listModules('component')) {
    const hit = selectors(readFileSync(moduleFile(`component/${name}`), 'utf8')).find((s) => {
      const cl = classesOf(s);
      return cl.length > 0 && cl.every((c) => used.has(c));
    });
    if (hit) needed.set(name, hit);
  }
  return needed;
}

test('style/dsfr.json lists every DSFR component the views use', () => {
  const listed = new Set(readConfig().components);
  const missing = [...neededComponents()].filter(([name]) => !listed.has(name));
  assert.deepEqual(
    missing.map(([name, sel]) => `${name} (its rule ${sel} matches classes the views use)`),
    [],
  );
});

test('every used utility class (fr-icon-…) is defined by style/main.css or a listed utility', () => {
  const main = readFileSync(join(ROOT, 'style', 'main.css'), 'utf8');
  const defined = new Set(classesOf(main));
  for (const u of readConfig().utilities) for (const c of classesOf(readFileSync(moduleFile(`utility/${u}`), 'utf8'))) defined.add(c);
  const undefinedIcons = [...usedClasses()].filter((c) => /^fr-(icon|fi)-/.test(c) && !defined.has(c));
  assert.deepEqual(undefinedIcons, []);
});

test('built with every module, the CSS has the bundle dsfr.min.css rules in its order', () => {
  const order = bundleOrder();
  assert.equal(order.length, 1 + listModules('component').length, 'every component placed');
  const ours = topLevel(buildCss(order, { legacy: false }));
  const bundle = topLevel(readFileSync(join(DSFR_DIST, 'dsfr.min.css'), 'utf8')).filter(
    (it) => !(it.kind === 'media' && /-ms-high-contrast/.test(it.prelude)),
  );
  const key = (it) => `${it.kind} ${it.prelude}`;
  assert.deepEqual(ours.filter((i) => i.kind !== 'comment').map(key), bundle.filter((i) => i.kind !== 'comment').map(key));
});

test('purge keeps the selectors whose required classes the views use, and the rest of the cascade', () => {
  const used = new Set(['fr-btn', 'fr-btn--sm', 'fr-card']);
  const css = [
    '/*! banner */',
    'a{color:red}',
    '.fr-btn,.fr-btn--lg{padding:1px}',
    '.fr-tile{margin:0}',
    '.fr-btn:not(.fr-btn--lg):not([class*=" fr-icon-"]){gap:2px}',
    '.fr-card .fr-card__title,.fr-card:is(.fr-enlarge-link){x:y}',
    '@media (min-width:48em){.fr-tile{margin:1px}.fr-btn--sm{font-size:1rem}}',
    '@media print{.fr-tile{display:none}}',
    '@supports (aspect-ratio:16/9){.fr-tile{aspect-ratio:1}}',
    '@font-face{font-family:Marianne;src:url(a.woff2)}',
  ].join('');
  const out = purge(css, used);
  assert.equal(
    out,
    '/*! banner */\na{color:red}.fr-btn{padding:1px}.fr-btn:not(.fr-btn--lg):not([class*=" fr-icon-"]){gap:2px}'
      + '.fr-card:is(.fr-enlarge-link){x:y}@media (min-width:48em){.fr-btn--sm{font-size:1rem}}'
      + '@font-face{font-family:Marianne;src:url(a.woff2)}\n',
  );
  assert.deepEqual(requiredClasses('.fr-a:not(.fr-b) .fr-c::before'), ['fr-a', 'fr-c']);
});

test('purge drops the custom properties no kept var() reads, transitively, and splits declarations safely', () => {
  const css = ':root{--used:1px;--chain:var(--deep);--deep:red;--unused:blue;--only-by-dropped:0}'
    + '.fr-x{border:var(--used) solid var(--chain)}'
    + '.fr-gone{margin:var(--only-by-dropped)}'
    + '.fr-x::after{--img:url("data:image/svg+xml;charset=utf8,%3Csvg%3E;");background:var(--img);content:";"}';
  const out = purge(css, new Set(['fr-x']), '.mine{color:var(--from-main)}');
  assert.equal(
    out,
    ':root{--used:1px;--chain:var(--deep);--deep:red}.fr-x{border:var(--used) solid var(--chain)}'
      + '.fr-x::after{--img:url("data:image/svg+xml;charset=utf8,%3Csvg%3E;");background:var(--img);content:";"}\n',
  );
  // A property read only by style/main.css stays.
  assert.match(purge(':root{--from-main:1px}', new Set(), '.mine{gap:var(--from-main)}'), /--from-main:1px/);
});

test('the shipped stylesheet is the purged build: smaller, and missing no selector the views can match', () => {
  const used = usedClasses();
  const full = buildCss(configIds());
  const main = readFileSync(join(ROOT, 'style', 'main.css'), 'utf8');
  const purged = purge(full, used, main);
  assert.ok(purged.length < full.length * 0.6, `purged ${purged.length} bytes of ${full.length}`);
  const kept = new Set(selectors(purged));
  // A rule that only sets custom properties no var() anywhere reads has no effect.
  const readAnywhere = new Set([...(full + main).matchAll(/var\(\s*(--[a-zA-Z0-9_-]+)/g)].map((m) => m[1]));
  const effective = [];
  const rec = (css) => {
    for (const it of topLevel(css)) {
      if (it.kind === 'media' || /^@supports/.test(it.prelude)) rec(it.body);
      else if (it.kind === 'block' && !it.prelude.startsWith('@')) {
        const inert = it.body.split(';').every((d) => {
          const decl = d.trim();
          return !decl || (decl.startsWith('--') && !readAnywhere.has(decl.split(':')[0]));
        });
        if (!inert) effective.push(...it.prelude.split(/,(?![^(]*\))/));
      }
    }
  };
  rec(full);
  const lost = effective.filter((s) => requiredClasses(s).every((c) => used.has(c)) && !kept.has(s));
  assert.deepEqual(lost.slice(0, 5), []);
  // Every var() the kept CSS reads is still defined (or was never defined by DSFR).
  const defined = (css) => new Set([...css.matchAll(/(--[a-zA-Z0-9_-]+)\s*:/g)].map((m) => m[1]));
  const before = defined(full);
  const after = defined(purged);
  const read = [...(purged + main).matchAll(/var\(\s*(--[a-zA-Z0-9_-]+)/g)].map((m) => m[1]);
  assert.deepEqual([...new Set(read.filter((v) => before.has(v) && !after.has(v)))], []);
});
