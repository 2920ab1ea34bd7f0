// Benchmark of the main thread while the catalogue loads (issue 14, "no freeze
// at scale"), in headless Chromium against a release build, on synthetic
// catalogues of 10,000, 50,000 and 200,000 courses.
//
// Usage (after `bash .ci/build` and `cargo bench --bench search -- --write DIR`):
//   node bench/longtask.mjs DIR [BUILD_DIR]
//   LONGTASK_SIZES=10000,50000   only these catalogues (default: 10000,50000,200000)
// BUILD_DIR defaults to dist/ (pass another build to compare, e.g. the one before
// a change). The catalogue is served in place of config.json's catalogue_url
// (a route override: config.json points at it).
//
// Prints, per catalogue: the longest main-thread task during the load
// (PerformanceObserver 'longtask', buffered) and, as a cross-check, the longest
// gap between two animation frames; the number of long tasks (> 50 ms) and the
// total blocking time (their time over 50 ms); the load time to results shown;
// the app's own measures (campus:decode, campus:parse, campus:index: from start
// to end of each phase, yields included; and the longest single step of each);
// then the keystroke search latency once loaded (campus:search, and key to next
// frame).
// LONGTASK_NAVIGATE=1 then also visits the app (tests/e2e/support/navigation.mjs):
// the home page, a course page, the catalogue, the next-session sort and Back,
// and prints the longest task of each step (issue 26), with the app's
// campus:similar measure (the similar courses' index, built in slices once the
// catalogue is shown; its longest step).
import { createReadStream, existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { chromium } from 'playwright-core';
import { startStaticServer } from '../build/static-server.mjs';
import { CHROMIUM_ARGS } from '../tests/e2e/support/harness.mjs';
import { navigate, STEPS } from '../tests/e2e/support/navigation.mjs';

const dataDir = resolve(process.argv[2] ?? 'target/bench-data');
const buildDir = resolve(process.argv[3] ?? 'dist');
const BASE = '/formations/campus/';
const SIZES = (process.env.LONGTASK_SIZES ?? '10000,50000,200000').split(',').map((s) => s.trim()).filter(Boolean);
const QUERIES = ['sécurité', 'gestion de crise', 'donnees', 'agilte'];
const NAVIGATE = Boolean(process.env.LONGTASK_NAVIGATE);

const stats = (xs) => {
  if (!xs.length) return { median: NaN, p95: NaN, max: NaN, n: 0 };
  const s = [...xs].sort((a, b) => a - b);
  const at = (p) => s[Math.min(s.length - 1, Math.round((s.length - 1) * p))];
  return { median: at(0.5), p95: at(0.95), max: s.at(-1), n: s.length };
};
const ms = (x) => (Number.isFinite(x) ? `${Math.round(x)} ms` : 'n/a');
const ms2 = (x) => (Number.isFinite(x) ? `${x.toFixed(2)} ms` : 'n/a');

// Installed before the app's first script: long tasks, measures, frames, and
// the moment the results list appears.
function probe() {
  window.__long = [];
  window.__measures = [];
  window.__gap = { max: 0, at: 0 };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__long.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    window.__noLongtask = true;
  }
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__measures.push([e.name, e.duration, e.startTime]);
  }).observe({ type: 'measure', buffered: true });
  let last = null;
  const frame = (t) => {
    if (last !== null && t - last > window.__gap.max) window.__gap = { max: t - last, at: last };
    last = t;
    if (window.__resultsAt === undefined && document.querySelector('.campus-results')) {
      window.__resultsAt = performance.now();
    }
    if (!window.__stopFrames) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

async function benchLoad(browser, baseUrl) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(probe);
  await page.goto(`${baseUrl}catalogue/`);
  await page.waitForFunction(() => window.__resultsAt !== undefined, null, { timeout: 600_000, polling: 100 });
  const load = await page.evaluate(() => {
    window.__stopFrames = true;
    const end = window.__resultsAt;
    const during = window.__long.filter(([start]) => start < end);
    return {
      tasks: during,
      resultsAt: end,
      longtasks: during.map(([, d]) => d),
      longtaskSupported: !window.__noLongtask,
      gap: window.__gap,
      measures: window.__measures,
    };
  });
  const one = (name) => load.measures.filter((m) => m[0] === name).map((m) => m[1]).at(-1) ?? NaN;

  // Keystroke latency once loaded: from the input event to the next frame after
  // the results changed (see bench/browser.mjs).
  await page.evaluate(() => {
    window.__lat = [];
    window.addEventListener('input', (e) => {
      if (e.target.id !== 'recherche-texte') return;
      const t0 = e.timeStamp;
      const panel = document.querySelector('.campus-results-panel');
      window.__pending?.disconnect();
      const mo = new MutationObserver(() => {
        window.__pending = null;
        mo.disconnect();
        requestAnimationFrame(() => window.__lat.push(performance.now() - t0));
      });
      window.__pending = mo;
      mo.observe(panel, { subtree: true, childList: true, characterData: true, attributes: true });
    }, true);
    window.__measures = [];
  });
  for (const q of QUERIES) {
    await page.fill('#recherche-texte', '');
    await page.waitForFunction(() => !location.hash.includes('q='));
    for (const ch of q) {
      const before = await page.evaluate(() => window.__lat.length);
      await page.keyboard.type(ch);
      await page.waitForFunction((n) => window.__lat.length > n, before, { timeout: 2_000 }).catch(() => {});
    }
  }
  const searches = (await page.evaluate(() => window.__measures)).filter((m) => m[0] === 'campus:search').map((m) => m[1]);
  const lat = await page.evaluate(() => window.__lat);
  let steps = null;
  let similar = [NaN, NaN];
  if (NAVIGATE) {
    await page.fill('#recherche-texte', '');
    await page.waitForFunction(() => !location.hash.includes('q=') && !location.search.includes('q='));
    steps = await navigate(page);
    const measures = await page.evaluate(() => window.__measures);
    const all = [...load.measures, ...measures];
    similar = ['campus:similar', 'campus:similar:longest-step'].map((n) => all.filter((m) => m[0] === n).map((m) => m[1]).at(-1) ?? NaN);
  }
  await context.close();
  const long = load.longtasks;
  if (process.env.LONGTASK_VERBOSE) {
    console.error('long tasks [start, duration]:', JSON.stringify(load.tasks.map(([s, d]) => [Math.round(s), Math.round(d)])));
    console.error('measures [name, duration, start]:', JSON.stringify(load.measures.map(([n, d, s]) => [n, Math.round(d), Math.round(s)])));
  }
  return {
    longest: long.length ? Math.max(...long) : (load.longtaskSupported ? 0 : NaN),
    count: long.length,
    blocking: long.reduce((sum, d) => sum + Math.max(0, d - 50), 0),
    gap: load.gap.max,
    load: load.resultsAt,
    decode: one('campus:decode'),
    parse: one('campus:parse'),
    parseStep: one('campus:parse:longest-step'),
    index: one('campus:index'),
    indexStep: one('campus:index:longest-step'),
    search: stats(searches),
    frame: stats(lat),
    steps,
    similar,
  };
}

if (!existsSync(join(buildDir, 'index.html'))) {
  console.error(`no build in ${buildDir}: run bash .ci/build first`);
  process.exit(2);
}
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
const rows = [];
for (const size of SIZES) {
  const file = join(dataDir, `catalogue-${size}.json`);
  if (!existsSync(file)) {
    console.error(`skipped ${size}: ${file} is missing (cargo bench --bench search -- --write ${dataDir})`);
    continue;
  }
  const bytes = statSync(file).size;
  // The build as is, but config.json and the catalogue answered here.
  const server = await startStaticServer({
    root: buildDir,
    base: BASE,
    isolated: true,
    handlers: {
      [`${BASE}config.json`]: (req, res) => {
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
        res.end(JSON.stringify({ catalogue_url: 'bench-catalogue.json', applications_endpoint: null }));
      },
      [`${BASE}bench-catalogue.json`]: (req, res) => {
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': bytes, 'cache-control': 'no-store' });
        createReadStream(file).pipe(res);
      },
    },
  });
  try {
    const row = await benchLoad(browser, server.url);
    rows.push({ size, mb: bytes / 1e6, ...row });
    console.error(`done ${size}: ${JSON.stringify(rows.at(-1))}`);
  } catch (e) {
    console.error(`failed ${size}: ${e.message.split('\n')[0]}`);
    rows.push({ size, mb: bytes / 1e6, failed: true });
  } finally {
    await server.close();
  }
}
await browser.close();

console.log(`\nMain thread during the catalogue load (headless Chromium, ${buildDir})`);
console.log('courses | JSON | longest task | longest frame gap | long tasks | blocking | results shown | decode | parse (longest step) | index (longest step) | search median | search p95 | key→frame p95');
for (const r of rows) {
  if (r.failed) {
    console.log(`${String(r.size).padStart(7)} | ${r.mb.toFixed(0)} MB | failed`);
    continue;
  }
  console.log(
    `${String(r.size).padStart(7)} | ${r.mb.toFixed(0)} MB | ${ms(r.longest)} | ${ms(r.gap)} | ${r.count} | ${ms(r.blocking)} | ${ms(r.load)} | ${ms(r.decode)} | ${ms(r.parse)} (${ms(r.parseStep)}) | ${ms(r.index)} (${ms(r.indexStep)}) | ${ms2(r.search.median)} | ${ms2(r.search.p95)} | ${ms2(r.frame.p95)} (n=${r.search.n})`,
  );
}
if (NAVIGATE) {
  console.log('\nLongest main-thread task of each step of a visit once the catalogue is loaded');
  console.log(`courses | ${STEPS.join(' | ')} | similar index built in (longest step)`);
  for (const r of rows) {
    if (r.failed || !r.steps) continue;
    console.log(`${String(r.size).padStart(7)} | ${r.steps.map((s) => ms(s.longest)).join(' | ')} | ${ms(r.similar[0])} (${ms(r.similar[1])})`);
  }
}
