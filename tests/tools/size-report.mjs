// Size report, run by trunk after each build (Trunk.toml post_build hook) and by
// `.ci/test`. Prints the wasm raw / gzip / brotli bytes and what the first page
// transfers (index.html and everything it loads before the app can render).
//
// Usage: node tests/tools/size-report.mjs [dist-dir]
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? 'dist';
const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const br = (buf) =>
  brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`.padStart(11);

const files = readdirSync(dir);
const wasm = files.find((f) => f.endsWith('_bg.wasm'));
if (!wasm) {
  console.error(`size-report: no *_bg.wasm in ${dir}`);
  process.exit(1);
}

// The first page: index.html, the files it references (scripts, styles, preloads,
// the wasm the loader fetches), config.json, and the fonts and icons the shell uses.
const html = readFileSync(join(dir, 'index.html'), 'utf8');
// (The list below was checked against what Chromium requests for the home page.)
const referenced = new Set(['index.html', wasm, 'config.json', 'catalogue.json']);
for (const m of html.matchAll(/(?:href|src)="([^"#?]+)"/g)) {
  const path = m[1].replace(/^\.\//, '').replace(/^\//, '');
  if (/^https?:/.test(path)) continue;
  if (/\.(js|css|wasm|woff2)$/.test(path)) referenced.add(path);
}
// Loaded by the JS glue / CSS rather than by index.html itself.
for (const f of [
  'dsfr/fonts/Marianne-Medium.woff2',
  'dsfr/icons/editor/translate-2.svg',
  'dsfr/icons/arrows/arrow-down-s-line.svg',
  'dsfr/icons/arrows/arrow-right-line.svg',
  'dsfr/icons/system/external-link-line.svg',
]) {
  referenced.add(f);
}

const rows = [];
let total = { raw: 0, gz: 0, br: 0 };
for (const path of [...referenced].sort()) {
  const full = join(dir, path);
  if (!existsSync(full) || !statSync(full).isFile()) {
    console.error(`size-report: ${path} is referenced but missing from ${dir}`);
    process.exit(1);
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
console.log('── Campus size report ─────────────────────────────────────────────');
console.log(`wasm  ${wasm}`);
console.log(`      raw ${kb(w.raw)}   gzip -9 ${kb(w.gz)}   brotli 11 ${kb(w.br)}`);
console.log('first page (what Chromium fetches to show the home page, with the bundled catalogue):');
console.log(`  ${'file'.padEnd(44)} ${'raw'.padStart(11)} ${'gzip'.padStart(11)} ${'brotli'.padStart(11)}`);
for (const r of rows) {
  console.log(`  ${r.path.padEnd(44)} ${kb(r.raw)} ${kb(r.gz)} ${kb(r.br)}`);
}
console.log(`  ${'TOTAL'.padEnd(44)} ${kb(total.raw)} ${kb(total.gz)} ${kb(total.br)}`);
console.log(`SIZE wasm_raw=${w.raw} wasm_gzip=${w.gz} wasm_brotli=${w.br} first_page_raw=${total.raw} first_page_gzip=${total.gz} first_page_brotli=${total.br}`);
