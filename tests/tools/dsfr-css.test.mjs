// style/dsfr.json lists every DSFR component whose rules can match the app's
// markup: a component is needed as soon as one of its selectors names only
// `fr-…` classes that src/**/*.rs (or index.html) use. And the bundled CSS is
// DSFR's own cascade: built with every module, it has the bundle's rules in
// the bundle's order. Run: node --test tests/tools/dsfr-css.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readConfig, listModules, moduleFile, topLevel, buildCss, bundleOrder, DSFR_DIST } from './dsfr-css.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Every `fr-…` class literal of the views (src/**\/*.rs) and of index.html. */
export function usedClasses() {
  const used = new Set();
  const add = (text) => {
    for (const m of text.matchAll(/\bfr-[a-z0-9_-]*[a-z0-9_]/g)) used.add(m[0]);
  };
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith('.rs')) add(readFileSync(p, 'utf8'));
    }
  };
  walk(join(ROOT, 'src'));
  add(readFileSync(join(ROOT, 'index.html'), 'utf8'));
  return used;
}

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
