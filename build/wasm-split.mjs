// Trunk post-build step (run first by build/post-build.mjs): cuts the
// pages' code out of the main wasm into chunks that the browser fetches the
// first time a page needs one (src/web/pages.rs names the split points).
//
// Trunk 0.21 has no hook between cargo and wasm-bindgen (trunk-rs/trunk#1022),
// and a split must run on cargo's own output (it reads the linker's
// relocations, .cargo/config.toml: --emit-relocs). So this step redoes, from
// that output, what trunk did after cargo:
//   1. wasm-split-cli: main.wasm + one wasm per chunk (and chunks of code shared
//      by several) + __wasm_split.js, which loads them;
//   2. wasm-bindgen on main.wasm, as trunk ran it (--target web), keeping the
//      exports the chunks link to;
//   3. wasm-opt, with Trunk.toml's flags, on every wasm;
//   4. content-hashed names for the chunks and the loader, so that a host can
//      cache them for ever, like trunk's own files; trunk's names stay for
//      the main module and its JS (index.html names them);
//   5. the main module's JS glue and the loader minified (npm terser: their
//      comments and indentation are a third of what the first page's brotli
//      carries of them, 9.4 -> 7.5 kB for the glue);
//   6. packs: a page's shared chunks and its own in one file, fetched in one
//      request by the page a visitor lands on (see below).
//
// Usage: node build/wasm-split.mjs [staging-dir]   (inside trunk: no argument)
// CAMPUS_WASM_NAMES=1 keeps the functions' names (wasm-opt -g: the name section,
// about 1 MB more) so that a CPU profile shows Rust names: for profiling only,
// e.g. `CAMPUS_WASM_NAMES=1 trunk build --release --offline --dist /tmp/dist-names`.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? 'dist';
const profile = process.env.TRUNK_PROFILE ?? 'release';
const targetDir = process.env.CARGO_TARGET_DIR ?? 'target';
const raw = join(targetDir, 'wasm32-unknown-unknown', profile, 'campus.wasm');

// Trunk.toml's wasm-opt flags (the <link data-trunk rel="rust"> of index.html).
const OPT = [
  '-Oz', '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
  '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue',
  '--strip-debug', '--strip-producers',
  ...(process.env.CAMPUS_WASM_NAMES === '1' ? ['-g'] : []),
];

function fail(message) {
  console.error(`wasm-split: ${message}`);
  process.exit(1);
}

function run(command, args) {
  const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.error) fail(`${command} could not start (${result.error.code}): run bash .ci/setup`);
  if (result.status !== 0) fail(`${command} ${args.join(' ')} exited with ${result.status}`);
}

const hash = (buf) => createHash('sha256').update(buf).digest('hex').slice(0, 16);

const glue = readdirSync(dir).find((f) => /^campus-[0-9a-f]+\.js$/.test(f));
if (!glue) fail(`no campus-<hash>.js in ${dir}: is this trunk's staging folder?`);
const stem = glue.slice(0, -'.js'.length);
const mainWasm = `${stem}_bg.wasm`;
if (!existsSync(join(dir, mainWasm))) fail(`${mainWasm} missing from ${dir}`);
if (!existsSync(raw)) fail(`${raw} missing: the cargo build of campus for wasm32 (${profile})`);

const work = mkdtempSync(join(tmpdir(), 'campus-split-'));
try {
  const split = join(work, 'split');
  const bindgen = join(work, 'bindgen');
  run('wasm-split-cli', [raw, split]);
  run('wasm-bindgen', [
    join(split, 'main.wasm'), `--out-dir=${bindgen}`, `--out-name=${stem}`, '--target=web',
    '--no-typescript', '--keep-lld-exports',
  ]);

  // The chunks, optimized, under content-hashed names.
  const renames = new Map();
  const chunks = [];
  for (const name of readdirSync(split).filter((f) => f.endsWith('.wasm') && f !== 'main.wasm')) {
    const path = join(split, name);
    run('wasm-opt', [...OPT, path, '-o', path]);
    const hashed = `${name.slice(0, -'.wasm'.length)}-${hash(readFileSync(path))}.wasm`;
    renames.set(name, hashed);
    chunks.push({ name: hashed, path });
  }
  // The loader names its chunks and imports the main module's glue.
  let loader = readFileSync(join(split, '__wasm_split.js'), 'utf8');
  for (const [from, to] of renames) {
    const quoted = `"./${from}"`;
    if (!loader.includes(quoted)) fail(`__wasm_split.js does not name ${from}`);
    loader = loader.split(quoted).join(`"./${to}"`);
  }
  if (!loader.includes('from "./main.js"')) fail('__wasm_split.js does not import ./main.js');
  loader = loader.split('from "./main.js"').join(`from "./${glue}"`);
  // A chunk's pieces are requested one task each: the thirty-odd fetch() calls
  // of a page's chunk, made in one go, were a task of 15-20 ms (four times
  // that in Lighthouse's mobile model) right after the app's start.
  const DEPS_AT_ONCE = 'const parallelStuff = deps.map(d => d());';
  if (!loader.includes(DEPS_AT_ONCE)) fail(`__wasm_split.js: no "${DEPS_AT_ONCE}" to spread over tasks`);
  loader = loader.replace(
    DEPS_AT_ONCE,
    `const parallelStuff = [];
        for (const d of deps) {
            parallelStuff.push(d());
            await __campusNextTask();
        }`,
  );
  loader += `
// campus: the next task, through a MessageChannel (build/wasm-split.mjs).
function __campusNextTask() {
    return new Promise((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => { channel.port1.close(); resolve(); };
        channel.port2.postMessage(null);
    });
}
`;

  // Packs: a page landed on fetches its code in one request, not thirty. For
  // each page's chunk, one file holds the shared chunks it needs and itself
  // (pack_<page>), and one more holds the catalogue reader's too
  // (pack_<page>_data), for the pages that show the catalogue. A pack is a
  // little-endian u32, a JSON list of [file, length] of that many bytes, then
  // the files one after the other. The loader takes the pieces of the pack
  // for the first page's chunk asked for while the static page is still in
  // view (the landing); every later chunk, and any piece a pack does not
  // hold, is fetched on its own, as before (the files stay). A pack that
  // cannot come falls back to the files one by one.
  const FETCH = /fetch\(new URL\("\.\/([^"]+)", import\.meta\.url\)\)/g;
  const shared = new Map();
  for (const m of loader.matchAll(/const (__chunk_\d+) = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"/g)) shared.set(m[1], m[2]);
  const EXPORT = /export const __wasm_split_load_(\w+) = wrapAsyncCb\((makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"[\s\S]*?, \[([^\]]*)\]\))\);/g;
  const pages = new Map();
  for (const m of loader.matchAll(EXPORT)) {
    const deps = m[4].split(',').map((d) => d.trim()).filter(Boolean).map((d) => shared.get(d));
    if (deps.some((d) => !d)) fail(`__wasm_split.js: a dependency of ${m[1]} is no chunk`);
    pages.set(m[1], [...deps, m[3]]);
  }
  if (!pages.size) fail('__wasm_split.js: no split point export found');
  const reader = pages.get('catalogue_data') ?? [];
  const pathOf = new Map(chunks.map((c) => [c.name, c.path]));
  const packs = [];
  const packName = new Map();
  for (const [page, files] of pages) {
    if (page === 'catalogue_data') continue;
    const names = [];
    for (const [suffix, list] of [['', files], ['_data', [...new Set([...files, ...reader])]]]) {
      const parts = list.map((f) => {
        if (!pathOf.has(f)) fail(`pack of ${page}: ${f} is not a chunk of this build`);
        return [f, readFileSync(pathOf.get(f))];
      });
      const header = Buffer.from(JSON.stringify(parts.map(([f, b]) => [f, b.length])));
      const size = Buffer.alloc(4);
      size.writeUInt32LE(header.length);
      const body = Buffer.concat([size, header, ...parts.map(([, b]) => b)]);
      const name = `pack_${page}${suffix}-${hash(body)}.wasm`;
      packs.push({ name, body, pieces: parts.length });
      names.push(name);
    }
    packName.set(page, names);
  }
  // A course page reads the excerpt its file carries with the reader's code
  // at once, before it asks for its own chunk: the reader, asked first, brings
  // the course page's pack (which holds the reader's pieces too).
  const landingOf = (page) => packName.get(page === 'catalogue_data' ? 'course' : page);
  loader = loader.replace(EXPORT, (all, page, load) => {
    const names = landingOf(page);
    return names
      ? `export const __wasm_split_load_${page} = wrapAsyncCb(__campusLanding("${names[0]}", "${names[1]}", ${load}));`
      : all;
  });
  loader = loader.replace(FETCH, (_, file) => `__campusSource("${file}")`);
  loader += `
// campus: the page landed on fetches its code in one request (build/wasm-split.mjs).
let __campusPack;
function __campusLanding(pack, packWithData, load) {
    return () => {
        if (__campusPack === undefined) {
            __campusPack = null;
            if (document.getElementById("campus-static")) {
                // A page of the catalogue reads it, a course page its excerpt: both with the reader's code.
                const data = /^(catalogue|course)$/.test(document.querySelector('meta[name="campus-data"]')?.content ?? "");
                const landing = fetch(new URL("./" + (data ? packWithData : pack), import.meta.url))
                    .then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(pack + ": " + r.status))))
                    .then((buffer) => {
                        const size = new DataView(buffer).getUint32(0, true);
                        const pieces = new Map();
                        let at = 4 + size;
                        for (const [name, length] of JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, 4, size)))) {
                            pieces.set(name, new Uint8Array(buffer, at, length));
                            at += length;
                        }
                        // Pieces no page asked for by then are let go.
                        setTimeout(() => { __campusPack = null; }, 30000);
                        return pieces;
                    });
                landing.catch(() => { __campusPack = null; });
                __campusPack = landing;
            }
        }
        return load();
    };
}
function __campusSource(name) {
    const alone = () => fetch(new URL("./" + name, import.meta.url));
    if (!__campusPack) return alone();
    return __campusPack.then((pieces) => {
        const bytes = pieces.get(name);
        pieces.delete(name);
        return bytes ? new Response(bytes, { headers: { "content-type": "application/wasm" } }) : alone();
    }, alone);
}
`;
  // Minified like the glue (it is on the first page: 1.7 -> 1.1 kB brotli);
  // the size report reads what each page fetches from the packs' indexes.
  const { minify } = await import('terser');
  const small = await minify(loader, { module: true, compress: true, mangle: true, format: { comments: false } });
  if (!small.code) fail('terser returned nothing for __wasm_split.js');
  loader = small.code;
  const loaderName = `__wasm_split-${hash(loader)}.js`;

  // The main module's glue imports the loader.
  let js = readFileSync(join(bindgen, `${stem}.js`), 'utf8');
  // (Only the `import … from` statements: the keys of the wasm's import
  // object keep the module name the wasm asks for.)
  const IMPORT = /^(import \* as \w+ from )(['"])\.\/__wasm_split\.js\2/gm;
  if (!IMPORT.test(js)) fail(`${stem}.js does not import ./__wasm_split.js: no split point was found`);
  js = js.replace(IMPORT, `$1'./${loaderName}'`);
  // Names the wasm imports and exports are kept: only locals are mangled.
  const minified = await minify(js, { module: true, compress: true, mangle: true, format: { comments: false } });
  if (!minified.code) fail(`terser returned nothing for ${glue}`);
  js = minified.code;

  const main = join(bindgen, `${stem}_bg.wasm`);
  run('wasm-opt', [...OPT, main, '-o', main]);

  // Into the staging folder: the main module and its glue replace trunk's.
  writeFileSync(join(dir, glue), js);
  renameSync(main, join(dir, mainWasm));
  writeFileSync(join(dir, loaderName), loader);
  for (const chunk of chunks) cpSync(chunk.path, join(dir, chunk.name));
  for (const pack of packs) writeFileSync(join(dir, pack.name), pack.body);
  if (existsSync(join(bindgen, 'snippets'))) {
    rmSync(join(dir, 'snippets'), { recursive: true, force: true });
    cpSync(join(bindgen, 'snippets'), join(dir, 'snippets'), { recursive: true });
  }
  // index.html names the glue with its integrity (trunk's SRI): the glue
  // changed. The loader gets its own modulepreload, so that it is fetched
  // with the glue rather than after it.
  const html = join(dir, 'index.html');
  const sri = (text) => `sha384-${createHash('sha384').update(text).digest('base64')}`;
  const preload = new RegExp(`<link rel="modulepreload" href="\\./${glue.replace('.', '\\.')}"[^>]*>`);
  // (A loader's modulepreload left by an earlier run on this folder goes.)
  const page = readFileSync(html, 'utf8').replace(/\n?<link rel="modulepreload" href="\.\/__wasm_split-[^"]*"[^>]*>/g, '');
  const tag = page.match(preload)?.[0];
  if (!tag || !/integrity="[^"]*"/.test(tag)) fail(`index.html has no modulepreload of ${glue} with an integrity`);
  const loaderTag = tag.replace(`./${glue}`, `./${loaderName}`).replace(/integrity="[^"]*"/, `integrity="${sri(loader)}"`);
  writeFileSync(html, page.replace(tag, `${tag.replace(/integrity="[^"]*"/, `integrity="${sri(js)}"`)}\n${loaderTag}`));

  const kB = (path) => `${(statSync(path).size / 1000).toFixed(1)} kB`;
  console.log(`wasm-split: ${mainWasm} ${kB(join(dir, mainWasm))}, ${loaderName}, ` +
    chunks.map((c) => `${c.name} ${kB(join(dir, c.name))}`).join(', ') +
    `; packs ${packs.map((p) => `${p.name} (${p.pieces} pieces) ${kB(join(dir, p.name))}`).join(', ')}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
