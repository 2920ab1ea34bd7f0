// Campus's own DSFR stylesheet: the DSFR core plus only the components the app's
// views use (style/dsfr.json), instead of the whole dsfr.min.css (728 kB raw, 62 kB
// brotli; this file: 417 kB, 37 kB). Run by trunk before each build (Trunk.toml
// pre_build hook); index.html copies the result to dist/dsfr/dsfr-campus.min.css.
//
// The cascade is DSFR's own. The bundle dist/dsfr.min.css is, in one module
// order (core, then the components), every module's main part, then every
// legacy part, then every print part, with each media query merged into one
// block placed after all plain rules, in the order the queries first appear
// (each module file opens with empty sm/md/lg/xl blocks that fix that order).
// This script does the same with fewer modules. Built with every module, it
// gives back the bundle's sequence of rules and media blocks
// (tests/build/dsfr-css.test.mjs checks it).
//
// (Rule bodies may differ from the bundle's where its minifier merged identical
// declarations of neighbouring rules: same effect.)
//
// Left out on purpose: the `-ms-high-contrast` blocks ("legacy", for Internet
// Explorer 10-11 only, which cannot run the WebAssembly app anyway), and the
// bundle's `scheme` module, the dark palette under :root[data-fr-theme=dark]
// only: that attribute is set by DSFR's JavaScript, which the app does not load
// (index.html fixes data-fr-scheme="light").
// url()s are rewritten for a file in dsfr/ next to dsfr/fonts and dsfr/icons.
//
// Then only what the views can match is kept ([purge]): a selector stays when
// every `fr-…` class it requires (outside parentheses: `:not(.fr-x)` requires
// nothing) is one the views use ([usedClasses]: every `fr-…` literal of
// src/**/*.rs and index.html); a custom property stays when some `var()` of the
// kept CSS or of style/main.css reads it. Each component keeps only its used
// variants (417 kB → about 160 kB raw, 37 → 18 kB brotli): less to download,
// to parse and to match before the first paint. DSFR's JavaScript, which could
// add classes of its own, is not loaded.
//
// Usage: node build/dsfr-css.mjs [out-file]
//   (default target/dsfr-campus/dsfr-campus.min.css; written only if it changed,
//   so that `trunk serve`'s watcher does not loop.)
import { readFileSync, writeFileSync, mkdirSync, existsSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve, posix } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { splitFontFaces, SUBSET_DIR, writeSubsets } from './fonts.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** npm @gouvfr/dsfr's dist/: the layout dist/dsfr/ mirrors (fonts/, icons/). */
export const DSFR_DIST = join(ROOT, 'node_modules', '@gouvfr', 'dsfr', 'dist');
export const CONFIG_PATH = join(ROOT, 'style', 'dsfr.json');
export const DEFAULT_OUT = join(ROOT, 'target', 'dsfr-campus', 'dsfr-campus.min.css');

/** style/dsfr.json: { core: true, components: [name, …], utilities: [name, …] }. */
export function readConfig(path = CONFIG_PATH) {
  const json = JSON.parse(readFileSync(path, 'utf8'));
  const names = (v) => (Array.isArray(v) ? v.map((e) => (typeof e === 'string' ? e : e.name)) : []);
  return { core: json.core !== false, components: names(json.components), utilities: names(json.utilities) };
}

/**
 * A module's stylesheet, by id ('core', 'component/header', 'utility/icons'):
 * `variant` '' (all of it), 'main' (screen), 'legacy' (IE) or 'print'.
 */
export function moduleFile(id, variant = '') {
  const ext = variant ? `.${variant}.min.css` : '.min.css';
  if (id === 'core') return join(DSFR_DIST, 'core', `core${ext}`);
  const [kind, name] = id.split('/');
  return join(DSFR_DIST, kind, name, `${name}${ext}`);
}

/** The bundle is the main parts of every module, then their legacy parts, then their print parts. */
const VARIANTS = ['main', 'legacy', 'print'];

/** A module's file for a variant, if any (a module without variants is all "main"). */
function variantFile(id, variant) {
  if (existsSync(moduleFile(id, 'main'))) {
    return existsSync(moduleFile(id, variant)) ? moduleFile(id, variant) : null;
  }
  return variant === 'main' ? moduleFile(id) : null;
}

/**
 * Splits a stylesheet into its top-level items, in order: `{ kind, prelude, body }`
 * where kind is 'comment', 'statement' (`@charset …;`), 'media' (prelude = the
 * query, body = the inner text) or 'block' (a rule, @font-face, @supports, …;
 * body = the inner text). Strings and comments are skipped when matching braces.
 */
export function topLevel(css) {
  const items = [];
  let i = 0;
  const n = css.length;
  const skipString = (j) => {
    const q = css[j];
    j++;
    while (j < n && css[j] !== q) j += css[j] === '\\' ? 2 : 1;
    return j + 1;
  };
  while (i < n) {
    while (i < n && /\s/.test(css[i])) i++;
    if (i >= n) break;
    if (css.startsWith('/*', i)) {
      const end = css.indexOf('*/', i + 2);
      if (end < 0) throw new Error('dsfr-css: unterminated comment');
      items.push({ kind: 'comment', prelude: css.slice(i, end + 2), body: '' });
      i = end + 2;
      continue;
    }
    // The prelude, up to `{` or `;`.
    let j = i;
    while (j < n && css[j] !== '{' && css[j] !== ';') {
      if (css[j] === '"' || css[j] === "'") j = skipString(j);
      else if (css.startsWith('/*', j)) j = css.indexOf('*/', j + 2) + 2;
      else j++;
    }
    const prelude = css.slice(i, j).trim();
    if (css[j] === ';' || j >= n) {
      items.push({ kind: 'statement', prelude, body: '' });
      i = j + 1;
      continue;
    }
    let depth = 1;
    let k = j + 1;
    while (k < n && depth > 0) {
      const c = css[k];
      if (c === '"' || c === "'") {
        k = skipString(k);
        continue;
      }
      if (css.startsWith('/*', k)) {
        k = css.indexOf('*/', k + 2) + 2;
        continue;
      }
      if (c === '{') depth++;
      else if (c === '}') depth--;
      k++;
    }
    if (depth !== 0) throw new Error(`dsfr-css: unbalanced braces after ${prelude.slice(0, 60)}`);
    const body = css.slice(j + 1, k - 1);
    const media = /^@media\s/i.test(prelude);
    items.push({ kind: media ? 'media' : 'block', prelude: media ? prelude.replace(/^@media\s+/i, '') : prelude, body });
    i = k;
  }
  return items;
}

/** Rewrites url(…) relative to `fromDir` (in DSFR_DIST) for a file in `toDir` (same tree). */
function rewriteUrls(css, fromDir, toDir) {
  return css.replace(/url\((["']?)([^"')]+)\1\)/g, (all, q, url) => {
    if (/^(data:|https?:|\/|#)/.test(url)) return all;
    const target = resolve(fromDir, url);
    const rel = relative(toDir, target).split('\\').join('/');
    return `url(${q}${posix.normalize(rel)}${q})`;
  });
}

/** Only Internet Explorer 10-11 match these queries. */
const isLegacyQuery = (q) => /-ms-high-contrast/.test(q);

/**
 * Every module of the bundle, in the bundle's order (core, then components and
 * the other modules by where their first own plain rule lies in dist/dsfr.min.css).
 */
export function bundleOrder() {
  const bundle = readFileSync(join(DSFR_DIST, 'dsfr.min.css'), 'utf8');
  const ids = listModules('component').map((name) => `component/${name}`);
  const pos = new Map();
  for (const id of ids) {
    // The median place of the module's plain rules (a first rule alone may have
    // been merged by the minifier with a neighbour's).
    const at = topLevel(readFileSync(variantFile(id, 'main'), 'utf8'))
      .filter((it) => it.kind === 'block')
      .map((it) => bundle.indexOf(`}${it.prelude}{${it.body}}`))
      .filter((p) => p >= 0)
      .sort((a, b) => a - b);
    pos.set(id, at.length ? at[at.length >> 1] : -1);
  }
  return ['core', ...ids.filter((id) => pos.get(id) >= 0).sort((a, b) => pos.get(a) - pos.get(b))];
}

/** The modules of a kind (component, utility) that have a stylesheet. */
export function listModules(kind) {
  return readdirSync(join(DSFR_DIST, kind)).filter((d) => existsSync(join(DSFR_DIST, kind, d, `${d}.min.css`)));
}

/**
 * The stylesheet of `ids` (module ids such as 'core', 'component/header'),
 * ordered as in the bundle, for a file in DSFR_DIST-relative folder `outDir`
 * ('.' = next to fonts/ and icons/, as dist/dsfr/dsfr-campus.min.css is).
 */
export function buildCss(ids, { outDir = '.', order = bundleOrder(), legacy = false } = {}) {
  const wanted = new Set(ids);
  for (const id of wanted) {
    if (!existsSync(moduleFile(id))) throw new Error(`dsfr-css: no stylesheet for ${id} (${moduleFile(id)})`);
  }
  const known = new Set(order);
  const sorted = [...order.filter((id) => wanted.has(id)), ...[...wanted].filter((id) => !known.has(id))];
  const plain = [];
  const media = new Map();
  let banner = '';
  let charset = '';
  const toDir = resolve(DSFR_DIST, outDir);
  const parts = [];
  for (const variant of VARIANTS) {
    if (variant === 'legacy' && !legacy) continue;
    for (const id of sorted) if (variantFile(id, variant)) parts.push(variantFile(id, variant));
  }
  for (const file of parts) {
    const css = rewriteUrls(readFileSync(file, 'utf8'), dirname(file), toDir);
    for (const it of topLevel(css)) {
      if (it.kind === 'comment') {
        if (!banner && it.prelude.startsWith('/*!')) banner = it.prelude;
      } else if (it.kind === 'statement') {
        if (/^@charset/i.test(it.prelude)) charset = `${it.prelude};`;
        else plain.push(`${it.prelude};`);
      } else if (it.kind === 'media') {
        if (!legacy && isLegacyQuery(it.prelude)) continue;
        // The empty "/*! media sm */" blocks only fix the order of the queries.
        const inner = it.body.replace(/\/\*[\s\S]*?\*\//g, '').trim();
        if (!media.has(it.prelude)) media.set(it.prelude, []);
        if (inner) media.get(it.prelude).push(inner);
      } else {
        plain.push(`${it.prelude}{${it.body}}`);
      }
    }
  }
  let out = `${charset}${banner}\n${plain.join('')}`;
  for (const [q, parts] of media) if (parts.length) out += `@media ${q}{${parts.join('')}}`;
  return `${out}\n`;
}

/** Every `fr-…` class literal of the views (src/**\/*.rs) and of index.html. */
export function usedClasses(root = ROOT) {
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
  walk(join(root, 'src'));
  add(readFileSync(join(root, 'index.html'), 'utf8'));
  return used;
}

/** Splits `text` at each top-level `sep` (outside quotes, parentheses and brackets). */
function splitTop(text, sep) {
  const out = [];
  let depth = 0;
  let quote = null;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === sep && depth === 0) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out;
}

/** The `fr-…` classes a selector requires: those outside any parentheses. */
export function requiredClasses(selector) {
  let depth = 0;
  let outside = '';
  for (const c of selector) {
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (depth === 0) outside += c;
  }
  return [...outside.matchAll(/\.(fr-[a-zA-Z0-9_-]+)/g)].map((m) => m[1]);
}

/**
 * `css` with only what can apply to markup made of the classes `used`: see
 * the header. `alsoReading`: other CSS whose `var()`s keep custom properties.
 * Rules left with no selector or no declaration, and empty @media/@supports
 * blocks, go too; @font-face and other at-rules stay as they are.
 */
export function purge(css, used, alsoReading = '') {
  const keepSelector = (sel) => requiredClasses(sel).every((c) => used.has(c));
  let out = eachRule(css, (selectors, body) => {
    const kept = splitTop(selectors, ',').filter(keepSelector);
    return kept.length ? `${kept.join(',')}{${body}}` : '';
  });
  // Custom properties no kept var() reads; again until none goes, since a
  // dropped one may have been the only reader of another.
  for (;;) {
    const read = new Set([...(out + alsoReading).matchAll(/var\(\s*(--[a-zA-Z0-9_-]+)/g)].map((m) => m[1]));
    let dropped = 0;
    out = eachRule(out, (selectors, body) => {
      const decls = splitTop(body, ';').filter((d) => {
        const name = /^\s*(--[a-zA-Z0-9_-]+)\s*:/.exec(d)?.[1];
        if (name && !read.has(name)) {
          dropped++;
          return false;
        }
        return d.trim() !== '';
      });
      return decls.length ? `${selectors}{${decls.join(';')}}` : '';
    });
    if (!dropped) break;
  }
  return out.endsWith('\n') ? out : `${out}\n`;
}

/**
 * `css` with each style rule replaced by `rewrite(selectors, body)` (''
 * drops it), inside @media and @supports too; a block left empty goes.
 * Other at-rules (@font-face, @keyframes…) and statements stay as they are;
 * of the comments, only the `/*!` banners.
 */
function eachRule(css, rewrite) {
  return topLevel(css)
    .map((it) => {
      if (it.kind === 'comment') return it.prelude.startsWith('/*!') ? `${it.prelude}\n` : '';
      if (it.kind === 'statement') return `${it.prelude};`;
      if (it.kind === 'media' || /^@supports/i.test(it.prelude)) {
        const body = eachRule(it.body, rewrite);
        return body ? `${it.kind === 'media' ? `@media ${it.prelude}` : it.prelude}{${body}}` : '';
      }
      if (it.prelude.startsWith('@')) return `${it.prelude}{${it.body}}`;
      return rewrite(it.prelude, it.body);
    })
    .join('');
}

/** The module ids of style/dsfr.json. */
export function configIds(config = readConfig()) {
  return [
    ...(config.core ? ['core'] : []),
    ...config.components.map((c) => `component/${c}`),
    ...config.utilities.map((u) => `utility/${u}`),
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const out = resolve(process.argv[2] ?? DEFAULT_OUT);
  try {
    // Each font in two parts: a Latin subset, and the full file for the rest
    // (build/fonts.mjs).
    const extra = readFileSync(join(ROOT, 'style', 'main.css'), 'utf8');
    const { css, files } = splitFontFaces(purge(buildCss(configIds()), usedClasses(), extra));
    mkdirSync(dirname(out), { recursive: true });
    const subsets = await writeSubsets(files, join(DSFR_DIST, 'fonts'), join(dirname(out), SUBSET_DIR));
    if (!existsSync(out) || readFileSync(out, 'utf8') !== css) writeFileSync(out, css);
    const sum = (k) => subsets.reduce((n, s) => n + s[k], 0);
    console.log(`dsfr-css: ${relative(process.cwd(), out)} (${css.length} bytes); ${subsets.length} Latin font subsets, ${sum('bytes')} bytes for ${sum('fullBytes')} in full`);
  } catch (err) {
    console.error(err.message);
    process.exit(1);
  }
}
