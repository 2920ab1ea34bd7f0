// Browser benchmark of the catalogue, in headless Chromium against the release
// build: catalogue parse and index build, per-keystroke search, keystroke to
// rendered results, time to first results; and MiniSearch (prefix: true,
// fuzzy: 0.2, accent folding) on the same catalogue in the same browser.
//
// Usage (after `bash .ci/build` and `cargo bench --bench search -- --write DIR`):
//   node bench/browser.mjs DIR
// Prints a table; figures come from User Timing measures recorded by the app
// (`campus:parse`, `campus:index`, `campus:search`), read with a PerformanceObserver.
import { cpSync, mkdtempSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { chromium } from 'playwright-core';
import { startStaticServer } from '../build/static-server.mjs';
import { CHROMIUM_ARGS } from '../tests/e2e/support/harness.mjs';


// The UMD build is not in the package's exports map: resolve it from the package root.
const MINISEARCH = resolve('node_modules/minisearch/dist/umd/index.js');
const dataDir = resolve(process.argv[2] ?? 'target/bench-data');
const QUERIES = [
  'sécurité',
  'gestion de crise',
  'accessibilite numerique',
  'intelligence artificielle',
  'donnees',
  'kubernetes',
  'agilte',
  'piloter par la donnée',
];

const stats = (xs) => {
  if (!xs.length) return { median: NaN, p95: NaN, n: 0 };
  const s = [...xs].sort((a, b) => a - b);
  const at = (p) => s[Math.min(s.length - 1, Math.round((s.length - 1) * p))];
  return { median: at(0.5), p95: at(0.95), n: s.length };
};
const ms = (x) => (Number.isFinite(x) ? `${x.toFixed(2)} ms` : 'n/a');

async function benchApp(browser, baseUrl, label) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__measures = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__measures.push([e.name, e.duration]);
    }).observe({ type: 'measure', buffered: true });
  });
  const t0 = Date.now();
  await page.goto(`${baseUrl}catalogue/`);
  await page.waitForSelector('.campus-results', { timeout: 600_000 });
  const firstResults = await page.evaluate(() => performance.now());
  const wall = Date.now() - t0;
  const measures = await page.evaluate(() => window.__measures);
  const one = (name) => measures.find((m) => m[0] === name)?.[1] ?? NaN;
  const parse = one('campus:parse');
  const index = one('campus:index');

  // Keystroke latencies, measured in the page: from the input event to the
  // results DOM updated, and to the next frame after it.
  await page.evaluate(() => {
    window.__lat = [];
    // Capture phase on window: runs before the app's (delegated) handler, so the
    // observer sees the app's own DOM update for this keystroke.
    window.addEventListener('input', (e) => {
      if (e.target.id !== 'recherche-texte') return;
      const t0 = e.timeStamp;
      const panel = document.querySelector('.campus-results-panel');
      // A keystroke that changed nothing on screen (a trailing space) has no
      // latency: drop its observer rather than credit it the next keystroke.
      window.__pending?.disconnect();
      const mo = new MutationObserver(() => {
        window.__pending = null;
        mo.disconnect();
        const dom = performance.now() - t0;
        requestAnimationFrame(() => window.__lat.push([dom, performance.now() - t0]));
      });
      window.__pending = mo;
      mo.observe(panel, { subtree: true, childList: true, characterData: true, attributes: true });
    }, true);
  });
  await page.evaluate(() => { window.__measures = []; });
  for (let round = 0; round < 2; round++) {
    for (const q of QUERIES) {
      await page.fill('#recherche-texte', '');
      await page.waitForFunction(() => !location.hash.includes('q='));
      await page.evaluate(() => { window.__lat = window.__lat ?? []; });
      for (const ch of q) {
        const before = await page.evaluate(() => window.__lat.length);
        await page.keyboard.type(ch);
        // A keystroke that changes nothing (a space) renders nothing: no latency.
        await page.waitForFunction((n) => window.__lat.length > n, before, { timeout: 500 }).catch(() => {});
      }
    }
  }
  const searches = (await page.evaluate(() => window.__measures)).filter((m) => m[0] === 'campus:search').map((m) => m[1]);
  const lat = await page.evaluate(() => window.__lat);
  await context.close();
  return {
    label,
    parse,
    index,
    firstResults,
    wall,
    search: stats(searches),
    dom: stats(lat.map((l) => l[0])),
    frame: stats(lat.map((l) => l[1])),
  };
}

async function benchMiniSearch(browser, baseUrl, file) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${baseUrl}config.json`);
  await page.addScriptTag({ path: MINISEARCH });
  return page.evaluate(
    async ({ file, queries }) => {
      const text = await (await fetch(file)).text();
      const t0 = performance.now();
      const data = JSON.parse(text);
      const parse = performance.now() - t0;
      const fold = (t) => t.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
      const t1 = performance.now();
      // eslint-disable-next-line no-undef
      const ms = new MiniSearch({
        fields: ['title', 'summary', 'description', 'objectives', 'provider'],
        storeFields: [],
        processTerm: (term) => fold(term),
        extractField: (doc, field) => (field === 'objectives' ? doc.objectives.join(' ') : doc[field]),
        searchOptions: { prefix: true, fuzzy: 0.2, boost: { title: 3 }, combineWith: 'AND' },
      });
      ms.addAll(data.courses);
      const index = performance.now() - t1;
      const times = [];
      for (let round = 0; round < 2; round++) {
        for (const q of queries) {
          for (let i = 1; i <= q.length; i++) {
            const s = performance.now();
            ms.search(q.slice(0, i));
            times.push(performance.now() - s);
          }
        }
      }
      return { parse, index, times };
    },
    { file, queries: QUERIES },
  ).finally(() => context.close());
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
const rows = [];
const sizes = (process.env.BENCH_SIZES ?? 'bundled,10000,50000').split(',');
for (const [label, file] of [
  ['bundled', null],
  ['10000', join(dataDir, 'catalogue-10000.json')],
  ['50000', join(dataDir, 'catalogue-50000.json')],
].filter(([label]) => sizes.includes(label))) {
  // A copy of dist/ whose config.json points at the catalogue under test.
  const root = mkdtempSync(join(tmpdir(), 'campus-bench-'));
  cpSync('dist', root, { recursive: true });
  if (file) {
    copyFileSync(file, join(root, 'bench-catalogue.json'));
    writeFileSync(join(root, 'config.json'), JSON.stringify({ catalogue_url: 'bench-catalogue.json', applications_endpoint: null }));
  }
  const server = await startStaticServer({ root, base: '/formations/campus/', isolated: true });
  const app = await benchApp(browser, server.url, label);
  const mini = await benchMiniSearch(browser, server.url, file ? 'bench-catalogue.json' : 'catalogue.json');
  await server.close();
  rmSync(root, { recursive: true, force: true });
  rows.push({ app, mini: { ...mini, search: stats(mini.times) } });
  console.error(`done ${label}: ${JSON.stringify({ ...rows.at(-1).app })}`);
}
await browser.close();

console.log('\nBrowser benchmark (headless Chromium, release build)');
console.log('courses | parse | index build | search median | search p95 | key→DOM p95 | key→frame median | key→frame p95 | first results');
for (const { app } of rows) {
  console.log(
    `${app.label.padStart(7)} | ${ms(app.parse)} | ${ms(app.index)} | ${ms(app.search.median)} | ${ms(app.search.p95)} | ${ms(app.dom.p95)} | ${ms(app.frame.median)} | ${ms(app.frame.p95)} | ${ms(app.firstResults)} (n=${app.search.n})`,
  );
}
console.log('\nMiniSearch 7.2 (prefix: true, fuzzy: 0.2, accent folding, AND), same catalogue, same browser');
console.log('courses | JSON.parse | index build | search median | search p95 | ratio index | ratio median | ratio p95 (MiniSearch / Campus)');
for (const { app, mini } of rows) {
  console.log(
    `${app.label.padStart(7)} | ${ms(mini.parse)} | ${ms(mini.index)} | ${ms(mini.search.median)} | ${ms(mini.search.p95)} | ${(mini.index / app.index).toFixed(1)}× | ${(mini.search.median / app.search.median).toFixed(1)}× | ${(mini.search.p95 / app.search.p95).toFixed(1)}×`,
  );
}
