// Size report, run by trunk after each build (Trunk.toml post_build hook) and by
// `.ci/test`. Prints the wasm raw / gzip / brotli bytes and what the first page
// transfers (index.html and everything it loads before the app can render), then
// where the build stands against the budgets of tests/budgets.json. The budget
// test (tests/build/budgets.test.mjs) and the Lighthouse bench import `measure`,
// so the three speak of the same bytes.
//
// Usage: node build/size-report.mjs [dist-dir]
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { precacheSizes } from './offline.mjs';

const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const br = (buf) =>
  brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`.padStart(11);

/** The budget file, next to the tests. */
export const BUDGETS_PATH = join(dirname(fileURLToPath(import.meta.url)), '..', 'tests', 'budgets.json');

/** Files the home page loads that index.html does not name: the JS glue and the CSS load them. */
export const LOADED_BY_THE_APP = Object.freeze([
  'config.json',
  // Not catalogue.json: the home page starts from the summary its file
  // carries (src/core/catalogue/summary.rs), and neither the catalogue nor the code
  // that reads it (a chunk) is fetched.
  'dsfr/fonts-latin/Marianne-Medium.woff2',
  // Not Marianne-Regular_Italic.woff2: the search box's placeholder, in
  // italics (DSFR .fr-input::placeholder), is the regular face slanted
  // (style/main.css).
  'dsfr/icons/editor/translate-2.svg',
  'dsfr/icons/arrows/arrow-down-s-line.svg',
  'dsfr/icons/arrows/arrow-right-line.svg',
  'dsfr/icons/system/search-line.svg',
  // Not external-link-line.svg: only the footer's links use it on the home
  // page, and the footer, out of view, is not rendered until it comes near
  // (content-visibility in style/main.css).
]);

/**
 * The first page, by definition: index.html; every .js, .css, .wasm and .woff2 file
 * that index.html names in an `href` or `src` (scripts, styles, preloads, the wasm
 * the loader fetches); and LOADED_BY_THE_APP (config.json,
 * the third font weight and the icons of the home page's shell). Each file counts
 * as served compressed — brotli quality 11 or gzip -9 — except fonts (.woff2 is
 * compressed already: servers send it as is). No favicon, no HTTP headers.
 *
 * @param {string} dir a build (dist/)
 * @returns {{wasm: {path: string, raw: number, gz: number, br: number},
 *            rows: {path: string, raw: number, gz: number, br: number}[],
 *            total: {raw: number, gz: number, br: number},
 *            sizes: Record<string, number>}}
 *   `sizes` holds the figures of the SIZE line (wasm_gzip, first_page_brotli, …).
 */
export function measure(dir) {
  const wasm = readdirSync(dir).find((f) => f.endsWith('_bg.wasm'));
  if (!wasm) throw new Error(`size-report: no *_bg.wasm in ${dir}`);
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  // (The list was checked against what Chromium requests for the home page:
  // tests/build/budgets.test.mjs checks it again on every run.)
  const referenced = new Set(['index.html', wasm, ...LOADED_BY_THE_APP]);
  for (const m of html.matchAll(/(?:href|src)="([^"#?]+)"/g)) {
    const path = m[1].replace(/^\.\//, '').replace(/^\//, '');
    if (/^https?:/.test(path)) continue;
    if (/\.(js|css|wasm|woff2)$/.test(path)) referenced.add(path);
  }
  const rows = [];
  const total = { raw: 0, gz: 0, br: 0 };
  for (const path of [...referenced].sort()) {
    const full = join(dir, path);
    if (!existsSync(full) || !statSync(full).isFile()) {
      throw new Error(`size-report: ${path} is referenced but missing from ${dir}`);
    }
    const buf = readFileSync(full);
    // Fonts are already compressed: servers send them as they are.
    const compressible = !path.endsWith('.woff2');
    const row = {
      path,
      raw: buf.length,
      gz: compressible ? gz(buf) : buf.length,
      br: compressible ? br(buf) : buf.length,
    };
    rows.push(row);
    total.raw += row.raw;
    total.gz += row.gz;
    total.br += row.br;
  }
  const w = rows.find((r) => r.path === wasm);
  // The pages' chunks (build/wasm-split.mjs): fetched by the pages that
  // need them, not by the home page.
  const chunks = readdirSync(dir)
    .filter((f) => f.endsWith('.wasm') && f !== wasm && !f.startsWith('pack_'))
    .sort()
    .map((path) => {
      const buf = readFileSync(join(dir, path));
      return { path, raw: buf.length, gz: gz(buf), br: br(buf) };
    });
  const chunksGz = chunks.reduce((sum, c) => sum + c.gz, 0);
  // What each chunk's pages fetch in all: the main module, the chunk and the
  // shared chunks it depends on, as listed by the index of its pack
  // (build/wasm-split.mjs: pack_<chunk>-<hash>.wasm).
  const perChunk = {};
  const gzOf = new Map(chunks.map((c) => [c.path, c.gz]));
  for (const f of readdirSync(dir).filter((x) => /^pack_[a-z]+(_data)?-[0-9a-f]+\.wasm$/.test(x)).sort()) {
    const buf = readFileSync(join(dir, f));
    const files = JSON.parse(buf.subarray(4, 4 + buf.readUInt32LE(0)).toString('utf8')).map(([name]) => name);
    const page = f.replace(/^pack_([a-z]+(?:_data)?)-.*$/, '$1').replace(/_data$/, ' (with the catalogue reader)');
    perChunk[page] = w.gz + files.reduce((sum, name) => sum + (gzOf.get(name) ?? 0), 0);
  }
  // What the offline worker keeps (build/offline.mjs): fetched after the
  // first page has loaded, once the browser is idle, never with Save-Data; not
  // part of the first page, reported apart.
  const precache = existsSync(join(dir, 'sw.js')) ? precacheSizes(dir) : null;
  return {
    wasm: w,
    chunks,
    perChunk,
    rows,
    total,
    precache,
    sizes: {
      ...(precache ? { precache_files: precache.files, precache_raw: precache.raw, precache_brotli: precache.br } : {}),
      wasm_raw: w.raw,
      wasm_gzip: w.gz,
      wasm_brotli: w.br,
      chunks_gzip: chunksGz,
      first_page_raw: total.raw,
      first_page_gzip: total.gz,
      first_page_brotli: total.br,
    },
  };
}

/** tests/budgets.json: { <size name>: { current, target, why }, … } (bytes). */
export function readBudgets(path = BUDGETS_PATH) {
  const json = JSON.parse(readFileSync(path, 'utf8'));
  const budgets = {};
  for (const [name, value] of Object.entries(json)) {
    if (value && typeof value === 'object' && 'current' in value) budgets[name] = value;
  }
  return budgets;
}

/**
 * One line per budget: the figure, the `current` budget (enforced) and the distance
 * to the `target` budget (issue 14's goal). `ok` is false when over `current`.
 */
export function budgetLines(sizes, budgets) {
  const kB = (n) => `${(n / 1000).toFixed(1)} kB`;
  const pct = (n, of) => `${((100 * n) / of).toFixed(1)} %`;
  return Object.entries(budgets).map(([name, b]) => {
    const size = sizes[name];
    const ok = Number.isFinite(size) && size <= b.current;
    const cur = ok
      ? `within current ${kB(b.current)} (${kB(b.current - size)} headroom)`
      : `OVER current ${kB(b.current)} by ${kB(size - b.current)}`;
    const tgt =
      size <= b.target
        ? `target ${kB(b.target)} met`
        : `target ${kB(b.target)}: ${kB(size - b.target)} (${pct(size - b.target, b.target)}) to go`;
    return { name, size, ok, text: `${ok ? '✔' : '✘'} ${name} ${kB(size)}: ${cur}; ${tgt}` };
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? 'dist';
  let m;
  try {
    m = measure(dir);
  } catch (err) {
    console.error(err.message);
    process.exit(1);
  }
  const { wasm: w, chunks, perChunk, rows, total, sizes } = m;
  console.log('── Campus size report ─────────────────────────────────────────────');
  console.log(`wasm  ${w.path} (main module: every page)`);
  console.log(`      raw ${kb(w.raw)}   gzip -9 ${kb(w.gz)}   brotli 11 ${kb(w.br)}`);
  console.log(`chunks (fetched by the pages that need them; src/web/pages.rs):`);
  for (const c of chunks) console.log(`  ${c.path.padEnd(44)} ${kb(c.raw)} ${kb(c.gz)} ${kb(c.br)}`);
  console.log('wasm a page of each chunk fetches in all (main module + chunk + shared chunks), gzip -9:');
  for (const [name, bytes] of Object.entries(perChunk)) console.log(`  ${name.padEnd(44)} ${kb(bytes)}`);
  console.log('first page (what Chromium fetches to show the home page, with the bundled catalogue):');
  console.log(`  ${'file'.padEnd(44)} ${'raw'.padStart(11)} ${'gzip'.padStart(11)} ${'brotli'.padStart(11)}`);
  for (const r of rows) {
    console.log(`  ${r.path.padEnd(44)} ${kb(r.raw)} ${kb(r.gz)} ${kb(r.br)}`);
  }
  console.log(`  ${'TOTAL'.padEnd(44)} ${kb(total.raw)} ${kb(total.gz)} ${kb(total.br)}`);
  if (m.precache) {
    const p = m.precache;
    console.log('offline precache (sw.js, after the first page has loaded and the browser is idle; not with Save-Data):');
    console.log(`  ${`${p.files} files, brotli 11 except fonts`.padEnd(44)} ${kb(p.raw)} ${''.padStart(11)} ${kb(p.br)}`);
    console.log(`  ${'sw.js'.padEnd(44)} ${''.padStart(11)} ${''.padStart(11)} ${kb(p.worker_br)}`);
  }
  // The report never fails the build: the budget test of `npm test` does.
  try {
    console.log('budgets (tests/budgets.json, 1 kB = 1000 bytes):');
    for (const line of budgetLines(sizes, readBudgets())) console.log(`  ${line.text}`);
  } catch (err) {
    console.log(`  budgets unreadable: ${err.message}`);
  }
  console.log(`SIZE ${Object.entries(sizes).map(([k, v]) => `${k}=${v}`).join(' ')}`);
}
